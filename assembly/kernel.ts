/**
 * The WebAssembly training kernel (AssemblyScript source, compiled by `npm run build:wasm` into
 * build/wasm/kernel-relaxed.wasm and build/wasm/kernel-simd.wasm; never committed).
 *
 * One full-batch GD step of f(x; W) = m^{-1/2} Σ_s a_s relu(<w_s, x>) on the mean Bernoulli KL loss
 *   R̂(W) = (1/n) Σ_i KL(Bern(p_i) ‖ Bern(σ(f_i))),   ∇_{w_s} R̂ = Σ_i c_i a_s 1[z_is > 0] x_i,
 *   c_i = (σ(f_i) − p_i)·m^{-1/2}/n,
 * the same math as referenceKernel (src/train/kernel.ts), in float64 (f64x2) or float32 (f32x4).
 *
 * Memory layout (chosen so that every inner loop runs over neurons, the SIMD lanes, in order):
 *   X   np×dp  row-major (sample-major), padded with zero rows/columns;
 *   Wt  dp×mp  the first layer TRANSPOSED (k-major): Wt[k*mp + s] = W[s*d + k]; padded neurons have a_s = 0;
 *   M   np×mp  M[i,s] = a_s·1[z_is > 0], written by the forward pass (the ReLU mask times the output sign);
 *   Xc  np×dp  Xc[i,k] = c_i x_ik, so the gradient is the plain product Gt = Xcᵀ M (dp×mp);
 *   fv  np×2   per-sample partial sums of f (one f64x2 per sample, in the f32 kernel too).
 * Padding: np multiple of 2, dp multiple of 2, mp multiple of 8 (f64) or 16 (f32). Zero padding changes no
 * z, f or G entry of a real sample/neuron; padded samples get c_i = 0 and are left out of the loss.
 * Register tiles: forward 2 samples × 4 vectors (8 accumulators), backward 2 input coordinates × 4 vectors;
 * loop order s-block outer, samples inner, so one column strip of Wt (dp×8 doubles) or M (np×8) stays in
 * L1/L2 while X streams (after the packing in GEMM kernels; Goto & van de Geijn 2008 [RECALLED]).
 * The loss uses AssemblyScript's Math.exp/log1p (ports of musl, < 1 ulp) [RECALLED].
 * Source: chain rule on src/model/twoLayer.ts and src/train/losses.ts [INFERRED]; [CHECKED] against
 * referenceKernel in test/fast/wasmKernel.test.ts.
 */

/** First free byte after the static data: the caller places its arrays from here (16-byte aligned). */
export function heapBase(): usize {
  return __heap_base;
}

/** Input coordinates per forward chunk (cache blocking for large d); set by {@link setTiles}. */
let KC: i32 = 128;
/** Samples per backward chunk (cache blocking for large n); set by {@link setTiles}. */
let IC: i32 = 256;

/** Set the cache-blocking chunk sizes (kc ≥ 1, ic ≥ 1); results do not depend on them beyond rounding order. */
export function setTiles(kc: i32, ic: i32): void {
  KC = max(1, kc);
  IC = max(1, ic);
}

// ---------------------------------------------------------------------------------------------- helpers

