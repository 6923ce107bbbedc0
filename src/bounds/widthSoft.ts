/**
 * Soft-label width bound m_soft(γ, ε) = C_soft / (γ² ε): the width at which projected GD on the KL loss
 * against a kernel-limit teacher reaches epoch-averaged loss ≤ ε, per the theory.
 * Source: Mandal–Lin–Srikant 2024 (arXiv 2412.09579) abstract, order O(1/(γ²ε)) [VERIFIED per the brief];
 * constant C_soft ours [INFERRED] (src/bounds/constants.ts).
 */
import { C_SOFT } from './constants.js';
import { checkGamma, checkPositive } from './checkArgs.js';

/**
 * @param gamma  NTK margin γ > 0 (which reading — rkhs or sup — is the caller's choice and must be reported).
 * @param eps    target epoch-averaged loss ε > 0 (nats).
 * @param C      constant in front. @defaultValue C_SOFT
 * @returns      the real-valued bound C/(γ²ε) (a width m satisfies it iff m ≥ this; not rounded).
 * @throws       PreconditionError if γ ≤ 0 or not finite; InputError('eps' | 'C') for non-positive values.
 * @example      widthSoft(0.1, 0.1) === 1000 (up to rounding)
 */
export function widthSoft(gamma: number, eps: number, C: number = C_SOFT): number {
  checkGamma('widthSoft', gamma);
  checkPositive('widthSoft', 'eps', eps);
  checkPositive('widthSoft', 'C', C);
  return C / (gamma * gamma * eps);
}
