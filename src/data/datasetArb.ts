/**
 * fast-check arbitrary of synthetic datasets, built from small knobs (kind, n, d, seed, difficulty) so that
 * shrinking moves toward fewer points, lower dimension, seed 0, the first kind and the first difficulty.
 * The value keeps the exact {@link SyntheticSpec} that built it: `synthetic(value.spec)` replays a
 * counterexample bit for bit, and printing the value prints the spec (the Dataset itself is re-made).
 */
import fc from 'fast-check';
import { InputError } from '../errors.js';
import type { Dataset } from './dataset.js';
import { synthetic, SYNTHETIC_KINDS, type SyntheticKind, type SyntheticSpec } from './synthetic.js';
import { PARITY_ORDER } from './xorParity.js';

/** @public */
export interface DatasetConstraints {
  /** Smallest n. @defaultValue 2 */
  nMin?: number;
  /** Largest n. @defaultValue 12 */
  nMax?: number;
  /** Smallest d. @defaultValue 2 */
  dMin?: number;
  /** Largest d. @defaultValue 5 */
  dMax?: number;
  /** Kinds to draw from; shrinks toward the first. @defaultValue ['linear', 'teacher', 'xor', 'parity'] */
  kinds?: readonly SyntheticKind[];
  /** Difficulty levels to draw from; shrinks toward the first. @defaultValue [0, 0.5, 1] */
  difficulties?: readonly number[];
  /** Test points per dataset. @defaultValue 0 */
  nTest?: number;
  /** Keep only datasets holding both labels (a filter: n = 1 never passes). @defaultValue false */
  bothClasses?: boolean;
}

/** @public */
export interface DatasetValue {
  /** The spec that replays this dataset: synthetic(spec). */
  spec: SyntheticSpec;
  ds: Dataset;
}

const DEFAULT_DIFFICULTIES = [0, 0.5, 1] as const;
/** The kinds drawn by default: 'harmonic' is opt-in, so the claims' generated cases (and their replays) stay as they were. */
const DEFAULT_KINDS: readonly SyntheticKind[] = ['linear', 'teacher', 'xor', 'parity'];

function checkRange(name: string, lo: number, hi: number, min: number): void {
  if (!Number.isInteger(lo) || lo < min) throw new InputError(`constraints.${name}Min`, `datasetArb: expected an integer ≥ ${min}, got ${lo}`);
  if (!Number.isInteger(hi) || hi < lo) throw new InputError(`constraints.${name}Max`, `datasetArb: expected an integer ≥ ${name}Min = ${lo}, got ${hi}`);
}

/**
 * Arbitrary of { spec, ds } with ds = synthetic(spec). Kind-specific adjustments (recorded in spec):
 * xor and harmonic use d ≥ 2 (d is raised to 2), parity uses parityOrder = min(PARITY_ORDER, d), harmonic its
 * default degree.
 * @throws InputError naming the bad constraint (empty kinds, unknown kind, difficulty outside [0, 1],
 *         min > max, nMin < 1, dMin < 1, nTest < 0).
 * @public
 */
export function datasetArb(constraints: DatasetConstraints = {}): fc.Arbitrary<DatasetValue> {
  const { nMin = 2, nMax = 12, dMin = 2, dMax = 5, nTest = 0, bothClasses = false } = constraints;
  const kinds = constraints.kinds ?? DEFAULT_KINDS;
  const difficulties = constraints.difficulties ?? DEFAULT_DIFFICULTIES;
  checkRange('n', nMin, nMax, 1);
  checkRange('d', dMin, dMax, 1);
  if (!Number.isInteger(nTest) || nTest < 0) throw new InputError('constraints.nTest', `datasetArb: expected an integer ≥ 0, got ${nTest}`);
  if (kinds.length === 0 || kinds.some((k) => !SYNTHETIC_KINDS.includes(k))) {
    throw new InputError('constraints.kinds', `datasetArb: expected a non-empty subset of ${SYNTHETIC_KINDS.join(', ')}, got ${JSON.stringify(kinds)}`);
  }
  if (difficulties.length === 0 || difficulties.some((v) => !(v >= 0 && v <= 1))) {
    throw new InputError('constraints.difficulties', `datasetArb: expected a non-empty list of numbers in [0, 1], got ${JSON.stringify(difficulties)}`);
  }
  const arb = fc
    .record({
      kind: fc.constantFrom(...kinds),
      n: fc.integer({ min: nMin, max: nMax }),
      d: fc.integer({ min: dMin, max: dMax }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      difficulty: fc.constantFrom(...difficulties),
    })
    .map(({ kind, n, d, seed, difficulty }): DatasetValue => {
      const spec: SyntheticSpec = { kind, n, d: kind === 'xor' || kind === 'harmonic' ? Math.max(d, 2) : d, seed, difficulty };
      if (kind === 'parity') spec.parityOrder = Math.min(PARITY_ORDER, d);
      if (nTest > 0) spec.nTest = nTest;
      return { spec, ds: synthetic(spec) };
    });
  return bothClasses ? arb.filter(({ ds }) => ds.y.includes(1) && ds.y.includes(-1)) : arb;
}
