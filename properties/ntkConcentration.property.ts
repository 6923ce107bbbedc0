/**
 * vitest wrapper: claim ntk-concentration and its mutants (kernel π + θ — the "break the kernel formula" check — and the radius divided by 4). Claims: properties/claims/ntkConcentration.ts, properties/mutants/.
 */
import { it } from 'vitest';
import { ntkConcentrationClaim } from './claims/ntkConcentration.js';
import { kernelPiPlusThetaMutant } from './mutants/kernelPiPlusTheta.js';
import { hoeffdingQuarterMutant } from './mutants/hoeffdingQuarter.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

for (const claim of [ntkConcentrationClaim, kernelPiPlusThetaMutant, hoeffdingQuarterMutant]) {
  it(`${claim.id}: ${claim.mutant ? 'refuted' : 'verified'}`, async () => expectExpectedVerdict(claim, await runForCi(claim)));
}
