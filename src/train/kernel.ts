/**
 * The hot step of training, the reference implementation in plain TypeScript: one pass computes the
 * pre-activations, the outputs f and the mean loss; a second accumulates the gradient
 *   ∇_{w_s} R̂(W) = (1/n) Σ_i (σ(f_i) − p_i) · m^{-1/2} a_s 1[<w_s,x_i> > 0] x_i        (m×d).
 * No allocation per step: callers pass the scratch buffers of a {@link StepBuffers}.
 * Source: chain rule on src/model/twoLayer.ts and src/model/losses.ts [INFERRED]; [CHECKED] against finite
 * differences in test/train/kernel.test.ts.
 */
import type { TwoLayerNet } from '../model/twoLayer.js';
import { klLogit, sigmoid } from '../model/losses.js';

export interface StepBuffers {
  /** n×m pre-activations z_is = <w_s, x_i>, row-major (sample-major so each row of W is read once per x_i). */
  Z: Float64Array;
  /** n outputs f_i. */
  f: Float64Array;
  /** m×d gradient of the mean loss. */
  G: Float64Array;
}

export function makeBuffers(n: number, m: number, d: number): StepBuffers {
  return { Z: new Float64Array(n * m), f: new Float64Array(n), G: new Float64Array(m * d) };
}

/** A loss-and-gradient implementation (the TypeScript reference here; a faster one may replace it). */
export interface TrainKernel {
  readonly name: string;
  /**
   * Fill buf.f and buf.G for net on (X, p), return the mean loss R̂(W) = (1/n) Σ_i KL(Bern(p_i) ‖ Bern(σ(f_i))).
   * @param X  n×d row-major inputs.  @param p  n target probabilities.
   */
  lossAndGrad(net: TwoLayerNet, X: Float64Array, n: number, p: Float64Array, buf: StepBuffers): number;
}

export const referenceKernel: TrainKernel = {
  name: 'typescript-f64',
  lossAndGrad(net, X, n, p, buf) {
    const { m, d, W, a } = net;
    const { Z, f, G } = buf;
    const scale = 1 / Math.sqrt(m);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      let fi = 0;
      for (let s = 0; s < m; s++) {
        const wo = s * d;
        let z = 0;
        for (let k = 0; k < d; k++) z += W[wo + k] * X[xo + k];
        Z[i * m + s] = z;
        if (z > 0) fi += a[s] * z;
      }
      fi *= scale;
      f[i] = fi;
      loss += klLogit(fi, p[i]);
    }
    G.fill(0);
    for (let i = 0; i < n; i++) {
      const c = ((sigmoid(f[i]) - p[i]) * scale) / n;
      if (c === 0) continue;
      const xo = i * d;
      for (let s = 0; s < m; s++) {
        if (Z[i * m + s] <= 0) continue;
        const cs = c * a[s];
        const go = s * d;
        for (let k = 0; k < d; k++) G[go + k] += cs * X[xo + k];
      }
    }
    return loss / n;
  },
};
