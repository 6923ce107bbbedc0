/**
 * Generated width cases for the per-dataset width properties (the width mutants of properties/mutants/): a dataset
 * from the data module's datasetArb knobs (kind, n, d, seed, difficulty) plus a target ε from a grid, and the base
 * seed of its m* search. Shrinking lowers n, d, the seed, the difficulty index and the ε index; the dataset is
 * rebuilt (and cached) from its spec (src/verify/widthCells.ts loadData).
 */
import fc from 'fast-check';
import type { SyntheticKind } from '../data/synthetic.js';
import { datasetArb } from '../data/datasetArb.js';
import type { DataRef } from './widthCells.js';

/** The generator's knobs. */
export interface FreshDesign {
  kinds: SyntheticKind[];
  n: [number, number];
  d: [number, number];
  difficulties: number[];
  eps: number[];
}

/** One generated width case. */
export interface WidthFreshCase {
  ref: DataRef;
  eps: number;
  searchSeed: string;
}

/** Width cases from the knobs (module doc). @throws InputError from datasetArb naming a bad knob. */
export function freshCaseArb(f: FreshDesign): fc.Arbitrary<WidthFreshCase> {
  return fc
    .record({
      data: datasetArb({ kinds: f.kinds, nMin: f.n[0], nMax: f.n[1], dMin: f.d[0], dMax: f.d[1], difficulties: f.difficulties }),
      eps: fc.constantFrom(...f.eps),
    })
    .map(({ data, eps }) => ({
      ref: { source: 'synthetic', spec: data.spec } as DataRef,
      eps,
      searchSeed: `fresh-${String(data.spec.seed)}`,
    }));
}
