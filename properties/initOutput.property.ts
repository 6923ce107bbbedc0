/** vitest wrapper: claim init-output (properties/claims/initOutput.ts). */
import { it } from 'vitest';
import { initOutputClaim } from './claims/initOutput.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

it('init-output: verified', async () => expectExpectedVerdict(initOutputClaim, await runForCi(initOutputClaim)));
