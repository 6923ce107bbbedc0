/**
 * Datasets as fast-check cases for the claims: generated from small knobs (kind, n, d, seed) so that shrinking
 * moves toward fewer points and lower dimension and never touches n·d floats, and turned back into the JSON
 * payload of a counterexample ({x, y} rows, n, d) for reports and `ntk-verify replay`.
 */
import fc from 'fast-check';
import { synthetic, type SyntheticSpec } from '../data/synthetic.js';
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
  /** Labelling rules drawn from. @defaultValue ['linear', 'teacher'] */
  kinds?: SyntheticSpec['kind'][];
}

/** Build the case for given knobs. */
export function fixedDatasetCase(spec: SyntheticSpec): DatasetCase {
  return { ds: synthetic(spec), spec, seed: `case/${String(spec.seed)}/${spec.kind}/${spec.n}/${spec.d}` };
}

/**
 * Cases from knobs: n ∈ [nMin, nMax], d ∈ [dMin, dMax], kind, an integer data seed (all shrinkable).
 * @throws Error naming the call when the constraints are not positive integers with min ≤ max.
 */
export function caseDatasetArb(c: CaseDatasetConstraints = {}): fc.Arbitrary<DatasetCase> {
  const { nMax = 12, dMax = 8, nMin = 1, dMin = 1, kinds = ['linear', 'teacher'] } = c;
  for (const [name, lo, hi] of [['n', nMin, nMax], ['d', dMin, dMax]] as const) {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || lo > hi) {
      throw new Error(`caseDatasetArb: ${name} range must be integers 1 ≤ min ≤ max, got [${lo}, ${hi}]`);
    }
  }
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      n: fc.integer({ min: nMin, max: nMax }),
      d: fc.integer({ min: dMin, max: dMax }),
      seed: fc.nat({ max: 1_000_000 }),
    })
    .map((k) => fixedDatasetCase({ kind: k.kind, n: k.n, d: k.d, seed: k.seed }));
}

/** The counterexample payload of a case: rows of X, labels (and soft labels), n, d. */
export function datasetPayload(c: { ds: Dataset }): Pick<Counterexample, 'dataset' | 'n' | 'd'> {
  const { ds } = c;
  const x: number[][] = [];
  for (let i = 0; i < ds.n; i++) x.push(Array.from(ds.X.subarray(i * ds.d, (i + 1) * ds.d)));
  return { dataset: { x, y: Array.from(ds.y), ...(ds.p ? { p: Array.from(ds.p) } : {}) }, n: ds.n, d: ds.d };
}
