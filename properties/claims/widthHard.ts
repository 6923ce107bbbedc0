/**
 * Claim:      hard-label width law, tested by its exponents. Plain GD on the logistic loss reaches epoch-averaged
 *             loss ≤ ε once m ≥ C_hard·ln(1/ε)/γ⁴. Read as a growth law with the log factor as an offset: the fit
 *             ln m*_hard − ln ln(1/ε) = a + b·ln(1/γ) + c·ln(1/ε) must not give b > β = 4 or c > κ = 0.
 * Source:     Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract: O(ln(1/ε)/γ⁴) [RECALLED]; the Ji–Telgarsky 2020
 *             (arXiv 1909.12292) analysis is of this type [RECALLED]. Exponent reading, T budget and γ reading ours
 *             [INFERRED], as width-soft. Expect: verified.
 * Confidence: as width-soft (properties/claims/widthSoft.ts): 99% profile-likelihood intervals of b and c on every
 *             cell of the design kept as an interval; refuted iff an interval lies above its exponent.
 * Data:       the design of width-soft for hard labels: calibration design, γ sweep at ε = 0.05, ε sweep (ε from
 *             0.3 to 0.05): 53 cells quick, 71 default.
 */
import { HARD_LAW } from '../../src/bounds/laws.js';
import { widthLawClaim } from './widthSoft.js';

export const widthHardClaim = widthLawClaim(HARD_LAW, {
  id: 'width-hard',
  title: 'Hard-label width grows no faster than ln(1/ε)/γ⁴',
  statement: 'fit ln m*_hard − ln ln(1/ε) = a + b·ln(1/γ) + c·ln(1/ε) (interval-censored): b ≤ β = 4 and c ≤ κ = 0 (99% intervals not above)',
  source: 'Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, order ln(1/ε)/γ⁴ [RECALLED]; exponent reading, T, γ reading ours [INFERRED]',
  confidence: '99% profile-likelihood intervals of b and c (interval-censored normal model, every cell kept); refuted iff an interval lies above its exponent, verified iff both bounded and not above',
  mutant: false,
});
