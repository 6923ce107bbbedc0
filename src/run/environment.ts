/**
 * The Environment section: versions, machine and code revision of a run (environment.json). Never part of
 * results.json, which must not depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Environment {
  node: string;
  platform: string;
  cpus: string;
  memoryGiB: number;
  hostname: string;
  /** git commit of the code, with "-dirty" when the work tree has uncommitted changes to tracked files. */
  commit: string | null;
  /** name → version of the packages that shape results. */
  packages: Record<string, string>;
}

/** Packages whose versions the Environment section lists. */
export const REPORTED_PACKAGES = [
  'ntk-verify',
  'fast-check',
  'ml-matrix',
  'seedrandom',
  'mnist',
  'vega',
  'vega-lite',
  'zod',
  'commander',
  'cli-progress',
  'write-file-atomic',
  'tsx',
  'typescript',
  'vitest',
] as const;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function packageVersion(name: string): string {
  try {
    if (name === 'ntk-verify') return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const file = join(repoRoot, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    try {
      const req = createRequire(join(repoRoot, 'package.json'));
      return (req(`${name}/package.json`) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  }
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}

/** Versions, machine and commit of this process. */
export function collectEnvironment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    hostname: os.hostname(),
    commit: gitCommit(),
    packages: Object.fromEntries(REPORTED_PACKAGES.map((p) => [p, packageVersion(p)])),
  };
}
