/**
 * vitest wrapper: claims lazy-training (verified) and lazy-radius-jt (not applicable at this scale: the
 * Ji–Telgarsky width is out of reach). Claims: properties/claims/lazyTraining.ts, lazyRadius.ts.
 */
import { it } from 'vitest';
import { lazyTrainingClaim } from './claims/lazyTraining.js';
import { lazyRadiusClaim } from './claims/lazyRadius.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

it('lazy-training: verified', async () => expectExpectedVerdict(lazyTrainingClaim, await runForCi(lazyTrainingClaim)));
it('lazy-radius-jt: not applicable at this scale (never verified)', async () => {
  expectExpectedVerdict(lazyRadiusClaim, await runForCi(lazyRadiusClaim), ['not-applicable']);
});
