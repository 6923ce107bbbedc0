/** vitest wrapper: claim gradient-bound (properties/claims/gradientBound.ts). */
import { it } from 'vitest';
import { gradientBoundClaim } from './claims/gradientBound.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

it('gradient-bound: verified', async () => expectExpectedVerdict(gradientBoundClaim, await runForCi(gradientBoundClaim)));
