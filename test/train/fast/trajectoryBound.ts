/**
 * The oracle for whole trainings: the reference trajectory (referenceKernel + the update and projection of
 * src/train/loop.ts, replayed here step by step) with a rigorous bound δ_t on ‖W_fast(t) − W_ref(t)‖_F for a
 * kernel of unit roundoff u. Per step, with X∞ = max_i ‖x_i‖, L = X∞²/4 (the loss Hessian, where no ReLU mask
 * changes, is (1/n) Σ σ'(f_i) ∇f_i ∇f_iᵀ with σ' ≤ 1/4 and ‖∇f_i‖_F ≤ ‖x_i‖):
 *   δ_{t+1} = (1 + ηL) δ_t                              (smooth part of the gradient map; projection is nonexpansive)
 *           + η ‖B_t.G‖_F                               (rounding of G at W_ref(t), test/train/fast/roundingBounds.ts)
 *           + η Σ_{(i,s): |z_is| ≤ ‖x_i‖ δ_t} 2 m^{-1/2}/n ‖x_i‖   (masks that the perturbation may flip: |Δc| ≤ 2m^{-1/2}/n)
 *           + u (‖W(t+1)‖_F + η‖G_t‖_F + η‖B_t.G‖_F)   (float32 only: the update rounded to f32)
 *           + (md + 4)(u + u64) R + 2u‖W(0)‖_F          (projected runs: radius rounding; f32 ball centre moved)
 *   δ_0 = u ‖W(0)‖_F in float32 (W rounded on entry), 0 in float64.
 * Then, R̂ being X∞-Lipschitz in W (|σ − p| ≤ 1), |Δ R̂(W(t))| ≤ X∞ δ_t + B_t.loss and |Δf_i(T)| ≤ ‖x_i‖ δ_T + B_T.f_i.
 * Source: the recursion above [INFERRED] (standard perturbation of a nonexpansive + Lipschitz iteration).
 */
import type { TwoLayerNet } from '../../../src/model/twoLayer.js';
import { referenceKernel, makeBuffers } from '../../../src/train/kernel.js';
import { projectToBall } from '../../../src/train/project.js';
import { kernelBounds, U64, U32 } from './roundingBounds.js';

export interface Trajectory {
  /** Reference R̂(W(t)), t = 0..T. */
  curve: Float64Array;
  avgLoss: number;
  finalLoss: number;
  f: Float64Array;
  W: Float64Array;
  /** Allowed |Δ R̂(W(t))|, t = 0..T. */
  lossTol: Float64Array;
  /** Allowed |Δf_i| at W(T). */
  fTol: Float64Array;
  /** Allowed ‖ΔW(T)‖_F. */
  WTol: number;
}

const frob = (a: Float64Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

/** Replay the reference loop from net (not modified) and bound the deviation of a kernel with roundoff u. */
export function referenceTrajectory(
  net: TwoLayerNet,
  X: Float64Array,
  n: number,
  p: Float64Array,
  opts: { T: number; eta: number; radius: number; u: number },
): Trajectory {
  const { T, eta, radius, u } = opts;
  const { m, d } = net;
  const W = net.W.slice();
  const W0 = net.W.slice();
  const work: TwoLayerNet = { m, d, W, a: net.a };
  const buf = makeBuffers(n, m, d);
  const xNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += X[i * d + k] ** 2;
    xNorm[i] = Math.sqrt(s);
  }
  const xInf = Math.max(...xNorm);
  const L = (xInf * xInf) / 4;
  const f32 = u === U32;
  const projected = Number.isFinite(radius);
  let delta = f32 ? u * frob(W0) : 0;
  const curve = new Float64Array(T + 1);
  const lossTol = new Float64Array(T + 1);
  let sum = 0;
  for (let t = 0; t <= T; t++) {
    const loss = referenceKernel.lossAndGrad(work, X, n, p, buf);
    const B = kernelBounds(u, work, X, n, p, buf.Z, buf.f);
    curve[t] = loss;
    lossTol[t] = xInf * delta + B.loss;
    if (t === T) {
      const fTol = new Float64Array(n);
      for (let i = 0; i < n; i++) fTol[i] = xNorm[i] * delta + B.f[i];
      return { curve, avgLoss: T > 0 ? sum / T : loss, finalLoss: loss, f: buf.f.slice(), W, lossTol, fTol, WTol: delta };
    }
    sum += loss;
    let flips = 0;
    for (let i = 0; i < n; i++) {
      for (let s = 0; s < m; s++) if (Math.abs(buf.Z[i * m + s]) <= xNorm[i] * delta) flips += (2 / Math.sqrt(m) / n) * xNorm[i];
    }
    const gRound = frob(B.G);
    const gNorm = frob(buf.G);
    for (let k = 0; k < W.length; k++) W[k] -= eta * buf.G[k];
    if (projected) projectToBall(W, W0, radius);
    delta = (1 + eta * L) * delta + eta * gRound + eta * flips;
    if (f32) delta += u * (frob(W) + eta * gNorm + eta * gRound);
    if (projected) delta += (m * d + 4) * (u + U64) * radius + (f32 ? 2 * u * frob(W0) : 0);
  }
  throw new Error('unreachable');
}
