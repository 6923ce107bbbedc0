/** The data layer: datasets on the unit sphere (synthetic, MNIST pairs, JSON files) and their arbitraries. */
export * from './dataset.js';
export { synthetic, syntheticWithSpec, syntheticLinearRule, resolveSyntheticSpec, SYNTHETIC_KINDS } from './synthetic.js';
export type { SyntheticSpec, SyntheticKind, ResolvedSyntheticSpec } from './synthetic.js';
export { loadMnistPair, selectMnistPair, loadMnistDigit, MNIST_DEFAULT_DIM, MNIST_PIXELS } from './mnist.js';
export type { MnistPairOptions, MnistPick } from './mnist.js';
export { parseDataset, readDatasetFile, writeDatasetFile, formatDataset, UNIT_NORM_TOL } from './datasetFile.js';
export { fitPca, projectPca, type Pca } from './pca.js';
export { teacherNetLabels, makeTeacher, TEACHER_WIDTH } from './teacher.js';
export { parityLabels, PARITY_ORDER } from './xorParity.js';
export { uniformSphere } from './sphere.js';
export { LINEAR_MAX_ANGLE, BAND_MASS_MAX, PILOT_SIZE } from './marginKnob.js';
export * from './arbitraries.js';
