/**
 * The float32 kernel (f32x4, opt-in): as assembly/f64.ts with 16-neuron tiles; outputs, loss and c_i stay float64.
 */
import { KC, IC, madd4, lossCoef, update32 } from './common';

/** Forward pass in float32: as forward64 with 4 lanes and 16-neuron tiles; fv[i] lane 0 gets the f32 sum. */
export function forward32(X: usize, Wt: usize, a: usize, M: usize, fv: usize, np: i32, dp: i32, mp: i32, kc: i32): void {
  const zero = f32x4.splat(0);
  for (let i = 0; i < np; i++) v128.store(fv + (<usize>i << 4), f64x2.splat(0));
  const rowX = <usize>dp << 2;
  const panelW = <usize>dp << 6; // one neuron tile of Wt: dp rows of 64 bytes
  const panelM = <usize>np << 6; // one neuron tile of M: np rows of 64 bytes
  for (let k0 = 0; k0 < dp; k0 += kc) {
    const k1 = min(dp, k0 + kc);
    const first = k0 == 0;
    const last = k1 == dp;
    for (let s = 0; s < mp; s += 16) {
      const so = <usize>s << 2;
      const tile = <usize>(s >> 4);
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
          const xa = v128.load32_splat(x0 + (<usize>k << 2));
          const xb = v128.load32_splat(x1 + (<usize>k << 2));
          c00 = madd4(xa, w0, c00); c01 = madd4(xa, w1, c01); c02 = madd4(xa, w2, c02); c03 = madd4(xa, w3, c03);
          c10 = madd4(xb, w0, c10); c11 = madd4(xb, w1, c11); c12 = madd4(xb, w2, c12); c13 = madd4(xb, w3, c13);
          w += 64;
        }
        if (!last) {
          v128.store(m0, c00); v128.store(m0, c01, 16); v128.store(m0, c02, 32); v128.store(m0, c03, 48);
          v128.store(m1, c10); v128.store(m1, c11, 16); v128.store(m1, c12, 32); v128.store(m1, c13, 48);
          continue;
        }
        const k00 = v128.and(a0, f32x4.gt(c00, zero)), k01 = v128.and(a1, f32x4.gt(c01, zero));
        const k02 = v128.and(a2, f32x4.gt(c02, zero)), k03 = v128.and(a3, f32x4.gt(c03, zero));
        const k10 = v128.and(a0, f32x4.gt(c10, zero)), k11 = v128.and(a1, f32x4.gt(c11, zero));
        const k12 = v128.and(a2, f32x4.gt(c12, zero)), k13 = v128.and(a3, f32x4.gt(c13, zero));
        v128.store(m0, k00); v128.store(m0, k01, 16); v128.store(m0, k02, 32); v128.store(m0, k03, 48);
        v128.store(m1, k10); v128.store(m1, k11, 16); v128.store(m1, k12, 32); v128.store(m1, k13, 48);
        const s0 = f32x4.add(f32x4.add(f32x4.mul(k00, c00), f32x4.mul(k01, c01)), f32x4.add(f32x4.mul(k02, c02), f32x4.mul(k03, c03)));
        const s1 = f32x4.add(f32x4.add(f32x4.mul(k10, c10), f32x4.mul(k11, c11)), f32x4.add(f32x4.mul(k12, c12), f32x4.mul(k13, c13)));
        const t0 = <f64>(f32x4.extract_lane(s0, 0) + f32x4.extract_lane(s0, 1) + f32x4.extract_lane(s0, 2) + f32x4.extract_lane(s0, 3));
        const t1 = <f64>(f32x4.extract_lane(s1, 0) + f32x4.extract_lane(s1, 1) + f32x4.extract_lane(s1, 2) + f32x4.extract_lane(s1, 3));
        const f0 = fv + (<usize>i << 4);
        store<f64>(f0, load<f64>(f0) + t0);
        store<f64>(f0, load<f64>(f0, 16) + t1, 16);
      }
    }
  }
}

