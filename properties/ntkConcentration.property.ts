/**
 * vitest wrapper: claim ntk-concentration and its mutants (kernel π + θ — the "break the kernel formula" check —,
 * the second layer's kernel, the chord for the angle, and the radius halved), and the power of its angle design.
 * Claims: properties/claims/ntkConcentration.ts, properties/mutants/.
 */
import { expect, it } from 'vitest';
import { ntkGram } from '../src/ntk/analytic.js';
import { concentrationSpec, KERNEL_DESIGN, kernelDesignCase } from './claims/ntkConcentration.js';
import { ntkConcentrationClaim } from './claims/ntkConcentration.js';
import { kernelPiPlusThetaMutant } from './mutants/kernelPiPlusTheta.js';
import { hoeffdingQuarterMutant } from './mutants/hoeffdingQuarter.js';
import { kernelSecondLayerMutant } from './mutants/kernelSecondLayer.js';
import { kernelChordAngleMutant } from './mutants/kernelChordAngle.js';
import { kernelArcCosine0Mutant } from './mutants/kernelArcCosine0.js';
import { expectExpectedVerdict, runForCi } from './expectClaim.js';

for (const claim of [ntkConcentrationClaim, kernelPiPlusThetaMutant, hoeffdingQuarterMutant, kernelSecondLayerMutant, kernelChordAngleMutant, kernelArcCosine0Mutant]) {
  it(`${claim.id}: ${claim.mutant ? 'refuted' : 'verified'}`, async () => expectExpectedVerdict(claim, await runForCi(claim)));
}

it('the angle design refutes a kernel that differs from the NTK by 0.051 in one entry (a 90° pair) and by nothing else', () => {
  const design = kernelDesignCase();
  // points 0 and 12 are 12 × 7.5° = 90° apart
  const bumped = (X: Float64Array, n: number, d: number) => {
    const K = ntkGram(X, n, d);
    K[0 * n + 12] += 0.051;
    K[12 * n + 0] += 0.051;
    return K;
  };
  const r = concentrationSpec({ gram: bumped, radiusFactor: 1 }, KERNEL_DESIGN.trials).check(design);
  expect(r.holds).toBe(false);
  expect(concentrationSpec({ gram: ntkGram, radiusFactor: 1 }, KERNEL_DESIGN.trials).check(design).holds).toBe(true);
});
