/**
 * Up-front memory estimates, so a width or sample count the machine cannot hold is refused before any
 * allocation, with the estimate in the message. Estimates count the Float64Array buffers
 * of the routines (8 bytes per number) with one spare copy of the largest, not the JS heap overhead.
 */
import os from 'node:os';
import { InputError } from '../errors.js';

/** Fraction of physical memory one command may plan to use. [INFERRED] leaves room for the OS and Node. */
export const MEMORY_FRACTION = 0.5;
const BYTES = 8;

/**
 * Training at width m on n×d inputs: W, W(0), gradient G and a spare (4·m·d), pre-activations Z and
 * activation pattern (2·n·m), inputs X (n·d). src/train/kernel.ts makeBuffers, src/train/loop.ts.
 */
export function trainBytes(n: number, d: number, m: number): number {
  return BYTES * (4 * m * d + 2 * n * m + n * d);
}

/** Margin solvers: NTK Gram, its labelled copy and a spare (3·n²), Monte Carlo directions and patterns (samples·(d + n)). */
export function marginBytes(n: number, d: number, samples: number): number {
  return BYTES * (3 * n * n + samples * (d + n));
}

/**
 * Bytes per epoch of a recorded loss curve (`train --curve`): the Float64Array (8), its Array.from copy in
 * the result (8) and the printed JSON text, ≈ 24 UTF-16 characters per number with indentation (48).
 * [INFERRED] from the code path src/train/loop.ts → src/regimes/trainRegime.ts → src/cli/io.ts printJson.
 */
export const CURVE_BYTES_PER_EPOCH = 64;

/** A loss curve of T + 1 values, recorded, copied and printed (see CURVE_BYTES_PER_EPOCH). */
export function curveBytes(T: number): number {
  return CURVE_BYTES_PER_EPOCH * (T + 1);
}

/**
 * Bytes per init seed of an m* search (`width --seeds k`): its seed string, job object and loss in the search
 * (136 measured with 10⁶ seeds, heapUsed after gc, Node 20) rounded up to 256 [CHECKED], plus, per evaluated
 * width, its printed loss (≈ 32 UTF-16 characters with indentation, 64 bytes) [INFERRED].
 */
export const SEED_BYTES = 256;
/** Printed bytes per seed and evaluated width (see SEED_BYTES). */
export const SEED_WIDTH_BYTES = 64;

/**
 * The m* search over widths 1, 2, 4, … ≤ mMax and then bisection (≤ 2·(⌈log₂ mMax⌉ + 1) evaluated widths),
 * with `seeds` initialisations per width: one training at width mMax at a time plus the per-seed records.
 * src/bounds/minWidth.ts, src/bounds/widthReport.ts.
 */
export function searchBytes(n: number, d: number, mMax: number, seeds: number): number {
  const widths = 2 * (Math.ceil(Math.log2(mMax)) + 1);
  return trainBytes(n, d, mMax) + seeds * (SEED_BYTES + widths * SEED_WIDTH_BYTES);
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(bytes < 2 ** 30 ? 3 : 1)} GiB`;
}

/** Does a plan of `bytes` fit in MEMORY_FRACTION of physical memory (`total` bytes)? */
export function fitsMemory(bytes: number, total = os.totalmem()): boolean {
  return bytes <= MEMORY_FRACTION * total;
}

/**
 * Refuse a plan whose estimate exceeds MEMORY_FRACTION of physical memory.
 * @param field  the option to blame, e.g. "--width".
 * @throws InputError(field, "needs about X GiB, more than … of this machine's …").
 */
export function checkMemory(field: string, bytes: number, what: string, total = os.totalmem()): void {
  if (!fitsMemory(bytes, total)) {
    throw new InputError(
      field,
      `${what} needs about ${gib(bytes)}, more than ${Math.round(MEMORY_FRACTION * 100)}% of this machine's ${gib(total)}; choose a smaller value`,
    );
  }
}
