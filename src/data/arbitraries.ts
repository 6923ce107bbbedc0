/**
 * fast-check dataset arbitraries for properties (one per file, re-exported here):
 * {@link datasetArb} (synthetic datasets from small knobs, replayable spec in the value) and
 * {@link twoPointArb} (two points at angle θ, opposite labels, closed-form margin).
 */
export { datasetArb, type DatasetConstraints, type DatasetValue } from './datasetArb.js';
export { twoPointArb, twoPointDataset, twoPointGammaRkhs, type TwoPointConstraints, type TwoPointValue } from './twoPointArb.js';
