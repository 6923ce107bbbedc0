/**
 * Option parsers for commander (`.argParser`): each checks one option's value at parse time and throws
 * commander's InvalidArgumentError, which the CLI prints as one line naming the option, e.g.
 *   ntk-verify: option '--width <m>' argument '0' is invalid. expected a positive integer
 * and exits with code 2 (src/cli/main.ts).
 */
import { InvalidArgumentError } from 'commander';
import { ETA_MAX } from '../train/defaults.js';

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** Integer ≥ 1 (widths, epochs, sample counts, n). */
export function positiveInt(text: string): number {
  const v = num(text);
  if (!Number.isSafeInteger(v) || v < 1) throw new InvalidArgumentError(`expected a positive integer, got "${text}"`);
  return v;
}

/** Integer ≥ 0 (e.g. --n-test). */
export function nonNegativeInt(text: string): number {
  const v = num(text);
  if (!Number.isSafeInteger(v) || v < 0) throw new InvalidArgumentError(`expected an integer ≥ 0, got "${text}"`);
  return v;
}

/** Real in the open interval (0, 1) (ε, δ, success fraction). */
export function openUnit(text: string): number {
  const v = num(text);
  if (!(v > 0 && v < 1)) throw new InvalidArgumentError(`expected a number in (0, 1), got "${text}"`);
  return v;
}

/** Real in the closed interval [0, 1] (difficulty). */
export function closedUnit(text: string): number {
  const v = num(text);
  if (!(v >= 0 && v <= 1)) throw new InvalidArgumentError(`expected a number in [0, 1], got "${text}"`);
  return v;
}

/** Finite real > 0 (η, τ). */
export function positiveReal(text: string): number {
  const v = num(text);
  if (!(v > 0 && Number.isFinite(v))) throw new InvalidArgumentError(`expected a finite number > 0, got "${text}"`);
  return v;
}

/**
 * Step size η of gradient descent (--lr of train and width): a real in (0, ETA_MAX]. ETA_MAX = 8 is the
 * largest step documented as stable (η < 2/L with L ≤ 1/4, src/train/defaults.ts); a larger η is refused
 * rather than trained silently, since the loss may then oscillate and m* would measure the optimiser.
 */
export function stepSize(text: string): number {
  const v = num(text);
  if (!(v > 0 && v <= ETA_MAX)) {
    throw new InvalidArgumentError(`expected a step size η in (0, ${ETA_MAX}], the documented stable range (ETA_MAX, src/train/defaults.ts), got "${text}"`);
  }
  return v;
}

/** Finite real ≥ 0 (noise σ). */
export function nonNegativeReal(text: string): number {
  const v = num(text);
  if (!(v >= 0 && Number.isFinite(v))) throw new InvalidArgumentError(`expected a finite number ≥ 0, got "${text}"`);
  return v;
}

/** Projection radius: a finite real > 0, "inf" (plain GD) or "auto" (regime's rule). */
export function radius(text: string): number | 'auto' {
  const t = text.trim().toLowerCase();
  if (t === 'auto') return 'auto';
  if (t === 'inf' || t === 'infinity') return Infinity;
  const v = num(text);
  if (!(v > 0 && Number.isFinite(v))) throw new InvalidArgumentError(`expected a number > 0, "inf" or "auto", got "${text}"`);
  return v;
}

/** Epochs: an integer ≥ 1, or "theory" for T(γ, ε) = ⌈c_T/(η γ² ε)⌉ (src/train/epochs.ts). */
export function epochs(text: string): number | 'theory' {
  if (text.trim().toLowerCase() === 'theory') return 'theory';
  const v = num(text);
  if (!Number.isSafeInteger(v) || v < 1) throw new InvalidArgumentError(`expected a positive integer or "theory", got "${text}"`);
  return v;
}

/** Largest seed accepted: fast-check seeds are 32-bit integers. */
export const MAX_SEED = 2 ** 31 - 1;

/** Integer seed in [−2^31, 2^31 − 1]. */
export function seed(text: string): number {
  const v = num(text);
  if (!Number.isInteger(v) || v < -MAX_SEED - 1 || v > MAX_SEED) throw new InvalidArgumentError(`expected an integer seed in [-2^31, 2^31-1], got "${text}"`);
  return v;
}

/** A seed or the word "random" (verify explores with a fresh seed, printed and recorded). */
export function seedOrRandom(text: string): number | 'random' {
  return text.trim().toLowerCase() === 'random' ? 'random' : seed(text);
}

/** Two distinct MNIST digits "a,b" in 0..9. */
export function digits(text: string): [number, number] {
  const parts = text.split(',').map((s) => s.trim());
  const v = parts.map(num);
  if (v.length !== 2 || !v.every((x) => Number.isInteger(x) && x >= 0 && x <= 9) || v[0] === v[1]) {
    throw new InvalidArgumentError(`expected two distinct digits 0..9 as "a,b" (e.g. 4,9), got "${text}"`);
  }
  return [v[0], v[1]];
}

/** Comma-separated non-empty ids. */
export function idList(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError(`expected comma-separated claim ids, got "${text}"`);
  return ids;
}
