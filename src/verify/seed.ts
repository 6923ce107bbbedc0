/**
 * The run seed of the catalog. CI is deterministic: the vitest wrappers and `ntk-verify verify` use FC_SEED from
 * the environment when set (an integer), else DEFAULT_SEED; `verify --seed random` explores (CLI's choice).
 * Each claim derives its own fast-check seed from the run seed (runProperty.claimSeed).
 */
import { InputError } from '../errors.js';

/** The fixed seed of CI runs when FC_SEED is unset. */
export const DEFAULT_SEED = 20241212;

/**
 * FC_SEED as an integer, or DEFAULT_SEED when unset/empty.
 * @throws InputError('FC_SEED') when set to something that is not a 32-bit integer.
 */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FC_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const v = Number(raw);
  if (!Number.isInteger(v) || Math.abs(v) > 2 ** 31) throw new InputError('FC_SEED', `expected a 32-bit integer, got ${JSON.stringify(raw)}`);
  return v;
}
