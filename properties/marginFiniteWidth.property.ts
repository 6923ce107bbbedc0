/** vitest wrapper: claim margin-finite-width (properties/claims/marginFiniteWidth.ts). */
import { it } from 'vitest';
import { marginFiniteWidthClaim } from './claims/marginFiniteWidth.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

it('margin-finite-width: verified', async () => expectExpectedVerdict(marginFiniteWidthClaim, await runForCi(marginFiniteWidthClaim)));
