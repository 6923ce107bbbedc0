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
 *   Wt  dp×mp  the first layer TRANSPOSED and cut into neuron tiles of t = 8 (f64) or 16 (f32) lanes, 64 bytes:
 *              entry (k, s) at ⌊s/t⌋·dp·t + k·t + (s mod t), Wt(k, s) = W[s*d + k]; padded neurons have a_s = 0;
 *   M   np×mp  M(i, s) = a_s·1[z_is > 0] (the ReLU mask times the output sign), written by the forward pass,
 *              tiled the same way: ⌊s/t⌋·np·t + i·t + (s mod t);
 *   Xc  np×dp  Xc[i,k] = c_i x_ik, so the gradient is the plain product Gt = Xcᵀ M (dp×mp, tiled as Wt);
 *   fv  np×2   per-sample partial sums of f (one f64x2 per sample, in the f32 kernel too).
 * Tiling makes each tile's strip of Wt, M and Gt contiguous (no 4 KiB-strided rows: at m = 4096 the strided
 * layout ran 10 % slower, TLB misses [CHECKED, A/B in the bench's setting]).
 * Padding: np multiple of 2, dp multiple of 2, mp multiple of t. Zero padding changes no z, f or G entry of
 * a real sample/neuron; padded samples get c_i = 0 and are left out of the loss.
 * Register tiles: forward 2 samples × 4 vectors (8 accumulators), backward 2 input coordinates × 4 vectors
 * (V8 allocates 15 xmm registers on x64); loop order neuron tile outer, samples inner, so one tile of Wt
 * (dp×64 B) or M (np×64 B) stays in L1/L2 while X streams (after the packing in GEMM kernels; Goto &
 * van de Geijn 2008 [RECALLED]).
 * The loss uses AssemblyScript's Math.exp/log1p (ports of musl, < 1 ulp) [RECALLED].
 * Files: common.ts (chunks, FMA, loss, update), f64.ts, f32.ts; this entry re-exports them.
 * Source: chain rule on src/model/twoLayer.ts and src/train/losses.ts [INFERRED]; [CHECKED] against
 * referenceKernel in test/fast/wasmKernel.test.ts.
 */

export { setTiles } from './common';
export { forward64, backward64, lossAndGrad64, loss64, train64 } from './f64';
export { forward32, backward32, lossAndGrad32, loss32, train32 } from './f32';

/** First free byte after the static data: the caller places its arrays from here (16-byte aligned). */
export function heapBase(): usize {
  return __heap_base;
}
