/**
 * Hard-label width bound m_hard(γ, ε) = C_hard · ln(1/ε) / γ⁴: the width at which plain GD on the logistic
 * loss reaches epoch-averaged loss ≤ ε, per the theory.
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, order O(ln(1/ε)/γ⁴) [VERIFIED per the
 * brief]; constant C_hard ours [INFERRED] (src/bounds/constants.ts).
 */
import { C_HARD } from './constants.js';
import { checkGamma, checkPositive } from './checkArgs.js';

/**
 * @param gamma  NTK margin γ > 0.
 * @param eps    target epoch-averaged loss, 0 < ε < 1 (ln(1/ε) must be positive).
 * @param C      constant in front. @defaultValue C_HARD
 * @returns      the real-valued bound C·ln(1/ε)/γ⁴ (not rounded).
 * @throws       PreconditionError if γ ≤ 0 or not finite; InputError('eps') unless 0 < ε < 1;
 *               InputError('C') for a non-positive constant.
 * @example      widthHard(0.5, Math.exp(-1)) === 16 (up to rounding)
 */
export function widthHard(gamma: number, eps: number, C: number = C_HARD): number {
  checkGamma('widthHard', gamma);
  checkPositive('widthHard', 'eps', eps, true);
  checkPositive('widthHard', 'C', C);
  return (C * Math.log(1 / eps)) / gamma ** 4;
}
