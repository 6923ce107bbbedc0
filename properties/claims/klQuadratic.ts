/**
 * Claim:      KL(Bern(σ(a)) ‖ Bern(σ(b))) ≤ (a − b)²/8 for all logits a, b (the soft-label loss is at most a
 *             quadratic in the logit gap, so soft targets cost no more than squared logit error).
 * Source:     Bregman form KL = A(b) − A(a) − A'(a)(b − a) with A = softplus and A'' = σ(1 − σ) ≤ 1/4, so the
 *             Taylor remainder is ≤ (b − a)²/8 [INFERRED]; used in Mandal–Lin–Srikant 2024 (arXiv 2412.09579)
 *             to relate the KL loss to logit error [RECALLED; lemma number unknown]. Expect: verified.
 * Confidence: a universal claim: 400 cases (default; 200 quick) of (a, b) ∈ (2^-10·ℤ ∩ [−40, 40])², no counterexample ⇒ failure
 *             mass of the generator < 0.75% at 95%. Rounding allowance klRoundingAllowance (src/verify/tolerances.ts).
 * Data:       two doubles; no dataset (the report shows n, d as —).
 */
import fc from 'fast-check';
import { klBetweenLogits } from '../../src/model/losses.js';
import { klRoundingAllowance } from '../../src/verify/tolerances.js';
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import type { PropertySpec } from '../../src/verify/runProperty.js';

/** Grid resolution of the generated logits: a, b ∈ 2^-10·ℤ. */
export const LOGIT_GRID = 1024;

/** The property KL ≤ (a − b)²/divisor: divisor 8 is the claim, 16 the mutant. */
export function klBoundSpec(divisor: number): PropertySpec<{ a: number; b: number }> {
  // Logits on the dyadic grid 2^-10·ℤ ∩ [−40, 40]: exact in binary64, and integer shrinking ends at the smallest
  // violating gap (2^-10 or so), far above the rounding allowance, instead of at a rounding-level borderline case.
  const logit = fc.integer({ min: -40 * LOGIT_GRID, max: 40 * LOGIT_GRID }).map((i) => i / LOGIT_GRID, (v) => Math.round((v as number) * LOGIT_GRID));
  return {
    arb: fc.record({ a: logit, b: logit }),
    check: ({ a, b }) => {
      const lhs = klBetweenLogits(a, b);
      const rhs = (a - b) ** 2 / divisor;
      return { holds: lhs <= rhs + klRoundingAllowance(a, b), values: { a, b, lhs, rhs } };
    },
    describe: () => ({}),
  };
}

export const klQuadraticClaim = propertyClaim({
  id: 'kl-quadratic',
  title: 'KL between Bernoulli logits is at most (a − b)²/8',
  statement: 'KL(Bern(σ(a)) ‖ Bern(σ(b))) ≤ (a − b)²/8 for all real a, b',
  source: 'Bregman/Taylor bound with σ(1−σ) ≤ 1/4 [INFERRED]; used by Mandal–Lin–Srikant 2024 (arXiv 2412.09579) [RECALLED]',
  confidence: 'universal claim: 400 random (a, b) on the grid 2^-10·ℤ ∩ [−40, 40] (200 quick); none failing ⇒ failure mass < 0.75% at 95%',
  mutant: false,
  kind: 'lemma',
  data: 'logit pairs (a, b) ∈ (2^-10·ℤ ∩ [−40, 40])²',
  spec: () => klBoundSpec(8),
  numRuns: { quick: 200, full: 400 },
});
