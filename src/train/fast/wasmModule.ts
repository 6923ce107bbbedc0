/**
 * Loads the WebAssembly training kernel (assembly/kernel.ts, built by `npm run build:wasm`, which `npm ci`
 * runs through the "prepare" script) once per thread, choosing the relaxed-SIMD build when the runtime
 * supports it (src/train/fast/features.ts) and the plain-SIMD build otherwise.
 * Each thread (main or worker) owns one instance and one linear memory, which grows to the largest problem
 * seen and never shrinks; callers lay their arrays out from heapBase() (src/train/fast/wasmLayout.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import { detectWasmFeatures, type WasmFeatures } from './features.js';
import { wasmApi, type WasmMemory } from './wasmApi.js';

/** The kernel's exports (pointers are byte offsets into memory; see assembly/kernel.ts for the layout). */
export interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  lossAndGrad64(...args: number[]): number;
  loss64(...args: number[]): number;
  train64(...args: number[]): void;
  lossAndGrad32(...args: number[]): number;
  loss32(...args: number[]): number;
  train32(...args: number[]): void;
  setTiles(kc: number, ic: number): void;
}

/**
 * Cache-blocking chunks of assembly/kernel.ts: kc input coordinates per forward pass chunk, ic samples per
 * backward chunk. kc = 128 keeps a 128×8 strip of Wt (8 KiB) in L1 and a 128-column panel of X in L2;
 * ic = 256 keeps a 256×8 strip of M and the 256 rows of Xc in use (2 × 16 KiB) in L1. They change the
 * rounding order only [INFERRED]; at (500, 784, 256) they doubled the throughput [CHECKED, bench].
 */
export const DEFAULT_TILES = { kc: 128, ic: 256 } as const;

export interface LoadedKernel {
  exports: KernelExports;
  /** "relaxed-simd" (FMA) or "simd" (multiply + add). */
  variant: 'relaxed-simd' | 'simd';
  features: WasmFeatures;
}

/** Folder of the compiled modules, relative to this file: <repo>/build/wasm. */
export const WASM_DIR = fileURLToPath(new URL('../../../build/wasm/', import.meta.url));

let loaded: LoadedKernel | null | undefined;
let noticeShown = false;

/**
 * The kernel for this thread, or null when WebAssembly SIMD is unavailable (or NTK_WASM=off): callers then
 * use the TypeScript reference kernel. Prints the fallback notice (one line, stderr) once per process.
 * @throws Error when SIMD is available but the build output is missing (run `npm run build:wasm`).
 */
export function loadKernel(): LoadedKernel | null {
  if (loaded !== undefined) return loaded;
  const features = detectWasmFeatures();
  if (features.notice && isMainThread && !noticeShown) {
    noticeShown = true;
    process.stderr.write(`${features.notice}\n`);
  }
  if (!features.simd) {
    loaded = null;
    return loaded;
  }
  const variant = features.relaxedSimd ? 'relaxed-simd' : 'simd';
  const file = `${WASM_DIR}kernel-${variant === 'relaxed-simd' ? 'relaxed' : 'simd'}.wasm`;
  if (!existsSync(file)) {
    throw new Error(`loadKernel: ${file} is missing; build it with \`npm run build:wasm\` (npm ci runs it)`);
  }
  const module = new wasmApi.Module(readFileSync(file));
  const instance = new wasmApi.Instance(module, {});
  const exports = instance.exports as unknown as KernelExports;
  exports.setTiles(DEFAULT_TILES.kc, DEFAULT_TILES.ic);
  loaded = { exports, variant, features };
  return loaded;
}

/**
 * Set this thread's cache-blocking chunks (tests use tiny ones to exercise the chunked paths).
 * @throws InputError unless kc and ic are positive integers.
 */
export function setKernelTiles(kc: number, ic: number): void {
  if (!Number.isInteger(kc) || kc < 1) throw new InputError('kc', `setKernelTiles: expected a positive integer, got ${kc}`);
  if (!Number.isInteger(ic) || ic < 1) throw new InputError('ic', `setKernelTiles: expected a positive integer, got ${ic}`);
  loadKernel()?.exports.setTiles(kc, ic);
}
