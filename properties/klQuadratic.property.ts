/** vitest wrapper: claim kl-quadratic (properties/claims/klQuadratic.ts) and its mutant KL/16. */
import { it } from 'vitest';
import { klQuadraticClaim } from './claims/klQuadratic.js';
import { klSixteenthMutant } from './mutants/klSixteenth.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

for (const claim of [klQuadraticClaim, klSixteenthMutant]) {
  it(`${claim.id}: ${claim.mutant ? 'refuted' : 'verified'}`, async () => expectExpectedVerdict(claim, await runForCi(claim)));
}
