/**
 * Start-up detection of the WebAssembly features the fast kernel uses, by validating tiny modules
 * (WebAssembly.validate never runs code):
 *   - SIMD128 (f64x2/f32x4; standard in Node ≥ 16.4);
 *   - relaxed SIMD, for f64x2.relaxed_madd (fused multiply-add). Standard from V8 11.4 (Node 22); Node 20's
 *     V8 11.3 has it behind --experimental-wasm-relaxed-simd, which {@link detectWasmFeatures} switches on
 *     at run time through v8.setFlagsFromString before re-validating. If it is still unavailable, the
 *     kernel falls back to the plain-SIMD build (separate multiply and add) with a one-line notice on stderr.
 * The environment variable NTK_WASM forces a choice: "simd" (no relaxed SIMD), "off" (no WebAssembly:
 * callers fall back to the TypeScript reference kernel).
 * Source: WebAssembly relaxed-SIMD proposal, opcode 0xfd 0x107 = f64x2.relaxed_madd [RECALLED];
 * [CHECKED] on Node 20.20 / V8 11.3: validate false without the flag, true after setFlagsFromString.
 */
import v8 from 'node:v8';
import { wasmApi } from './wasmApi.js';

/** (module (func (param v128 v128 v128) (result v128) local.get 0 local.get 1 local.get 2 f64x2.relaxed_madd)) */
const RELAXED_MADD_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b, // type: (v128 v128 v128) → v128
  0x03, 0x02, 0x01, 0x00, // function 0 has type 0
  0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x87, 0x02, 0x0b, // code
]);

/** (module (func (result v128) v128.const i64x2 0 0)) */
const SIMD_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () → v128
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b, // v128.const 0
]);

/** Which kernel build this runtime can run. */
export interface WasmFeatures {
  /** SIMD128 validates. */
  simd: boolean;
  /** f64x2.relaxed_madd validates (possibly after switching on the V8 flag). */
  relaxedSimd: boolean;
  /** relaxed SIMD needed the --experimental-wasm-relaxed-simd flag (Node 20). */
  relaxedByFlag: boolean;
  /** One-line notice for stderr when a fallback is taken; undefined when all is well. */
  notice?: string;
}

let cached: WasmFeatures | undefined;

/** Detect once per thread (cached); never throws. */
export function detectWasmFeatures(): WasmFeatures {
  if (cached) return cached;
  const force = process.env.NTK_WASM;
  const simd = force !== 'off' && wasmApi.validate(SIMD_MODULE);
  let relaxedSimd = false;
  let relaxedByFlag = false;
  if (simd && force !== 'simd') {
    relaxedSimd = wasmApi.validate(RELAXED_MADD_MODULE);
    if (!relaxedSimd) {
      try {
        v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
        relaxedSimd = wasmApi.validate(RELAXED_MADD_MODULE);
        relaxedByFlag = relaxedSimd;
      } catch {
        relaxedSimd = false;
      }
    }
  }
  let notice: string | undefined;
  if (!simd) {
    notice = `ntk-verify: WebAssembly SIMD ${force === 'off' ? 'disabled by NTK_WASM=off' : 'unavailable'}; using the TypeScript reference kernel (about 3-10x slower)`;
  } else if (!relaxedSimd) {
    notice = `ntk-verify: relaxed-SIMD FMA ${force === 'simd' ? 'disabled by NTK_WASM=simd' : 'unavailable in this runtime'}; the WebAssembly kernel uses separate multiply and add (slower)`;
  }
  cached = { simd, relaxedSimd, relaxedByFlag, notice };
  return cached;
}
