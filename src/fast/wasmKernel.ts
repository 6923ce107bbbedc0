/**
 * The WebAssembly kernel behind the {@link TrainKernel} interface, so that
 * `trainFirstLayer(net, X, n, p, { kernel: wasmKernel() })` runs unchanged. It computes the same
 *   R̂(W) = (1/n) Σ_i KL(Bern(p_i) ‖ Bern(σ(f_i))),   ∇_{w_s} R̂ = Σ_i (σ(f_i) − p_i) m^{-1/2} a_s 1[z_is > 0] x_i / n
 * as referenceKernel (src/train/kernel.ts), filling buf.f (n) and buf.G (m×d, row-major); buf.Z is not
 * used (the kernel keeps the ReLU mask in its own memory).
 * Each call copies X, p and W into WebAssembly memory (O(n·d + m·d), against O(n·m·d) work): correct
 * whatever the caller mutates between calls, but for whole trainings {@link trainFast} (src/fast/trainFast.ts)
 * keeps everything resident and is the fast path.
 * Source: assembly/kernel.ts [INFERRED]; [CHECKED] equal to referenceKernel to 1e-12 relative (f64) in
 * test/fast/wasmKernel.test.ts.
 */
import type { TrainKernel } from '../train/kernel.js';
import { loadKernel } from './wasmModule.js';
import { gradArgs, placeProblem, readF, readTransposed, type Precision } from './wasmLayout.js';

/**
 * A TrainKernel running assembly/kernel.ts in the given precision.
 * @throws Error when WebAssembly SIMD is unavailable (check {@link loadKernel} first) or the build is missing.
 */
export function wasmKernel(precision: Precision = 'f64'): TrainKernel {
  return {
    name: `wasm-${precision}`,
    lossAndGrad(net, X, n, p, buf) {
      const k = loadKernel();
      if (!k) throw new Error('wasmKernel: WebAssembly SIMD is unavailable in this runtime; use referenceKernel');
      const ex = k.exports;
      const L = placeProblem(ex, precision, net, X, n, p);
      const args = gradArgs(L);
      const loss = precision === 'f64' ? ex.lossAndGrad64(...args) : ex.lossAndGrad32(...args);
      readF(ex, L, buf.f);
      readTransposed(ex, L, L.Gt, buf.G);
      return loss;
    },
  };
}
