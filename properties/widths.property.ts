/**
 * vitest wrapper: the width claims (width-soft, width-hard, scaling-slopes, separation) and the width mutants
 * (one neuron, hard never more, ε-free width). One file so the m* cells are computed once and shared
 * (src/verify/widthCells.ts memo). separation is expected verified OR inconclusive: its ratio trend is a 95%
 * bootstrap over ≈ 20 datasets whose γ spans a factor ≈ 4, and on 6 of 100 seeds (quick mode) the interval
 * reached 0 (e.g. seed 3: soft < hard on 10, tied on 10, never >); it must never be refuted.
 */
import { it } from 'vitest';
import { widthSoftClaim } from './claims/widthSoft.js';
import { widthHardClaim } from './claims/widthHard.js';
import { scalingSlopesClaim } from './claims/scalingSlopes.js';
import { separationClaim } from './claims/separation.js';
import { oneNeuronMutant } from './mutants/oneNeuron.js';
import { hardNeverMoreMutant } from './mutants/hardNeverMore.js';
import { epsFreeWidthMutant } from './mutants/epsFreeWidth.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

for (const claim of [widthSoftClaim, widthHardClaim, scalingSlopesClaim, oneNeuronMutant, hardNeverMoreMutant, epsFreeWidthMutant]) {
  it(`${claim.id}: ${claim.mutant ? 'refuted' : 'verified'}`, async () => expectExpectedVerdict(claim, await runForCi(claim)));
}

it('separation: verified or inconclusive at this scale, never refuted', async () => {
  expectExpectedVerdict(separationClaim, await runForCi(separationClaim), ['verified', 'inconclusive']);
});
