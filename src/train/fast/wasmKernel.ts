/**
 * The WebAssembly kernel behind the {@link TrainKernel} interface, so that
 * `trainFirstLayer(net, X, n, p, { kernel: wasmKernel() })` runs unchanged. It computes the same
 *   R̂(W) = (1/n) Σ_i KL(Bern(p_i) ‖ Bern(σ(f_i))),   ∇_{w_s} R̂ = Σ_i (σ(f_i) − p_i) m^{-1/2} a_s 1[z_is > 0] x_i / n
 * as referenceKernel (src/train/kernel.ts), filling buf.f (n) and buf.G (m×d, row-major); buf.Z is not
 * used (the kernel keeps the ReLU mask in its own memory).
 * X and p stay resident between calls: a call compares them with a snapshot of the last placed ones
 * (O(n·d), no copy) and re-places them only when they differ or another problem was placed in between;
 * W goes in and G comes out on every call (O(m·d) against O(n·m·d) work). For whole trainings
 * {@link trainFast} (src/train/fast/trainFast.ts) keeps W resident too and is the fast path.
 * Source: assembly/kernel.ts [INFERRED]; [CHECKED] equal to referenceKernel to 1e-12 relative (f64) in
 * test/train/fast/wasmKernel.test.ts.
 */
import type { TrainKernel } from '../kernel.js';
import type { TwoLayerNet } from '../../model/twoLayer.js';
import { ShapeError } from '../../errors.js';
import { loadKernel, type KernelExports } from './wasmModule.js';
import {
  currentGeneration, gradArgs, placeProblem, readF, readTransposed, writeW, type Precision, type WasmLayout,
} from './wasmLayout.js';

interface Resident {
  L: WasmLayout;
  X: Float64Array;
  p: Float64Array;
  a: Float64Array;
}

function same(u: Float64Array, v: Float64Array): boolean {
  if (u.length !== v.length) return false;
  for (let j = 0; j < u.length; j++) if (u[j] !== v[j]) return false;
  return true;
}

/**
 * A TrainKernel running assembly/kernel.ts in the given precision.
 * @throws Error when WebAssembly SIMD is unavailable (check {@link loadKernel} first) or the build is missing;
 *         ShapeError/InputError from placeProblem for mismatched sizes, p ∉ [0,1], non-finite X.
 */
export function wasmKernel(precision: Precision = 'f64'): TrainKernel {
  let res: Resident | undefined;
  const place = (ex: KernelExports, net: TwoLayerNet, X: Float64Array, n: number, p: Float64Array): WasmLayout => {
    const { m, d } = net;
    const r = res;
    if (r && r.L.generation === currentGeneration() && r.L.n === n && r.L.d === d && r.L.m === m && same(r.X, X) && same(r.p, p) && same(r.a, net.a)) {
      if (net.W.length !== m * d) throw new ShapeError(`wasmKernel: W has length ${net.W.length}, expected m·d = ${m}·${d}`);
      writeW(ex, r.L, net.W);
      return r.L;
    }
    const L = placeProblem(ex, precision, net, X, n, p);
    res = { L, X: X.slice(), p: p.slice(), a: net.a.slice() };
    return L;
  };
  return {
    name: `wasm-${precision}`,
    lossAndGrad(net, X, n, p, buf) {
      const k = loadKernel();
      if (!k) throw new Error('wasmKernel: WebAssembly SIMD is unavailable in this runtime; use referenceKernel');
      const ex = k.exports;
      const L = place(ex, net, X, n, p);
      const args = gradArgs(L);
      const loss = precision === 'f64' ? ex.lossAndGrad64(...args) : ex.lossAndGrad32(...args);
      readF(ex, L, buf.f);
      readTransposed(ex, L, L.Gt, buf.G);
      return loss;
    },
  };
}
