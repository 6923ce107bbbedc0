/**
 * Entry checks shared by the width bounds: γ must be a positive finite margin (a failed math precondition
 * otherwise), ε and C must be positive finite numbers (bad input otherwise). Messages start with the caller.
 */
import { InputError, PreconditionError } from '../errors.js';

/** @throws PreconditionError unless 0 < gamma < ∞. */
export function checkGamma(fn: string, gamma: number): void {
  if (!(gamma > 0) || !Number.isFinite(gamma)) {
    throw new PreconditionError(`${fn}: margin gamma must be a positive finite number, got ${gamma}`);
  }
}

/** @throws InputError naming `field` unless 0 < value < ∞ (and value < 1 when below1). */
export function checkPositive(fn: string, field: string, value: number, below1 = false): void {
  if (!(value > 0) || !Number.isFinite(value) || (below1 && !(value < 1))) {
    const range = below1 ? 'in (0, 1)' : 'a positive finite number';
    throw new InputError(field, `${fn}: expected ${range}, got ${value}`);
  }
}
