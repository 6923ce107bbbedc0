/**
 * Tolerances of test/robustness/*, each derived from a stated bound (never tuned until green).
 */

/** Unit roundoff of float64, u = 2^-53. */
export const U64 = 2 ** -53;

/** Unit roundoff of float32, u = 2^-24 (the wasm kernel's f32 path). */
export const U32 = 2 ** -24;

/** ulp(π) = 2^-51: the spacing of doubles in [2, 4), so the resolution of any computed angle near π. */
export const ULP_PI = 2 ** -51;

/**
 * KL(Bern(σ(a)) ‖ Bern(σ(b))) two ways, the suite's p·sp(−b) + (1−p)·sp(b) − H(p) with p = σ(a) and the
 * Bregman form sp(b) − sp(a) − σ(a)(b − a): each sums ≤ 4 terms of size ≤ 1 + |a| + |b| after ≤ 2 rounded
 * operations each (≤ 8u), and the rounded p = σ(a) (≤ u relative) moves the KL by ≤ u·|a − b| (∂KL/∂p = a − b);
 * so each side is within 9u·(1 + |a| + |b|) and their difference within 18u; we allow 20u·(1 + |a| + |b|).
 * Measured: ≤ 2.7u·(1 + |a| + |b|) over 2·10⁵ pairs in [−1e3, 1e3]².
 */
export const KL_TWO_FORMS_ULPS = 20;

/**
 * σ(z) + σ(−z) − 1 with σ evaluated as 1/(1 + e) and e/(1 + e), e = e^{−|z|}: the two quotients share the
 * denominator, so the sum is 1 up to two rounded divisions and one addition: ≤ 3u.
 */
export const SIGMOID_SYMMETRY_ULPS = 3;

/**
 * Wasm (f64) vs closed form at |f| = 1e3 for the one-neuron-per-point net of numerics.test.ts: the loss is a
 * mean of 2 terms of size ≤ 1e3 each from ≤ 4 rounded operations: ≤ 8u·1e3 ≈ 1e-12 absolute.
 */
export const LOSS_AT_1E3_ABS = 8 * U64 * 1e3;
