/**
 * Small seeded datasets for the tests of src/train, src/teacher, src/bounds (the suite's generators live in
 * src/data; these stay independent so the tests do not move when the generators do).
 */
import type { Dataset } from '../../src/data/dataset.js';
import { makeRng, deriveSeed } from '../../src/rng.js';

function unitRow(rng: ReturnType<typeof makeRng>, d: number): Float64Array {
  const x = new Float64Array(d);
  let s = 0;
  for (let k = 0; k < d; k++) {
    x[k] = rng.normal();
    s += x[k] ** 2;
  }
  const inv = 1 / Math.sqrt(s);
  for (let k = 0; k < d; k++) x[k] *= inv;
  return x;
}

/**
 * n points uniform on S^{d−1} with |<u, x>| ≥ margin, labelled y = sign(<u, x>) for a random unit u
 * (rejection sampling; margin < 1/√d keeps the acceptance rate reasonable). Optional test split of nTest.
 */
export function linearSphere(n: number, d: number, margin: number, seed: string | number, nTest = 0): Dataset {
  const rng = makeRng(deriveSeed(seed, 'linearSphere'));
  const u = unitRow(rng, d);
  const draw = (count: number): Dataset => {
    const X = new Float64Array(count * d);
    const y = new Float64Array(count);
    for (let i = 0; i < count; ) {
      const x = unitRow(rng, d);
      let dot = 0;
      for (let k = 0; k < d; k++) dot += x[k] * u[k];
      if (Math.abs(dot) < margin) continue;
      X.set(x, i * d);
      y[i] = dot > 0 ? 1 : -1;
      i++;
    }
    return { n: count, d, X, y };
  };
  const train = draw(n);
  if (nTest > 0) train.test = draw(nTest);
  train.name = `linearSphere(n=${n}, d=${d}, margin=${margin}, seed=${seed})`;
  return train;
}

/** n points uniform on S^{d−1} with labels ±1 by a fair coin (no structure: small NTK margin). */
export function randomLabels(n: number, d: number, seed: string | number): Dataset {
  const rng = makeRng(deriveSeed(seed, 'randomLabels'));
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X.set(unitRow(rng, d), i * d);
    y[i] = rng.sign();
  }
  return { n, d, X, y, name: `randomLabels(n=${n}, d=${d}, seed=${seed})` };
}

/** XOR on the first two coordinates: y = sign(x_0 · x_1), points uniform on S^{d−1}. */
export function xorSphere(n: number, d: number, seed: string | number): Dataset {
  const rng = makeRng(deriveSeed(seed, 'xorSphere'));
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = unitRow(rng, d);
    X.set(x, i * d);
    y[i] = x[0] * x[1] >= 0 ? 1 : -1;
  }
  return { n, d, X, y, name: `xorSphere(n=${n}, d=${d}, seed=${seed})` };
}
