/**
 * Soft labels from teacher logits: p_i = σ(g_i / τ), σ the logistic sigmoid (computed stably, never NaN).
 * Source: temperature-scaled distillation targets, Hinton et al. 2015 (arXiv 1503.02531) [RECALLED].
 */
import { InputError } from '../errors.js';
import { sigmoid } from '../model/losses.js';

/**
 * @param logits  n teacher logits g_i (finite).
 * @param tau     temperature τ > 0 (τ → 0 gives hard labels, τ → ∞ gives p → 1/2).
 * @returns       n probabilities in [0, 1].
 * @throws        InputError('tau') unless τ is a positive finite number; InputError('logits[i]') for NaN/±∞.
 */
export function softLabels(logits: Float64Array, tau: number): Float64Array {
  if (!(tau > 0) || !Number.isFinite(tau)) throw new InputError('tau', `softLabels: expected a positive finite temperature, got ${tau}`);
  const p = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) {
    if (!Number.isFinite(logits[i])) throw new InputError(`logits[${i}]`, `softLabels: expected a finite logit, got ${logits[i]}`);
    p[i] = sigmoid(logits[i] / tau);
  }
  return p;
}
