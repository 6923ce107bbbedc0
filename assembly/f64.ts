/**
 * The float64 kernel (f64x2): forward pass, gradient, loss-and-gradient and the whole training loop, in the
 * layout described in assembly/kernel.ts.
 */
import { KC, IC, madd2, lossCoef, update64 } from './common';

/**
 * Forward pass: M = a·1[XWᵀ > 0] (np×mp) and fv[i] = Σ_s M_is z_is as two lanes (np×2).
 * The input coordinates are taken in chunks of kc (a multiple of 2): partial sums z wait in M between chunks,
 * so one kc×8 strip of Wt stays in L1 and one np×kc panel of X in L2 when d is large.
 */
export function forward64(X: usize, Wt: usize, a: usize, M: usize, fv: usize, np: i32, dp: i32, mp: i32, kc: i32): void {
  const zero = f64x2.splat(0);
  for (let i = 0; i < np; i++) v128.store(fv + (<usize>i << 4), zero);
  const rowX = <usize>dp << 3;
  const panelW = <usize>dp << 6; // one neuron tile of Wt: dp rows of 64 bytes
  const panelM = <usize>np << 6; // one neuron tile of M: np rows of 64 bytes
  for (let k0 = 0; k0 < dp; k0 += kc) {
    const k1 = min(dp, k0 + kc);
    const first = k0 == 0;
    const last = k1 == dp;
    for (let s = 0; s < mp; s += 8) {
      const so = <usize>s << 3;
      const tile = <usize>(s >> 3);
      const a0 = v128.load(a + so), a1 = v128.load(a + so, 16), a2 = v128.load(a + so, 32), a3 = v128.load(a + so, 48);
      for (let i = 0; i < np; i += 2) {
        const x0 = X + <usize>i * rowX;
        const x1 = x0 + rowX;
        const m0 = M + tile * panelM + (<usize>i << 6);
        const m1 = m0 + 64;
        let c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        let c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        if (!first) {
          c00 = v128.load(m0); c01 = v128.load(m0, 16); c02 = v128.load(m0, 32); c03 = v128.load(m0, 48);
          c10 = v128.load(m1); c11 = v128.load(m1, 16); c12 = v128.load(m1, 32); c13 = v128.load(m1, 48);
        }
        let w = Wt + tile * panelW + (<usize>k0 << 6);
        for (let k = k0; k < k1; k++) {
          const w0 = v128.load(w), w1 = v128.load(w, 16), w2 = v128.load(w, 32), w3 = v128.load(w, 48);
          const xa = v128.load64_splat(x0 + (<usize>k << 3));
          const xb = v128.load64_splat(x1 + (<usize>k << 3));
          c00 = madd2(xa, w0, c00); c01 = madd2(xa, w1, c01); c02 = madd2(xa, w2, c02); c03 = madd2(xa, w3, c03);
          c10 = madd2(xb, w0, c10); c11 = madd2(xb, w1, c11); c12 = madd2(xb, w2, c12); c13 = madd2(xb, w3, c13);
          w += 64;
        }
        if (!last) {
          v128.store(m0, c00); v128.store(m0, c01, 16); v128.store(m0, c02, 32); v128.store(m0, c03, 48);
          v128.store(m1, c10); v128.store(m1, c11, 16); v128.store(m1, c12, 32); v128.store(m1, c13, 48);
          continue;
        }
        const k00 = v128.and(a0, f64x2.gt(c00, zero)), k01 = v128.and(a1, f64x2.gt(c01, zero));
        const k02 = v128.and(a2, f64x2.gt(c02, zero)), k03 = v128.and(a3, f64x2.gt(c03, zero));
        const k10 = v128.and(a0, f64x2.gt(c10, zero)), k11 = v128.and(a1, f64x2.gt(c11, zero));
        const k12 = v128.and(a2, f64x2.gt(c12, zero)), k13 = v128.and(a3, f64x2.gt(c13, zero));
        v128.store(m0, k00); v128.store(m0, k01, 16); v128.store(m0, k02, 32); v128.store(m0, k03, 48);
        v128.store(m1, k10); v128.store(m1, k11, 16); v128.store(m1, k12, 32); v128.store(m1, k13, 48);
        const f0 = fv + (<usize>i << 4);
        let s0 = f64x2.add(f64x2.mul(k00, c00), f64x2.mul(k01, c01));
        s0 = f64x2.add(s0, f64x2.add(f64x2.mul(k02, c02), f64x2.mul(k03, c03)));
        let s1 = f64x2.add(f64x2.mul(k10, c10), f64x2.mul(k11, c11));
        s1 = f64x2.add(s1, f64x2.add(f64x2.mul(k12, c12), f64x2.mul(k13, c13)));
        v128.store(f0, f64x2.add(v128.load(f0), s0));
        v128.store(f0, f64x2.add(v128.load(f0, 16), s1), 16);
      }
    }
  }
}

/** Xc[i,k] = c_i X[i,k] (np×dp). */
function scaleRows64(X: usize, c: usize, Xc: usize, np: i32, dp: i32): void {
  for (let i = 0; i < np; i++) {
    const ci = v128.load64_splat(c + (<usize>i << 3));
    const o = <usize>i * (<usize>dp << 3);
    for (let k = 0; k < dp; k += 2) {
      const ok = o + (<usize>k << 3);
      v128.store(Xc + ok, f64x2.mul(ci, v128.load(X + ok)));
    }
  }
}

