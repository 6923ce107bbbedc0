/**
 * Seeded randomness. Every random draw in the suite goes through an {@link Rng} made here, so one integer
 * seed gives bit-identical datasets, initialisations and results (no Math.random, no clock seeds).
 *
 * The generator is seedrandom's Alea (fast, 32-bit state words, period ≈ 2^116); Gaussians come from the
 * Marsaglia polar method (Marsaglia & Bray 1964) [VERIFIED textbook], which caches the second deviate.
 */
import { createRequire } from 'node:module';
import seedrandom from 'seedrandom';

/** Which generator made every draw, as results.json records it (so a replay elsewhere can check it). */
export interface RngInfo {
  /** The algorithm: "alea" (Baagøe's Alea, as seedrandom.alea implements it). */
  generator: 'alea';
  /** The npm package that implements it. */
  library: 'seedrandom';
  /** That package's installed version (package.json pins it exactly), e.g. "3.0.5". */
  version: string;
}

let rngInfoCache: RngInfo | undefined;

/**
 * The generator behind {@link makeRng}: Alea from seedrandom, with seedrandom's installed version read from its
 * package.json (the code that actually runs, not what package.json asks for).
 */
export function rngInfo(): RngInfo {
  if (!rngInfoCache) {
    const { version } = createRequire(import.meta.url)('seedrandom/package.json') as { version: string };
    rngInfoCache = { generator: 'alea', library: 'seedrandom', version };
  }
  return { ...rngInfoCache };
}

export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, k). */
  int(k: number): number;
  /** ±1 with probability 1/2 each. */
  sign(): number;
  /** The seed this generator was made from (for reports and replay). */
  readonly seed: string;
}

/**
 * Make a seeded generator. Derived streams (e.g. one per width or per trial) use {@link deriveSeed} so that
 * adding a stream never shifts another.
 * @param seed  integer or string seed.
 */
export function makeRng(seed: number | string): Rng {
  const key = String(seed);
  const alea = seedrandom.alea(key);
  let spare = 0;
  let hasSpare = false;
  return {
    seed: key,
    uniform: () => alea(),
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * alea() - 1;
        v = 2 * alea() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * factor;
      hasSpare = true;
      return u * factor;
    },
    int: (k: number) => Math.floor(alea() * k),
    sign: () => (alea() < 0.5 ? -1 : 1),
  };
}

/** A child seed for a named sub-stream: deterministic, independent of draw order elsewhere. */
export function deriveSeed(seed: number | string, ...path: (string | number)[]): string {
  return [String(seed), ...path.map(String)].join('/');
}

/** Fill a new Float64Array of length len with N(0, 1) draws. */
export function normalArray(rng: Rng, len: number): Float64Array {
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) out[i] = rng.normal();
  return out;
}