/** Xc[i,k] = f32(c_i X[i,k]) (np×dp float32, c in float64). */
function scaleRows32(X: usize, c: usize, Xc: usize, np: i32, dp: i32): void {
  for (let i = 0; i < np; i++) {
    const ci = f32x4.splat(<f32>load<f64>(c + (<usize>i << 3)));
    const o = <usize>i * (<usize>dp << 2);
    let k = 0;
    for (; k + 4 <= dp; k += 4) {
      const ok = o + (<usize>k << 2);
      v128.store(Xc + ok, f32x4.mul(ci, v128.load(X + ok)));
    }
    for (; k < dp; k++) {
      const ok = o + (<usize>k << 2);
      store<f32>(Xc + ok, f32x4.extract_lane(ci, 0) * load<f32>(X + ok));
    }
  }
}

/** Gradient in float32, transposed: Gt = Xcᵀ M (dp×mp), samples in chunks of ic as in backward64. */
export function backward32(Xc: usize, M: usize, Gt: usize, np: i32, dp: i32, mp: i32, ic: i32): void {
  const zero = f32x4.splat(0);
  const rowX = <usize>dp << 2;
  const panelW = <usize>dp << 6;
  const panelM = <usize>np << 6;
  for (let i0 = 0; i0 < np; i0 += ic) {
    const i1 = min(np, i0 + ic);
    const first = i0 == 0;
    for (let s = 0; s < mp; s += 16) {
      const tile = <usize>(s >> 4);
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
        let xx = Xc + <usize>i0 * rowX + (<usize>k << 2);
        for (let i = i0; i < i1; i++) {
          const m0 = v128.load(mm), m1 = v128.load(mm, 16), m2 = v128.load(mm, 32), m3 = v128.load(mm, 48);
          const xa = v128.load32_splat(xx);
          const xb = v128.load32_splat(xx, 4);
          c00 = madd4(xa, m0, c00); c01 = madd4(xa, m1, c01); c02 = madd4(xa, m2, c02); c03 = madd4(xa, m3, c03);
          c10 = madd4(xb, m0, c10); c11 = madd4(xb, m1, c11); c12 = madd4(xb, m2, c12); c13 = madd4(xb, m3, c13);
          mm += 64;
          xx += rowX;
        }
        v128.store(g0, c00); v128.store(g0, c01, 16); v128.store(g0, c02, 32); v128.store(g0, c03, 48);
        v128.store(g1, c10); v128.store(g1, c11, 16); v128.store(g1, c12, 32); v128.store(g1, c13, 48);
      }
    }
  }
}

/** Loss and gradient in float32 arithmetic (loss and c_i in float64 from the f32 outputs). */
export function lossAndGrad32(
  X: usize, Xc: usize, Wt: usize, Gt: usize, a: usize, M: usize, fv: usize, f: usize, p: usize, H: usize, c: usize,
  n: i32, np: i32, dp: i32, mp: i32, scale: f64,
): f64 {
  forward32(X, Wt, a, M, fv, np, dp, mp, KC);
  const loss = lossCoef(fv, f, p, H, c, n, np, scale);
  scaleRows32(X, c, Xc, np, dp);
  backward32(Xc, M, Gt, np, dp, mp, IC);
  return loss;
}

/** Loss only, float32 forward. */
export function loss32(
  X: usize, Wt: usize, a: usize, M: usize, fv: usize, f: usize, p: usize, H: usize, c: usize,
  n: i32, np: i32, dp: i32, mp: i32, scale: f64,
): f64 {
  forward32(X, Wt, a, M, fv, np, dp, mp, KC);
  return lossCoef(fv, f, p, H, c, n, np, scale);
}

/** T steps of (projected) GD in float32; outputs as train64. */
export function train32(
  X: usize, Xc: usize, Wt: usize, W0t: usize, Gt: usize, a: usize, M: usize, fv: usize, f: usize, p: usize,
  H: usize, c: usize, curve: usize, out: usize,
  n: i32, np: i32, dp: i32, mp: i32, scale: f64, T: i32, eta: f64, radius: f64, record: i32, stopAbove: f64,
): void {
  let sum: f64 = 0;
  for (let t = 0; t < T; t++) {
    const loss = lossAndGrad32(X, Xc, Wt, Gt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
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
    update32(Wt, Gt, W0t, dp * mp, eta, radius);
  }
  const finalLoss = loss32(X, Wt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
  if (record) store<f64>(curve + (<usize>T << 3), finalLoss);
  store<f64>(out, T > 0 ? sum / <f64>T : finalLoss);
  store<f64>(out, finalLoss, 8);
  store<f64>(out, <f64>T, 16);
}