/**
 * Gradient, transposed: Gt = Xcᵀ M (dp×mp), Gt[k,s] = Σ_i c_i x_ik a_s 1[z_is > 0]. Samples are taken in
 * chunks of ic (partial sums wait in Gt), so an ic×8 strip of M and the ic rows of Xc in use stay in L1.
 */
export function backward64(Xc: usize, M: usize, Gt: usize, np: i32, dp: i32, mp: i32, ic: i32): void {
  const zero = f64x2.splat(0);
  const rowX = <usize>dp << 3;
  const panelW = <usize>dp << 6;
  const panelM = <usize>np << 6;
  for (let i0 = 0; i0 < np; i0 += ic) {
    const i1 = min(np, i0 + ic);
    const first = i0 == 0;
    for (let s = 0; s < mp; s += 8) {
      const tile = <usize>(s >> 3);
      for (let k = 0; k < dp; k += 2) {
        const g0 = Gt + tile * panelW + (<usize>k << 6);
        const g1 = g0 + 64;
        let c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        let c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        if (!first) {
          c00 = v128.load(g0); c01 = v128.load(g0, 16); c02 = v128.load(g0, 32); c03 = v128.load(g0, 48);
          c10 = v128.load(g1); c11 = v128.load(g1, 16); c12 = v128.load(g1, 32); c13 = v128.load(g1, 48);
        }
        let mm = M + tile * panelM + (<usize>i0 << 6);
        let xx = Xc + <usize>i0 * rowX + (<usize>k << 3);
        for (let i = i0; i < i1; i++) {
          const m0 = v128.load(mm), m1 = v128.load(mm, 16), m2 = v128.load(mm, 32), m3 = v128.load(mm, 48);
          const xa = v128.load64_splat(xx);
          const xb = v128.load64_splat(xx, 8);
          c00 = madd2(xa, m0, c00); c01 = madd2(xa, m1, c01); c02 = madd2(xa, m2, c02); c03 = madd2(xa, m3, c03);
          c10 = madd2(xb, m0, c10); c11 = madd2(xb, m1, c11); c12 = madd2(xb, m2, c12); c13 = madd2(xb, m3, c13);
          mm += 64;
          xx += rowX;
        }
        v128.store(g0, c00); v128.store(g0, c01, 16); v128.store(g0, c02, 32); v128.store(g0, c03, 48);
        v128.store(g1, c10); v128.store(g1, c11, 16); v128.store(g1, c12, 32); v128.store(g1, c13, 48);
      }
    }
  }
}

/**
 * Loss and gradient at the current Wt (float64): fills f (n), c (np), M, Xc and Gt; returns R̂(W).
 * Pointers are byte offsets into this module's memory (see the module doc for the layout).
 */
export function lossAndGrad64(
  X: usize, Xc: usize, Wt: usize, Gt: usize, a: usize, M: usize, fv: usize, f: usize, p: usize, H: usize, c: usize,
  n: i32, np: i32, dp: i32, mp: i32, scale: f64,
): f64 {
  forward64(X, Wt, a, M, fv, np, dp, mp, KC);
  const loss = lossCoef(fv, f, p, H, c, n, np, scale);
  scaleRows64(X, c, Xc, np, dp);
  backward64(Xc, M, Gt, np, dp, mp, IC);
  return loss;
}

/** Loss only (forward pass), float64; fills f. */
export function loss64(
  X: usize, Wt: usize, a: usize, M: usize, fv: usize, f: usize, p: usize, H: usize, c: usize,
  n: i32, np: i32, dp: i32, mp: i32, scale: f64,
): f64 {
  forward64(X, Wt, a, M, fv, np, dp, mp, KC);
  return lossCoef(fv, f, p, H, c, n, np, scale);
}

/**
 * T steps of (projected) full-batch GD in float64, then the final loss. Writes curve[t] = R̂(W(t)), t = 0..T,
 * when record ≠ 0, and out[0] = (1/T) Σ_{t<T} R̂(W(t)) (R̂(W(T)) if T = 0), out[1] = R̂(W(T)).
 */
export function train64(
  X: usize, Xc: usize, Wt: usize, W0t: usize, Gt: usize, a: usize, M: usize, fv: usize, f: usize, p: usize,
  H: usize, c: usize, curve: usize, out: usize,
  n: i32, np: i32, dp: i32, mp: i32, scale: f64, T: i32, eta: f64, radius: f64, record: i32, stopAbove: f64,
): void {
  let sum: f64 = 0;
  for (let t = 0; t < T; t++) {
    const loss = lossAndGrad64(X, Xc, Wt, Gt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
    if (record) store<f64>(curve + (<usize>t << 3), loss);
    sum += loss;
    // Losses are ≥ 0, so the running sum only grows: once sum/T > stopAbove the average cannot end ≤ stopAbove.
    // At the last epoch the run finishes normally, so epochs = T always means finalLoss = R̂(W(T)).
    if (t + 1 < T && sum / <f64>T > stopAbove) {
      store<f64>(out, sum / <f64>T);
      store<f64>(out, loss, 8);
      store<f64>(out, <f64>(t + 1), 16);
      return;
    }
    update64(Wt, Gt, W0t, dp * mp, eta, radius);
  }
  const finalLoss = loss64(X, Wt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
  if (record) store<f64>(curve + (<usize>T << 3), finalLoss);
  store<f64>(out, T > 0 ? sum / <f64>T : finalLoss);
  store<f64>(out, finalLoss, 8);
  store<f64>(out, <f64>T, 16);
}
