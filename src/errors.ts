/**
 * Error kinds (after ml-matrix's split): ShapeError for sizes and layouts, InputError for a bad value in a
 * named field (dataset files, CLI options), PreconditionError for a failed math precondition (γ = 0, Gram not
 * PSD), NonConvergenceError when an iterative solver runs out of iterations. Messages start with the function
 * or field name and give the offending value. A refuted theorem is a verdict, never an exception.
 * The CLI maps InputError/ShapeError/PreconditionError to exit code 2 with a one-line message.
 */
export class ShapeError extends RangeError {
  override name = 'ShapeError';
}

export class InputError extends Error {
  override name = 'InputError';
  /** The field at fault, e.g. "x[3]" or "--width". */
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class PreconditionError extends Error {
  override name = 'PreconditionError';
}

export class NonConvergenceError extends Error {
  override name = 'NonConvergenceError';
}

/** True for the errors that mean "the user gave bad input" (exit code 2), as opposed to a bug. */
export function isUsageError(e: unknown): e is Error {
  return e instanceof InputError || e instanceof ShapeError || e instanceof PreconditionError;
}
