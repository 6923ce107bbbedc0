/**
 * Mutant:     KL(Bern(σ(a)) ‖ Bern(σ(b))) ≤ (a − b)²/16 — FALSE: at a = 0 the KL is (a − b)²/8 − O((a − b)⁴), so any
 *             small gap around a = 0 violates it by a factor ≈ 2.
 * Source:     deliberately broken constant of the claim kl-quadratic (our falsification check: a mutant must be refuted).
 * Expect:     refuted with a shrunk (a, b); same property, generator and budget as the true claim.
 */
import { propertyClaim } from '../../src/verify/propertyClaim.js';
import { klBoundSpec } from '../claims/klQuadratic.js';

export const klSixteenthMutant = propertyClaim({
  id: 'mutant-kl-16',
  title: 'Mutant: KL ≤ (a − b)²/16',
  statement: 'KL(Bern(σ(a)) ‖ Bern(σ(b))) ≤ (a − b)²/16 for all real a, b (false)',
  source: 'mutation of kl-quadratic: divisor 8 → 16',
  confidence: 'same generator and budget as kl-quadratic; must be refuted',
  mutant: true,
  data: 'logit pairs (a, b) ∈ (2^-10·ℤ ∩ [−40, 40])²',
  spec: () => klBoundSpec(16),
  numRuns: { quick: 200, full: 400 },
});