@inline function madd2(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

@inline function madd4(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/**
 * Mean loss and the coefficients c_i from the outputs: f_i = scale·(fv[i].lane0 + fv[i].lane1),
 *   ℓ_i = max(0, p_i softplus(−f_i) + (1−p_i) softplus(f_i) − H_i),  softplus(±f) = max(±f, 0) + log1p(e^{−|f|}),
 *   σ(f) = 1/(1+e) for f ≥ 0 and e/(1+e) otherwise, e = e^{−|f|}  (the formulas of src/train/losses.ts),
 *   c_i = ((σ(f_i) − p_i)·scale)/n; c_i = 0 for the padded samples i ≥ n. Returns (Σ_{i<n} ℓ_i)/n.
 */
function lossCoef(fv: usize, f: usize, p: usize, H: usize, c: usize, n: i32, np: i32, scale: f64): f64 {
  let sum: f64 = 0;
  const invN: f64 = <f64>n;
  for (let i = 0; i < n; i++) {
    const v = v128.load(fv + (<usize>i << 4));
    const fi = (f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1)) * scale;
    store<f64>(f + (<usize>i << 3), fi);
    const pi = load<f64>(p + (<usize>i << 3));
    const e = Math.exp(-Math.abs(fi));
    const l = Math.log1p(e);
    const spNeg = Math.max(-fi, 0) + l;
    const spPos = Math.max(fi, 0) + l;
    const li = pi * spNeg + (1 - pi) * spPos - load<f64>(H + (<usize>i << 3));
    sum += li > 0 ? li : 0;
    const sig = fi >= 0 ? 1 / (1 + e) : e / (1 + e);
    store<f64>(c + (<usize>i << 3), ((sig - pi) * scale) / invN);
  }
  for (let i = n; i < np; i++) store<f64>(c + (<usize>i << 3), 0);
  return sum / invN;
}

/**
 * W ← W − η G, then, if R is finite, the projection onto ‖W − W0‖_F ≤ R (src/train/project.ts).
 * Works on f64 or f32 arrays of len entries (len a multiple of 4); the distance is accumulated in f64.
 * Returns ‖W − W0‖_F after the projection (0 when R is infinite).
 */
function update64(Wt: usize, Gt: usize, W0t: usize, len: i32, eta: f64, radius: f64): f64 {
  const etaV = f64x2.splat(eta);
  const project = radius < Infinity;
  let ss = f64x2.splat(0);
  for (let j = 0; j < len; j += 2) {
    const o = <usize>j << 3;
    const w = f64x2.sub(v128.load(Wt + o), f64x2.mul(etaV, v128.load(Gt + o)));
    v128.store(Wt + o, w);
    if (project) {
      const diff = f64x2.sub(w, v128.load(W0t + o));
      ss = madd2(diff, diff, ss);
    }
  }
  if (!project) return 0;
  const dist = Math.sqrt(f64x2.extract_lane(ss, 0) + f64x2.extract_lane(ss, 1));
  if (dist <= radius) return dist;
  const shrink = radius / dist;
  for (let j = 0; j < len; j++) {
    const o = <usize>j << 3;
    const w0 = load<f64>(W0t + o);
    store<f64>(Wt + o, w0 + (load<f64>(Wt + o) - w0) * shrink);
  }
  return radius;
}

function update32(Wt: usize, Gt: usize, W0t: usize, len: i32, eta: f64, radius: f64): f64 {
  const etaV = f32x4.splat(<f32>eta);
  const project = radius < Infinity;
  let ss: f64 = 0;
  for (let j = 0; j < len; j += 4) {
    const o = <usize>j << 2;
    const w = f32x4.sub(v128.load(Wt + o), f32x4.mul(etaV, v128.load(Gt + o)));
    v128.store(Wt + o, w);
  }
  if (!project) return 0;
  for (let j = 0; j < len; j++) {
    const o = <usize>j << 2;
    const diff = <f64>load<f32>(Wt + o) - <f64>load<f32>(W0t + o);
    ss += diff * diff;
  }
  const dist = Math.sqrt(ss);
  if (dist <= radius) return dist;
  const shrink = radius / dist;
  for (let j = 0; j < len; j++) {
    const o = <usize>j << 2;
    const w0 = <f64>load<f32>(W0t + o);
    store<f32>(Wt + o, <f32>(w0 + (<f64>load<f32>(Wt + o) - w0) * shrink));
  }
  return radius;
}

// ---------------------------------------------------------------------------------------------- float64

/**
 * Forward pass: M = a·1[XWᵀ > 0] (np×mp) and fv[i] = Σ_s M_is z_is as two lanes (np×2).
 * The input coordinates are taken in chunks of kc (a multiple of 2): partial sums z wait in M between chunks,
 * so one kc×8 strip of Wt stays in L1 and one np×kc panel of X in L2 when d is large.
 */
export function forward64(X: usize, Wt: usize, a: usize, M: usize, fv: usize, np: i32, dp: i32, mp: i32, kc: i32): void {
  const zero = f64x2.splat(0);
  for (let i = 0; i < np; i++) v128.store(fv + (<usize>i << 4), zero);
  const rowX = <usize>dp << 3;
  const rowW = <usize>mp << 3;
  for (let k0 = 0; k0 < dp; k0 += kc) {
    const k1 = min(dp, k0 + kc);
    const first = k0 == 0;
    const last = k1 == dp;
    for (let s = 0; s < mp; s += 8) {
      const so = <usize>s << 3;
      const a0 = v128.load(a + so), a1 = v128.load(a + so, 16), a2 = v128.load(a + so, 32), a3 = v128.load(a + so, 48);
      for (let i = 0; i < np; i += 2) {
        const x0 = X + <usize>i * rowX;
        const x1 = x0 + rowX;
        const m0 = M + <usize>i * rowW + so;
        const m1 = m0 + rowW;
        let c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        let c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        if (!first) {
          c00 = v128.load(m0); c01 = v128.load(m0, 16); c02 = v128.load(m0, 32); c03 = v128.load(m0, 48);
          c10 = v128.load(m1); c11 = v128.load(m1, 16); c12 = v128.load(m1, 32); c13 = v128.load(m1, 48);
        }
        let w = Wt + <usize>k0 * rowW + so;
        for (let k = k0; k < k1; k++) {
          const w0 = v128.load(w), w1 = v128.load(w, 16), w2 = v128.load(w, 32), w3 = v128.load(w, 48);
          const xa = v128.load64_splat(x0 + (<usize>k << 3));
          const xb = v128.load64_splat(x1 + (<usize>k << 3));
          c00 = madd2(xa, w0, c00); c01 = madd2(xa, w1, c01); c02 = madd2(xa, w2, c02); c03 = madd2(xa, w3, c03);
          c10 = madd2(xb, w0, c10); c11 = madd2(xb, w1, c11); c12 = madd2(xb, w2, c12); c13 = madd2(xb, w3, c13);
          w += rowW;
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
  const rowM = <usize>mp << 3;
  for (let i0 = 0; i0 < np; i0 += ic) {
    const i1 = min(np, i0 + ic);
    const first = i0 == 0;
    for (let s = 0; s < mp; s += 8) {
      const so = <usize>s << 3;
      for (let k = 0; k < dp; k += 2) {
        const g0 = Gt + <usize>k * rowM + so;
        const g1 = g0 + rowM;
        let c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        let c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        if (!first) {
          c00 = v128.load(g0); c01 = v128.load(g0, 16); c02 = v128.load(g0, 32); c03 = v128.load(g0, 48);
          c10 = v128.load(g1); c11 = v128.load(g1, 16); c12 = v128.load(g1, 32); c13 = v128.load(g1, 48);
        }
        let mm = M + <usize>i0 * rowM + so;
        let xx = Xc + <usize>i0 * rowX + (<usize>k << 3);
        for (let i = i0; i < i1; i++) {
          const m0 = v128.load(mm), m1 = v128.load(mm, 16), m2 = v128.load(mm, 32), m3 = v128.load(mm, 48);
          const xa = v128.load64_splat(xx);
          const xb = v128.load64_splat(xx, 8);
          c00 = madd2(xa, m0, c00); c01 = madd2(xa, m1, c01); c02 = madd2(xa, m2, c02); c03 = madd2(xa, m3, c03);
          c10 = madd2(xb, m0, c10); c11 = madd2(xb, m1, c11); c12 = madd2(xb, m2, c12); c13 = madd2(xb, m3, c13);
          mm += rowM;
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
  n: i32, np: i32, dp: i32, mp: i32, scale: f64, T: i32, eta: f64, radius: f64, record: i32,
): void {
  let sum: f64 = 0;
  for (let t = 0; t < T; t++) {
    const loss = lossAndGrad64(X, Xc, Wt, Gt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
    if (record) store<f64>(curve + (<usize>t << 3), loss);
    sum += loss;
    update64(Wt, Gt, W0t, dp * mp, eta, radius);
  }
  const finalLoss = loss64(X, Wt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
  if (record) store<f64>(curve + (<usize>T << 3), finalLoss);
  store<f64>(out, T > 0 ? sum / <f64>T : finalLoss);
  store<f64>(out, finalLoss, 8);
}

// ---------------------------------------------------------------------------------------------- float32

/** Forward pass in float32: as forward64 with 4 lanes and 16-neuron tiles; fv[i] lane 0 gets the f32 sum. */
export function forward32(X: usize, Wt: usize, a: usize, M: usize, fv: usize, np: i32, dp: i32, mp: i32, kc: i32): void {
  const zero = f32x4.splat(0);
  for (let i = 0; i < np; i++) v128.store(fv + (<usize>i << 4), f64x2.splat(0));
  const rowX = <usize>dp << 2;
  const rowW = <usize>mp << 2;
  for (let k0 = 0; k0 < dp; k0 += kc) {
    const k1 = min(dp, k0 + kc);
    const first = k0 == 0;
    const last = k1 == dp;
    for (let s = 0; s < mp; s += 16) {
      const so = <usize>s << 2;
      const a0 = v128.load(a + so), a1 = v128.load(a + so, 16), a2 = v128.load(a + so, 32), a3 = v128.load(a + so, 48);
      for (let i = 0; i < np; i += 2) {
        const x0 = X + <usize>i * rowX;
        const x1 = x0 + rowX;
        const m0 = M + <usize>i * rowW + so;
        const m1 = m0 + rowW;
        let c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        let c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        if (!first) {
          c00 = v128.load(m0); c01 = v128.load(m0, 16); c02 = v128.load(m0, 32); c03 = v128.load(m0, 48);
          c10 = v128.load(m1); c11 = v128.load(m1, 16); c12 = v128.load(m1, 32); c13 = v128.load(m1, 48);
        }
        let w = Wt + <usize>k0 * rowW + so;
        for (let k = k0; k < k1; k++) {
          const w0 = v128.load(w), w1 = v128.load(w, 16), w2 = v128.load(w, 32), w3 = v128.load(w, 48);
          const xa = v128.load32_splat(x0 + (<usize>k << 2));
          const xb = v128.load32_splat(x1 + (<usize>k << 2));
          c00 = madd4(xa, w0, c00); c01 = madd4(xa, w1, c01); c02 = madd4(xa, w2, c02); c03 = madd4(xa, w3, c03);
          c10 = madd4(xb, w0, c10); c11 = madd4(xb, w1, c11); c12 = madd4(xb, w2, c12); c13 = madd4(xb, w3, c13);
          w += rowW;
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
  const rowM = <usize>mp << 2;
  for (let i0 = 0; i0 < np; i0 += ic) {
    const i1 = min(np, i0 + ic);
    const first = i0 == 0;
    for (let s = 0; s < mp; s += 16) {
      const so = <usize>s << 2;
      for (let k = 0; k < dp; k += 2) {
        const g0 = Gt + <usize>k * rowM + so;
        const g1 = g0 + rowM;
        let c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        let c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        if (!first) {
          c00 = v128.load(g0); c01 = v128.load(g0, 16); c02 = v128.load(g0, 32); c03 = v128.load(g0, 48);
          c10 = v128.load(g1); c11 = v128.load(g1, 16); c12 = v128.load(g1, 32); c13 = v128.load(g1, 48);
        }
        let mm = M + <usize>i0 * rowM + so;
        let xx = Xc + <usize>i0 * rowX + (<usize>k << 2);
        for (let i = i0; i < i1; i++) {
          const m0 = v128.load(mm), m1 = v128.load(mm, 16), m2 = v128.load(mm, 32), m3 = v128.load(mm, 48);
          const xa = v128.load32_splat(xx);
          const xb = v128.load32_splat(xx, 4);
          c00 = madd4(xa, m0, c00); c01 = madd4(xa, m1, c01); c02 = madd4(xa, m2, c02); c03 = madd4(xa, m3, c03);
          c10 = madd4(xb, m0, c10); c11 = madd4(xb, m1, c11); c12 = madd4(xb, m2, c12); c13 = madd4(xb, m3, c13);
          mm += rowM;
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
  n: i32, np: i32, dp: i32, mp: i32, scale: f64, T: i32, eta: f64, radius: f64, record: i32,
): void {
  let sum: f64 = 0;
  for (let t = 0; t < T; t++) {
    const loss = lossAndGrad32(X, Xc, Wt, Gt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
    if (record) store<f64>(curve + (<usize>t << 3), loss);
    sum += loss;
    update32(Wt, Gt, W0t, dp * mp, eta, radius);
  }
  const finalLoss = loss32(X, Wt, a, M, fv, f, p, H, c, n, np, dp, mp, scale);
  if (record) store<f64>(curve + (<usize>T << 3), finalLoss);
  store<f64>(out, T > 0 ? sum / <f64>T : finalLoss);
  store<f64>(out, finalLoss, 8);
}
