/**
 * Places one training problem in the kernel's linear memory, in the padded, transposed and tiled layout of
 * assembly/kernel.ts, and reads results back:
 *   X, Xc np×dp; Wt, W0t, Gt dp×mp (W transposed, neuron tiles); a mp; M np×mp (tiles)  (element type f64 or f32)
 *   fv np×2; f, p, H, c np; curve T+1; out 3                                              (always f64)
 * np = n rounded up to even, dp = d rounded up to even (plus 2 when the X row stride would be a multiple of
 * 1 KiB: cache aliasing), mp = m rounded up to the tile (8 lanes f64, 16 f32); padding is zero (and a_s = 0
 * for padded neurons), which leaves every real z, f and G entry unchanged.
 * Memory: O(n·m + n·d + m·d) numbers, allocated once per problem; nothing is allocated per step.
 */
import type { TwoLayerNet } from '../../model/twoLayer.js';
import { ShapeError, InputError } from '../../errors.js';
import { bernoulliEntropy } from '../../model/losses.js';
import type { KernelExports } from './wasmModule.js';

/** Arithmetic of the kernel: float64 (default, matches the reference to ~1e-12) or float32 (opt-in). */
export type Precision = 'f64' | 'f32';

/** Neurons per register tile: 4 SIMD vectors (f64x2 → 8, f32x4 → 16). */
export const NEURON_TILE = { f64: 8, f32: 16 } as const;
/** Samples per forward tile and input coordinates per backward tile. */
export const ROW_TILE = 2;
/** Alignment of every array, bytes (one cache line). */
const ALIGN = 64;
/**
 * Row strides that are multiples of this many bytes map many rows to the same L1 cache sets (4 KiB aliasing on
 * x86); the X/Xc row stride dp then gets 2 more zero columns. Measured before Wt/M were tiled: with 4096-byte
 * rows (m = 512) the kernel ran about 2× slower per neuron than at m = 64 [CHECKED, bench]; for X rows the
 * same effect is expected at d = 512, 1024, … [INFERRED].
 */
const CRITICAL_STRIDE = 1024;
const PAGE = 65536;

export interface WasmLayout {
  precision: Precision;
  n: number; d: number; m: number; np: number; dp: number; mp: number; T: number;
  X: number; Xc: number; Wt: number; W0t: number; Gt: number; a: number; M: number;
  fv: number; f: number; p: number; H: number; c: number; curve: number; out: number;
  /** Bytes of linear memory this problem uses. */
  bytes: number;
  /** Placement counter: a later placeProblem in this thread overwrites this layout's data. */
  generation: number;
}

let generation = 0;

/** The generation of the most recent placeProblem in this thread (see WasmLayout.generation). */
export function currentGeneration(): number {
  return generation;
}

const roundUp = (v: number, q: number) => Math.ceil(v / q) * q;
/** v rounded up to a multiple of q, plus q more if the row stride (·es bytes) would alias in the cache. */
const paddedStride = (v: number, q: number, es: number) => {
  const r = roundUp(v, q);
  return (r * es) % CRITICAL_STRIDE === 0 ? r + q : r;
};

/**
 * Validate, lay out and copy (net, X, p) into memory; W0t := W. curveLength T+1 reserves the loss curve.
 * @throws ShapeError on size mismatches; InputError if p ∉ [0,1]^n or X has a non-finite entry.
 */
