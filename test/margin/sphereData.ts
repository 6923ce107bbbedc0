/**
 * Local dataset generator for the margin tests (kept here so the margin tests do not depend on src/data/
 * arbitraries, which are written concurrently). Datasets come from small knobs (n, d, seed) so fast-check
 * shrinks the knobs, not n·d floats.
 */
import fc from 'fast-check';
import { makeRng } from '../../src/rng.js';

export interface SphereData {
  n: number;
  d: number;
  X: Float64Array;
  y: Float64Array;
  seed: number;
}

/** n points uniform on S^{d−1}; labels by a random width-8 ReLU teacher, or random signs when labels = 'random'. */
export function sphereData(n: number, d: number, seed: number, labels: 'teacher' | 'random' = 'teacher'): SphereData {
  const rng = makeRng(`margin-test/${seed}/${n}/${d}`);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const v = rng.normal();
      X[i * d + k] = v;
      s += v * v;
    }
    const inv = 1 / Math.sqrt(s);
    for (let k = 0; k < d; k++) X[i * d + k] *= inv;
  }
  const y = new Float64Array(n);
  if (labels === 'random') {
    for (let i = 0; i < n; i++) y[i] = rng.sign();
  } else {
    const m = 8;
    const W = new Float64Array(m * d);
    for (let t = 0; t < W.length; t++) W[t] = rng.normal();
    const a = new Float64Array(m);
    for (let s = 0; s < m; s++) a[s] = rng.sign();
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let s = 0; s < m; s++) {
        let z = 0;
        for (let k = 0; k < d; k++) z += W[s * d + k] * X[i * d + k];
        f += a[s] * Math.max(z, 0);
      }
      y[i] = f >= 0 ? 1 : -1;
    }
    // make sure both labels occur (a one-class set is legal but less interesting)
    if (y.every((v) => v === y[0])) y[0] = -y[0];
  }
  return { n, d, X, y, seed };
}

/** Points in the plane at given angles (radians), unit norm. */
export function circleData(angles: number[], labels: number[]): SphereData {
  const n = angles.length;
  const X = new Float64Array(2 * n);
  angles.forEach((a, i) => {
    X[2 * i] = Math.cos(a);
    X[2 * i + 1] = Math.sin(a);
  });
  return { n, d: 2, X, y: Float64Array.from(labels), seed: -1 };
}

/** fast-check arbitrary over the knobs (n, d, seed); shrinks towards small n, d. */
export function sphereDataArb(c: { minN?: number; maxN?: number; minD?: number; maxD?: number; labels?: 'teacher' | 'random' } = {}): fc.Arbitrary<SphereData> {
  return fc
    .record({
      n: fc.integer({ min: c.minN ?? 2, max: c.maxN ?? 12 }),
      d: fc.integer({ min: c.minD ?? 2, max: c.maxD ?? 6 }),
      seed: fc.nat({ max: 1_000_000 }),
    })
    .map(({ n, d, seed }) => sphereData(n, d, seed, c.labels ?? 'teacher'));
}

/** Copy of the data with rows permuted / duplicated by an index list. */
export function pick(ds: SphereData, idx: number[]): SphereData {
  const { d } = ds;
  const X = new Float64Array(idx.length * d);
  const y = new Float64Array(idx.length);
  idx.forEach((i, t) => {
    X.set(ds.X.subarray(i * d, (i + 1) * d), t * d);
    y[t] = ds.y[i];
  });
  return { n: idx.length, d, X, y, seed: ds.seed };
}

/**
 * A seeded d×d orthogonal matrix, the product of d Householder reflectors I − 2vvᵀ/‖v‖² with v ~ N(0, I)
 * (each reflector is orthogonal, so is the product; Golub & Van Loan §5.1 [RECALLED]). Row-major.
 */
export function randomOrthogonal(d: number, seed: number | string): Float64Array {
  const rng = makeRng(`orth/${seed}/${d}`);
  const O = new Float64Array(d * d);
  for (let k = 0; k < d; k++) O[k * d + k] = 1;
  const v = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let vv = 0;
    for (let k = 0; k < d; k++) vv += (v[k] = rng.normal()) ** 2;
    // O ← O·H: each row o of O becomes o − 2(o·v)v/vv
    for (let i = 0; i < d; i++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += O[i * d + k] * v[k];
      const c = (2 * dot) / vv;
      for (let k = 0; k < d; k++) O[i * d + k] -= c * v[k];
    }
  }
  return O;
}

/** Rotate every input: x_i ↦ O x_i. */
export function rotate(ds: SphereData, O: Float64Array): SphereData {
  const { n, d } = ds;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += O[r * d + k] * ds.X[i * d + k];
      X[i * d + r] = s;
    }
  return { ...ds, X };
}

/** max_ij |A_ij − B_ij| (the actual perturbation between two Grams). */
export function maxAbsDiff(A: Float64Array, B: Float64Array): number {
  let e = 0;
  for (let k = 0; k < A.length; k++) e = Math.max(e, Math.abs(A[k] - B[k]));
  return e;
}
