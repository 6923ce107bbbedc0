/**
 * Errors across a worker-thread boundary: a worker sends {@link serializeError}(e), the main thread rethrows
 * {@link rebuildError}(s) — the same class (src/errors.ts), the same message and, for InputError, the same field,
 * so a bad option found inside a worker still reaches the user as one line naming the field.
 * Used by the worker pool (src/train/pool/workerPool.ts, serve.ts).
 */
import { InputError, NonConvergenceError, PreconditionError, ShapeError } from '../../errors.js';

/** Structured-clone-safe form of an Error. */
export interface SerializedError {
  name: string;
  message: string;
  field?: string;
  stack?: string;
}

/** The parts of any thrown value that survive postMessage. */
export function serializeError(e: unknown): SerializedError {
  const err = e instanceof Error ? e : new Error(String(e));
  const field = (err as { field?: unknown }).field;
  return { name: err.name, message: err.message, field: typeof field === 'string' ? field : undefined, stack: err.stack };
}

/** The error as its class again (unknown names become a plain Error with that name), keeping the worker's stack. */
export function rebuildError(e: SerializedError): Error {
  let err: Error;
  if (e.name === 'InputError' && e.field !== undefined) {
    // InputError prefixes "field: " to its message; strip it so the rebuilt message is not prefixed twice.
    const prefix = `${e.field}: `;
    err = new InputError(e.field, e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
  } else if (e.name === 'ShapeError') err = new ShapeError(e.message);
  else if (e.name === 'PreconditionError') err = new PreconditionError(e.message);
  else if (e.name === 'NonConvergenceError') err = new NonConvergenceError(e.message);
  else {
    err = new Error(e.message);
    err.name = e.name;
  }
  if (e.stack) err.stack = e.stack;
  return err;
}
