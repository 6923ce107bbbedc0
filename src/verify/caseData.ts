/**
 * Datasets as fast-check cases for the claims: generated from small knobs (kind, n, d, seed, difficulty) by the
 * data module's datasetArb (src/data/datasetArb.ts), so that shrinking
 * moves toward fewer points and lower dimension and never touches n·d floats, and turned back into the JSON
 * payload of a counterexample ({x, y} rows, n, d) for reports and `ntk-verify replay`.
 */
import fc from 'fast-check';
import { synthetic, type SyntheticSpec } from '../data/synthetic.js';
import { datasetArb } from '../data/datasetArb.js';
import type { Dataset } from '../data/dataset.js';
import type { Counterexample } from './types.js';

/** A generated dataset with the knobs that made it (for replay and reports). */
export interface DatasetCase {
  ds: Dataset;
  spec: SyntheticSpec;
  /** Seed of everything random in the case besides the data (init seeds derive from it). */
  seed: string;
}

export interface CaseDatasetConstraints {
  /** Largest n. @defaultValue 12 */
  nMax?: number;
  /** Largest d. @defaultValue 8 */
  dMax?: number;
  /** Smallest n. @defaultValue 1 */
  nMin?: number;
  /** Smallest d. @defaultValue 1 */
  dMin?: number;
  /** Labelling rules drawn from (shrinks toward the first). @defaultValue all synthetic kinds, linear first */
  kinds?: SyntheticSpec['kind'][];
}

/** Build the case for given knobs. */
export function fixedDatasetCase(spec: SyntheticSpec): DatasetCase {
  return { ds: synthetic(spec), spec, seed: caseSeed(spec) };
}

function caseSeed(spec: SyntheticSpec): string {
  return `case/${String(spec.seed)}/${spec.kind}/${spec.n}/${spec.d}/${spec.difficulty ?? 0}`;
}

/**
 * Cases from the data module's {@link datasetArb} (knobs kind, n, d, seed, difficulty — all shrinkable), plus
 * the case seed from which init seeds derive.
 * @throws InputError from datasetArb naming the bad constraint.
 */
export function caseDatasetArb(c: CaseDatasetConstraints = {}): fc.Arbitrary<DatasetCase> {
  const { nMax = 12, dMax = 8, nMin = 1, dMin = 1, kinds = ['linear', 'teacher', 'xor', 'parity'] } = c;
  return datasetArb({ nMin, nMax, dMin, dMax, kinds }).map(({ spec, ds }) => ({ ds, spec, seed: caseSeed(spec) }));
}

/** The counterexample payload of a case: rows of X, labels (and soft labels), n, d. */
export function datasetPayload(c: { ds: Dataset }): Pick<Counterexample, 'dataset' | 'n' | 'd'> {
  const { ds } = c;
  const x: number[][] = [];
  for (let i = 0; i < ds.n; i++) x.push(Array.from(ds.X.subarray(i * ds.d, (i + 1) * ds.d)));
  return { dataset: { x, y: Array.from(ds.y), ...(ds.p ? { p: Array.from(ds.p) } : {}) }, n: ds.n, d: ds.d };
}
