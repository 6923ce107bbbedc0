/**
 * vitest wrapper: the width claims (width-soft, width-hard, scaling-slopes, separation), the width mutants (one
 * neuron, hard never more, ε-free width) and the wrong width laws (margin-free soft and hard, ε-free soft). One file
 * so the m* cells are computed once and shared (src/verify/widthCells.ts memo). separation is expected verified OR
 * inconclusive: its ratio exponent is a 99% interval from interval-censored m* in 2…9 over datasets whose γ spans
 * a factor ≈ 4, and on the CI seed (42) it reaches 0; it must never be refuted.
 */
import { it } from 'vitest';
import { widthSoftClaim } from './claims/widthSoft.js';
import { widthHardClaim } from './claims/widthHard.js';
import { scalingSlopesClaim } from './claims/scalingSlopes.js';
import { separationClaim } from './claims/separation.js';
import { oneNeuronMutant } from './mutants/oneNeuron.js';
import { hardNeverMoreMutant } from './mutants/hardNeverMore.js';
import { epsFreeWidthMutant } from './mutants/epsFreeWidth.js';
import { softMarginFreeLawMutant } from './mutants/softMarginFreeLaw.js';
import { hardMarginFreeLawMutant } from './mutants/hardMarginFreeLaw.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

const claims = [widthSoftClaim, widthHardClaim, scalingSlopesClaim, oneNeuronMutant, hardNeverMoreMutant, epsFreeWidthMutant, softMarginFreeLawMutant, hardMarginFreeLawMutant];
for (const claim of claims) {
  it(`${claim.id}: ${claim.mutant ? 'refuted' : 'verified'}`, async () => expectExpectedVerdict(claim, await runForCi(claim)));
}

it('separation: verified or inconclusive at this scale, never refuted', async () => {
  expectExpectedVerdict(separationClaim, await runForCi(separationClaim), ['verified', 'inconclusive']);
});
