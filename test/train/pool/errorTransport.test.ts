import { describe, expect, it } from 'vitest';
import { InputError, NonConvergenceError, PreconditionError, ShapeError } from '../../../src/errors.js';
import { rebuildError, serializeError } from '../../../src/train/pool/errorTransport.js';

/** Through structured clone, as postMessage does. */
const roundTrip = (e: unknown) => rebuildError(structuredClone(serializeError(e)));

describe('error transport across workers', () => {
  it('keeps the class, the message and the InputError field (oracle: the original error)', () => {
    for (const e of [new InputError('eps', 'expected a number in (0, 1)'), new ShapeError('X has length 3'), new PreconditionError('not separable'), new NonConvergenceError('no convergence')]) {
      const r = roundTrip(e);
      expect(r).toBeInstanceOf(e.constructor);
      expect(r.message).toBe(e.message);
      expect(r.name).toBe(e.name);
    }
    expect((roundTrip(new InputError('eps', 'bad')) as InputError).field).toBe('eps');
  });

  it('turns other errors and thrown non-errors into an Error with their name and message', () => {
    const r = roundTrip(new RangeError('too big'));
    expect([r.constructor, r.name, r.message]).toEqual([Error, 'RangeError', 'too big']);
    expect(roundTrip('plain string').message).toBe('plain string');
  });
});
