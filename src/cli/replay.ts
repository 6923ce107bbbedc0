/**
 * `ntk-verify replay --claim <id> --seed S --path P`: re-run one recorded case of a fast-check claim
 * bit-identically (fc.check with { seed, path, endOnFailure: true }, see src/verify/runProperty.ts) and return the case —
 * the (shrunk) dataset, its n and d, and the values of the check — ready to print as JSON.
 */
import { InputError } from '../errors.js';
import { rngInfo } from '../rng.js';
import { findClaim } from '../../properties/catalog.js';
import type { ReplayResult } from '../verify/types.js';

/**
 * @param id    claim id from the catalog (see `ntk-verify list` / results.json).
 * @param seed  fast-check seed printed with the counterexample (32-bit integer).
 * @param path  fast-check path printed with the counterexample, e.g. "4:0:1".
 * @throws InputError('--claim') for an unknown id or a claim that is not a fast-check property;
 *         InputError('--seed' | '--path') for a malformed seed or path.
 */
export function replayClaim(id: string, seed: number, path: string): ReplayResult {
  const claim = findClaim(id);
  if (!claim.replay) throw new InputError('--claim', `replayClaim: claim '${id}' is an aggregate fit, not a fast-check property; rerun it with verify`);
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) throw new InputError('--seed', `replayClaim: expected a 32-bit integer, got ${seed}`);
  if (!/^\d+(:\d+)*$/.test(path)) throw new InputError('--path', `replayClaim: expected a fast-check path like "4:0:1", got ${JSON.stringify(path)}`);
  return claim.replay(seed, path);
}

/**
 * JSON text of a replay, with the dataset first-class (x rows, y, p) for `ntk-verify replay`, and the random
 * generator this process draws from (`rng`, src/rng.ts rngInfo) to compare with the recorded run's
 * results.json `rng`: the same seed and path give the same case only with the same generator.
 */
export function replayJson(result: ReplayResult): string {
  return JSON.stringify({ ...result, rng: rngInfo() }, null, 2);
}