export function placeProblem(
  ex: KernelExports,
  precision: Precision,
  net: TwoLayerNet,
  X: Float64Array,
  n: number,
  p: Float64Array,
  T = 0,
): WasmLayout {
  const { m, d, W, a } = net;
  if (!Number.isInteger(n) || n < 1) throw new ShapeError(`placeProblem: n must be a positive integer, got ${n}`);
  if (X.length !== n * d) throw new ShapeError(`placeProblem: X has length ${X.length}, expected n·d = ${n}·${d}`);
  if (p.length !== n) throw new ShapeError(`placeProblem: p has length ${p.length}, expected n = ${n}`);
  if (W.length !== m * d) throw new ShapeError(`placeProblem: W has length ${W.length}, expected m·d = ${m}·${d}`);
  if (a.length !== m) throw new ShapeError(`placeProblem: a has length ${a.length}, expected m = ${m}`);
  for (let i = 0; i < n; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw new InputError(`p[${i}]`, `target probability must lie in [0, 1], got ${p[i]}`);
  }
  for (let j = 0; j < X.length; j++) {
    if (!Number.isFinite(X[j])) throw new InputError(`X[${j}]`, `inputs must be finite, got ${X[j]}`);
  }
  const es = precision === 'f64' ? 8 : 4;
  const np = roundUp(n, ROW_TILE);
  const dp = paddedStride(d, ROW_TILE, es);
  const mp = roundUp(m, NEURON_TILE[precision]);
  let cursor = roundUp(ex.heapBase(), ALIGN);
  const take = (bytes: number) => {
    const at = cursor;
    cursor = roundUp(cursor + bytes, ALIGN);
    return at;
  };
  const L: WasmLayout = {
    precision, n, d, m, np, dp, mp, T,
    X: take(np * dp * es), Xc: take(np * dp * es),
    Wt: take(dp * mp * es), W0t: take(dp * mp * es), Gt: take(dp * mp * es),
    a: take(mp * es), M: take(np * mp * es),
    fv: take(np * 16), f: take(np * 8), p: take(np * 8), H: take(np * 8), c: take(np * 8),
    curve: take((T + 1) * 8), out: take(24), bytes: 0, generation: ++generation,
  };
  L.bytes = cursor;
  const mem = ex.memory;
  if (cursor > mem.buffer.byteLength) {
    const pages = Math.ceil((cursor - mem.buffer.byteLength) / PAGE);
    try {
      mem.grow(pages);
    } catch {
      throw new ShapeError(`placeProblem: problem needs ${cursor} bytes of WebAssembly memory (n=${n}, d=${d}, m=${m}), more than the runtime grants`);
    }
  }
  const buf = mem.buffer;
  const Arr = precision === 'f64' ? Float64Array : Float32Array;
  const Xw = new Arr(buf, L.X, np * dp).fill(0); // padding must be zero; M, Xc, Gt, fv, c are overwritten
  new Arr(buf, L.Wt, dp * mp).fill(0);
  new Arr(buf, L.a, mp).fill(0);
  for (let i = 0; i < n; i++) Xw.set(X.subarray(i * d, (i + 1) * d), i * dp);
  writeW(ex, L, W);
  new Arr(buf, L.W0t, dp * mp).set(new Arr(buf, L.Wt, dp * mp));
  new Arr(buf, L.a, mp).set(a);
  new Float64Array(buf, L.p, np).set(p);
  const H = new Float64Array(buf, L.H, np);
  for (let i = 0; i < n; i++) H[i] = bernoulliEntropy(p[i]);
  return L;
}

/** Wt(k, s) := W[s·d + k] (transpose into neuron tiles, rounding to f32 in float32 mode). */
export function writeW(ex: KernelExports, L: WasmLayout, W: Float64Array): void {
  const { d, m, mp } = L;
  const Wt = L.precision === 'f64' ? new Float64Array(ex.memory.buffer, L.Wt, L.dp * mp) : new Float32Array(ex.memory.buffer, L.Wt, L.dp * mp);
  for (let s = 0; s < m; s++) {
    const base = panelIndex(L, 0, s);
    const t = NEURON_TILE[L.precision];
    for (let k = 0, j = s * d; k < d; k++, j++) Wt[base + k * t] = W[j];
  }
}

/** Position of entry (k, s) of a dp×mp array stored as neuron tiles: tile ⌊s/t⌋, then row k, then lane s mod t. */
export function panelIndex(L: WasmLayout, k: number, s: number): number {
  const t = NEURON_TILE[L.precision];
  const tile = Math.floor(s / t);
  return tile * L.dp * t + k * t + (s - tile * t);
}

/** Read a dp×mp tiled array (Wt, Gt) back into an m×d row-major Float64Array. */
export function readTransposed(ex: KernelExports, L: WasmLayout, ptr: number, out: Float64Array): Float64Array {
  const { d, m, mp } = L;
  const src = L.precision === 'f64' ? new Float64Array(ex.memory.buffer, ptr, L.dp * mp) : new Float32Array(ex.memory.buffer, ptr, L.dp * mp);
  const t = NEURON_TILE[L.precision];
  for (let s = 0; s < m; s++) {
    const base = panelIndex(L, 0, s);
    for (let k = 0, j = s * d; k < d; k++, j++) out[j] = src[base + k * t];
  }
  return out;
}

/** Copy the n outputs f_i. */
export function readF(ex: KernelExports, L: WasmLayout, out: Float64Array = new Float64Array(L.n)): Float64Array {
  out.set(new Float64Array(ex.memory.buffer, L.f, L.n));
  return out;
}

/** The argument list shared by lossAndGrad64/32: (X, Xc, Wt, Gt, a, M, fv, f, p, H, c, n, np, dp, mp, scale). */
export function gradArgs(L: WasmLayout): number[] {
  return [L.X, L.Xc, L.Wt, L.Gt, L.a, L.M, L.fv, L.f, L.p, L.H, L.c, L.n, L.np, L.dp, L.mp, 1 / Math.sqrt(L.m)];
}

/** The argument list of train64/32 up to (and excluding) T, eta, radius, record. */
export function trainArgs(L: WasmLayout): number[] {
  return [L.X, L.Xc, L.Wt, L.W0t, L.Gt, L.a, L.M, L.fv, L.f, L.p, L.H, L.c, L.curve, L.out, L.n, L.np, L.dp, L.mp, 1 / Math.sqrt(L.m)];
}
