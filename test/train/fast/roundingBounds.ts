/**
 * The oracle's error bars: first-order floating-point bounds on how far a kernel computing the loss, the
 * outputs f and the gradient G of src/train/kernel.ts in a working precision with unit roundoff u may differ
 * from referenceKernel (float64), for the SAME W. Standard summation analysis: a sum of N products computed
 * in any order is within γ_N ≈ N·u of the exact value, relative to the sum of |terms| (Higham 2002, Thm 3.1 and
 * §3.1) [RECALLED]; the reference's own float64 error is included by adding u64 terms of the same shape.
 *
 *   Δz_is ≤ e_z·Σ_k |w_sk x_ik|,                   e_z = (d + 2)·u + (d + 2)·u64       (inputs rounded, d-term dot)
 *   Δf_i  ≤ e_f·F_i,  F_i = m^{-1/2} Σ_{s ∈ A_i} Σ_k |w_sk x_ik|,  e_f = (d + m + 3)·(u + u64)
 *           A_i = {s : z_is > 0 or |z_is| ≤ Δz_is} (a ReLU is 1-Lipschitz, so near-zero flips cost ≤ Δz)
 *   Δℓ_i  ≤ |σ(f_i) − p_i|·Δf_i + Δf_i²/8 + 8·u64·(p·sp(−f) + (1−p)·sp(f) + H)   (σ' ≤ 1/4; exp/log1p ≤ 1 ulp each)
 *   ΔG_sk ≤ Σ_{i: z_is > 0} ((n + 3)(u + u64)|c_i| + Δc_i)|x_ik| + Σ_{i: |z_is| ≤ Δz_is} (|c_i| + Δc_i)|x_ik|,
 *           c_i = (σ(f_i) − p_i) m^{-1/2}/n,  Δc_i = m^{-1/2}/n·(Δf_i/4 + 2u)          (near-zero z: mask may flip)
 * First order: second-order terms are O((N u)²) relative, below 1e-10 of the bound for N·u ≤ 1e-5; to cover them
 * every bound is multiplied by SECOND_ORDER_FACTOR = 1.01 [INFERRED].
 * Source: the formulas above [INFERRED] from the algorithm in assembly/kernel.ts (forward over d, outputs over m,
 * gradient over n; float32 mode rounds X, W, c·x to f32) and src/train/kernel.ts.
 */
import type { TwoLayerNet } from '../../../src/model/twoLayer.js';
import { softplus, sigmoid, bernoulliEntropy } from '../../../src/model/losses.js';

/** Unit roundoff of binary64, 2^-53. */
export const U64 = 2 ** -53;
/** Unit roundoff of binary32, 2^-24. */
export const U32 = 2 ** -24;
/** Multiplier covering the neglected second-order terms of the first-order bounds (see module doc). */
export const SECOND_ORDER_FACTOR = 1.01;
/**
 * The accuracy target for the float64 kernel: 1e-12 relative to the magnitude of the summands. It holds
 * whenever the derived bound does and (n + m + d + 8)·2·u64 ≤ 1e-12, i.e. n + m + d ≤ 4500 (our test sizes).
 */
export const F64_TARGET_REL = 1e-12;

export interface KernelBounds {
  /** Allowed |Δloss|. */
  loss: number;
  /** Allowed |Δf_i|, length n. */
  f: Float64Array;
  /** Allowed |ΔG_sk|, m×d row-major. */
  G: Float64Array;
  /** Magnitudes the target is relative to: loss summands, F_i, and Σ_i |c_i x_ik| 1[z>0]. */
  lossMag: number;
  fMag: Float64Array;
  GMag: Float64Array;
}

/**
 * Bounds for a kernel with unit roundoff u against the float64 reference at the same W.
 * @param Z  reference pre-activations n×m (referenceKernel's buf.Z).  @param f  reference outputs (n).
 */
export function kernelBounds(
  u: number,
  net: TwoLayerNet,
  X: Float64Array,
  n: number,
  p: Float64Array,
  Z: Float64Array,
  f: Float64Array,
): KernelBounds {
  const { m, d, W } = net;
  const scale = 1 / Math.sqrt(m);
  const eZ = (d + 2) * (u + U64);
  const eF = (d + m + 3) * (u + U64);
  const eG = (n + 3) * (u + U64);
  const absDot = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < m; s++) {
      let t = 0;
      for (let k = 0; k < d; k++) t += Math.abs(W[s * d + k] * X[i * d + k]);
      absDot[i * m + s] = t;
    }
  }
  const near = (i: number, s: number) => Math.abs(Z[i * m + s]) <= eZ * absDot[i * m + s];
  const fMag = new Float64Array(n);
  const fTol = new Float64Array(n);
  const c = new Float64Array(n);
  const dc = new Float64Array(n);
  let lossTol = 0;
  let lossMag = 0;
  for (let i = 0; i < n; i++) {
    let F = 0;
    for (let s = 0; s < m; s++) if (Z[i * m + s] > 0 || near(i, s)) F += absDot[i * m + s];
    fMag[i] = scale * F;
    fTol[i] = eF * fMag[i];
    const r = sigmoid(f[i]) - p[i];
    const terms = p[i] * softplus(-f[i]) + (1 - p[i]) * softplus(f[i]) + bernoulliEntropy(p[i]);
    lossTol += Math.abs(r) * fTol[i] + (fTol[i] * fTol[i]) / 8 + 8 * U64 * terms;
    lossMag += Math.abs(r) * fMag[i] + terms;
    c[i] = (r * scale) / n;
    dc[i] = (scale / n) * (fTol[i] / 4 + 2 * u);
  }
  const G = new Float64Array(m * d);
  const GMag = new Float64Array(m * d);
  for (let s = 0; s < m; s++) {
    for (let k = 0; k < d; k++) {
      let tol = 0;
      let mag = 0;
      for (let i = 0; i < n; i++) {
        const ax = Math.abs(X[i * d + k]);
        if (near(i, s)) tol += (Math.abs(c[i]) + dc[i]) * ax;
        else if (Z[i * m + s] > 0) tol += (eG * Math.abs(c[i]) + dc[i]) * ax;
        if (Z[i * m + s] > 0) mag += Math.abs(c[i]) * ax;
      }
      G[s * d + k] = SECOND_ORDER_FACTOR * tol;
      GMag[s * d + k] = mag;
    }
  }
  for (let i = 0; i < n; i++) fTol[i] *= SECOND_ORDER_FACTOR;
  return { loss: (SECOND_ORDER_FACTOR * lossTol) / n, f: fTol, G, lossMag: lossMag / n, fMag, GMag };
}
