/**
 * The one assertion of the vitest wrappers (properties/*.property.ts): run a claim in quick mode with the CI seed
 * (FC_SEED, else DEFAULT_SEED) and check its expected verdict — true claims verified (or not-applicable where
 * their header says a precondition is out of reach), mutants refuted with a shrunk counterexample. The evidence
 * line and the replay command are in the failure message.
 */
import { expect } from 'vitest';
import type { Claim, ClaimResult, RunContext, Verdict } from '../src/verify/types.js';
import { seedFromEnv } from '../src/verify/seed.js';

/** Run the claim as CI does (quick, fixed seed); `cells` lets several claims of one file share a store. */
export async function runForCi(claim: Claim, cells?: RunContext['cells']): Promise<ClaimResult> {
  return claim.run({ seed: seedFromEnv(), quick: true, cells });
}

/**
 * Assert the expected verdict of a finished result (see module doc).
 * @param expected  verdicts a true claim may return; default ['verified'] (mutants: always 'refuted').
 */
export function expectExpectedVerdict(claim: Claim, r: ClaimResult, expected: Verdict[] = ['verified']): void {
  const why = `${r.id}: ${r.verdict} — ${r.evidence}${r.counterexample ? ` — replay: ${r.counterexample.replay}` : ''}`;
  if (claim.mutant) {
    expect(r.verdict, why).toBe('refuted');
    expect(r.counterexample, `${why} (a mutant must be refuted with a counterexample)`).toBeDefined();
  } else {
    expect(expected, why).toContain(r.verdict);
  }
}
