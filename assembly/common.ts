/**
 * Shared parts of the training kernel (assembly/kernel.ts): cache-blocking chunk sizes, the multiply-add that
 * becomes a fused relaxed-SIMD FMA when the build enables relaxed SIMD, the loss/coefficient pass (float64 for
 * both precisions) and the update-and-project step.
 */
/** Input coordinates per forward chunk (cache blocking for large d); set by {@link setTiles}. */
export let KC: i32 = 128;
/** Samples per backward chunk (cache blocking for large n); set by {@link setTiles}. */
export let IC: i32 = 256;

/** Set the cache-blocking chunk sizes (kc ≥ 1, ic ≥ 1); results do not depend on them beyond rounding order. */
export function setTiles(kc: i32, ic: i32): void {
  KC = max(1, kc);
  IC = max(1, ic);
}

// ---------------------------------------------------------------------------------------------- helpers

// @ts-ignore: decorator
@inline export function madd2(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

// @ts-ignore: decorator
@inline export function madd4(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/**
 * Mean loss and the coefficients c_i from the outputs: f_i = scale·(fv[i].lane0 + fv[i].lane1),
 *   ℓ_i = max(0, p_i softplus(−f_i) + (1−p_i) softplus(f_i) − H_i),  softplus(±f) = max(±f, 0) + log1p(e^{−|f|}),
 *   σ(f) = 1/(1+e) for f ≥ 0 and e/(1+e) otherwise, e = e^{−|f|}  (the formulas of src/train/losses.ts),
 *   c_i = ((σ(f_i) − p_i)·scale)/n; c_i = 0 for the padded samples i ≥ n. Returns (Σ_{i<n} ℓ_i)/n.
 */
export function lossCoef(fv: usize, f: usize, p: usize, H: usize, c: usize, n: i32, np: i32, scale: f64): f64 {
  let sum: f64 = 0;
  const nF: f64 = <f64>n;
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
    store<f64>(c + (<usize>i << 3), ((sig - pi) * scale) / nF);
  }
  for (let i = n; i < np; i++) store<f64>(c + (<usize>i << 3), 0);
  return sum / nF;
}

/**
 * W ← W − η G, then, if R is finite, the projection onto ‖W − W0‖_F ≤ R (src/train/project.ts).
 * Works on f64 or f32 arrays of len entries (len a multiple of 4); the distance is accumulated in f64.
 * Returns ‖W − W0‖_F after the projection (0 when R is infinite).
 */
export function update64(Wt: usize, Gt: usize, W0t: usize, len: i32, eta: f64, radius: f64): f64 {
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

export function update32(Wt: usize, Gt: usize, W0t: usize, len: i32, eta: f64, radius: f64): f64 {
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
