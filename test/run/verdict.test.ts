import { describe, expect, it } from 'vitest';
import { meetsExpectation, summarize } from '../../src/run/verdict.js';
import { record } from '../report/fixtures/records.js';

describe('verdict rules (exit 0 iff every true claim holds and every mutant is refuted)', () => {
  it.each([
    [false, 'verified', true],
    [false, 'not-applicable', true],
    [false, 'refuted', false],
    [false, 'inconclusive', false],
    [true, 'refuted', true],
    [true, 'verified', false],
    [true, 'inconclusive', false],
    [true, 'not-applicable', false],
  ] as const)('mutant=%s verdict=%s → meets expectation %s', (mutant, verdict, ok) => {
    expect(meetsExpectation({ mutant, verdict })).toBe(ok);
  });

  it('counts and problems', () => {
    const s = summarize([
      record({ id: 'a' }),
      record({ id: 'b', verdict: 'refuted' }),
      record({ id: 'c', verdict: 'not-applicable' }),
      record({ id: 'm1', mutant: true, verdict: 'refuted' }),
      record({ id: 'm2', mutant: true, verdict: 'verified' }),
      record({ id: 'e', verdict: 'inconclusive', error: 'Error: boom' }),
    ]);
    expect(s).toMatchObject({ verified: 2, refuted: 2, inconclusive: 1, notApplicable: 1, trueClaims: 4, trueClaimsVerified: 1, trueClaimsNotApplicable: 1, trueClaimsInconclusive: 1, trueClaimsRefuted: 1, mutants: 2, mutantsRefuted: 1, exitCode: 1 });
    expect(s.byKind).toEqual({ unlabelled: { claims: 4, verified: 1, notApplicable: 1, inconclusive: 1, refuted: 1 } });
    expect(s.problems).toEqual(['b: true claim refuted', 'm2: mutant survived (verdict verified; expected refuted)', 'e: run failed (Error: boom)']);
  });

  it('empty run passes', () => {
    expect(summarize([]).exitCode).toBe(0);
  });
});
