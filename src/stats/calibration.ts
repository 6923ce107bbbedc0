/**
 * Calibration of a binary probabilistic classifier: the expected calibration error (ECE) of its top-label
 * confidence. For predictions p_i = P(y_i = +1) and labels y_i ∈ {±1}, the predicted label is +1 when p_i > ½
 * (−1 when p_i < ½; p_i = ½ counts as wrong, as the suite's accuracy does for f = 0), its confidence
 * c_i = max(p_i, 1 − p_i) ∈ [½, 1]. With B equal-width bins of [0, 1] over c (bin b = [b/B, (b+1)/B), the last
 * bin closed):
 *   ECE = Σ_b (|I_b| / n) · |acc(I_b) − conf(I_b)|,
 * acc the fraction correct and conf the mean confidence in bin b. Source: Guo, Pleiss, Sun & Weinberger 2017
 * ("On calibration of modern neural networks", ICML, §2, eq. 3, B = 15) [RECALLED]; the binary top-label
 * reading is ours [INFERRED].
 */
import { InputError } from '../errors.js';

/** Default number of bins, as in Guo et al. 2017. */
export const ECE_BINS = 15;

/**
 * Expected calibration error in [0, 1].
 * @param p  n probabilities P(y = +1) in [0, 1].  @param y  n labels in {±1}.  @param bins  B ≥ 1.
 * @throws InputError('p[i]') for p outside [0, 1] or NaN, InputError('y') on a length mismatch or an empty
 *         sample, InputError('bins') unless B is a positive integer.
 */
export function expectedCalibrationError(p: ArrayLike<number>, y: ArrayLike<number>, bins = ECE_BINS): number {
  const n = p.length;
  if (y.length !== n || n === 0) throw new InputError('y', `expectedCalibrationError: expected ${n} > 0 labels, got ${y.length}`);
  if (!Number.isInteger(bins) || bins < 1) throw new InputError('bins', `expectedCalibrationError: expected a positive integer, got ${bins}`);
  const count = new Float64Array(bins);
  const correct = new Float64Array(bins);
  const conf = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    if (!(pi >= 0 && pi <= 1)) throw new InputError(`p[${i}]`, `expectedCalibrationError: expected a probability, got ${pi}`);
    const c = Math.max(pi, 1 - pi);
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b]++;
    conf[b] += c;
    if ((pi > 0.5 && y[i] > 0) || (pi < 0.5 && y[i] < 0)) correct[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b] > 0) ece += Math.abs(correct[b] - conf[b]) / n;
  return ece;
}
