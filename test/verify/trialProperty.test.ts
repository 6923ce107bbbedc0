import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trialDecision, trialSpec } from '../../src/verify/trialProperty.js';
import { runProperty } from '../../src/verify/runProperty.js';
import { makeRng } from '../../src/rng.js';

/**
 * Oracle: a case is a Bernoulli failure probability r = k/10 (k shrinks toward 0); trials are seeded coin flips.
 * With δ = 0.1 and 400 trials at α_case = 1e-4, r ≥ 0.3 is refuted (CP lower ≈ r − 0.08 > δ) and r = 0 is verified
 * (upper = 1 − 1e-4^{1/400} ≈ 0.023).
 */
function coinSpec() {
  return trialSpec<{ k: number }>({
    arb: fc.record({ k: fc.integer({ min: 0, max: 10 }) }),
    describe: () => ({}),
    trials: 400,
    delta: 0.1,
    alphaCase: 1e-4,
    caseValues: ({ k }) => ({ rate: k / 10 }),
    trial: ({ k }, t) => {
      const u = makeRng(`coin/${k}/${t}`).uniform();
      return { fail: u < k / 10, ratio: u };
    },
  });
}

describe('trialSpec + trialDecision', () => {
  it('refutes a failure rate far above δ and shrinks to the smallest rate that is still significant (oracle: by hand, r = 0.2)', () => {
    const o = runProperty('coin', coinSpec(), { seed: 3, numRuns: 30 });
    expect(o.status).toBe('failed');
    // r = 0.1 = δ is never significant; r = 0.2 has CP lower ≈ 0.14 > 0.1 with 400 trials.
    expect(o.counterexample?.values.rate).toBe(0.2);
    expect(trialDecision(o, 1e-3).verdict).toBe('refuted');
  });

  it('labels every count: the evidence quotes the shrunk case, the metrics say which counts are before shrinking', () => {
    // Arrange: the refuted coin property of the test above (oracle: the case records fast-check ran)
    const o = runProperty('coin', coinSpec(), { seed: 3, numRuns: 30 });
    const shrunk = o.counterexample!.values;
    const before = o.cases.map((c) => c.record!);
    // Act
    const d = trialDecision(o, 1e-3);
    // Assert: the evidence's k/N is the shrunk case's, and metrics carry it under its own name
    expect(d.evidence).toMatch(new RegExp(`^shrunk case .*: ${shrunk.failures}/${shrunk.trials} inits fail`));
    expect(d.metrics).toMatchObject({ counterexampleInitFailures: shrunk.failures, counterexampleInitTrials: shrunk.trials });
    // the pooled counts are over the cases run before shrinking, and say so
    const kBefore = before.reduce((s, r) => s + r.failures, 0);
    const nBefore = before.reduce((s, r) => s + r.trials, 0);
    expect(d.metrics).toMatchObject({ initFailuresBeforeShrink: kBefore, initTrialsBeforeShrink: nBefore });
    expect(d.evidence).toContain(`before shrinking: ${kBefore}/${nBefore} inits failed over ${o.numRuns} case`);
    expect(Object.keys(d.metrics!).filter((k) => /^total/.test(k))).toEqual([]); // no unlabelled totals
  });

  it('verifies when every case has rate 0 (upper bound 1 − 1e-4^{1/400} ≈ 0.0228 ≤ δ)', () => {
    const spec = { ...coinSpec(), arb: fc.record({ k: fc.constant(0) }) };
    const o = runProperty('coin0', spec, { seed: 3, numRuns: 5 });
    const d = trialDecision(o, 1e-3);
    expect(d.verdict).toBe('verified');
    expect(d.metrics?.worstCaseCpUpper).toBeCloseTo(1 - 1e-4 ** (1 / 400), 6);
    // nothing was shrunk: the pooled counts are over all cases, and say so (rate 0 ⇒ 0 failures in 5 × 400)
    expect(d.metrics).toMatchObject({ initFailuresAllCases: 0, initTrialsAllCases: 2000 });
  });

  it('is inconclusive at a rate equal to δ (neither bound decides)', () => {
    const spec = { ...coinSpec(), arb: fc.record({ k: fc.constant(1) }) };
    const d = trialDecision(runProperty('coin1', spec, { seed: 3, numRuns: 3 }), 1e-3);
    expect(d.verdict).toBe('inconclusive');
  });
});
