/**
 * An output folder that cannot be written, or a full disk, gives one clear line (exit 2) and
 * leaves earlier reports intact. Already covered elsewhere: ENOSPC simulated inside write-file-atomic, old file
 * intact, no temp file (test/run/atomicWrite.test.ts); `verify --out` under a regular file
 * (test/cli/usage.test.ts); `writeDatasetFile` into a missing folder (test/data/datasetFile.test.ts).
 * Added here:
 * - paths that cannot hold a folder although their parent exists (under /proc, below a dangling symlink): Node's
 *   recursive mkdir never returns there, so this also guards src/run/atomicWrite.ts's own mkdir -p;
 * - `dataset --out` through the CLI (under a regular file, in /proc, onto a folder);
 * - a real full disk: a 1 MiB-scale tmpfs mounted for the test (root only; skipped where mount is refused).
 *   A finished run is kept byte for byte when the next run fills the disk, and after more space `--resume`
 *   gives the uninterrupted run's results.json (oracle: the first run, same seed).
 * Tests run as root, so chmod-based "not writable" folders cannot be used (root ignores permissions).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statfsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectUsage, runCli, tempDir } from './cliCase.js';

const dir = tempDir('files');
const catalog = resolve(import.meta.dirname, '../report/fixtures/fakeCatalog.ts');
const fake = ['verify', '--catalog', catalog, '--no-real-data', '--seed', '7', '--quiet'];

/** Every file under root → sha256 of its bytes (to show a run folder is untouched). */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(root);
  return out;
}

describe('output locations that cannot be written: exit 2, one line naming --out, no hang', () => {
  const regular = join(dir, 'a-file');
  writeFileSync(regular, 'keep me');
  const dangling = join(dir, 'dangling');
  symlinkSync(join(dir, 'does-not-exist'), dangling);

  it.each([
    ['under a regular file', join(regular, 'reports'), /a path component is not a folder, ENOTDIR/],
    ['under /proc (parent exists, refuses children with ENOENT)', '/proc/ntk-verify-test/reports', /a folder on the path cannot be created, ENOENT/],
    ['below a dangling symlink', join(dangling, 'reports'), /a folder on the path cannot be created, ENOENT/],
  ])('verify --out %s', async (_name, out, why) => {
    const t0 = performance.now();
    const line = expectUsage(await runCli([...fake, '--out', out]), /^ntk-verify: --out: cannot write /);
    expect(line).toMatch(why);
    expect(line).toMatch(/earlier files are intact$/);
    expect(performance.now() - t0).toBeLessThan(10_000); // refused at the first write, not after a hang
    expect(readFileSync(regular, 'utf8')).toBe('keep me');
  });

  it.each([
    ['under a regular file', join(regular, 'd.json'), /^ntk-verify: out: cannot write: ENOTDIR/],
    ['in /proc', '/proc/ntk-verify-test.json', /^ntk-verify: out: cannot write: ENOENT/],
    ['onto a folder', dir, /^ntk-verify: out: cannot write: EISDIR/],
  ])('dataset --out %s', async (_name, out, field) => {
    expectUsage(await runCli(['dataset', '--source', 'xor', '--n', '4', '--dim', '2', '--out', out]), field);
  });
});

/** Mount a tmpfs of `size` at mnt (or resize it); false when this process may not mount (not root, no CAP_SYS_ADMIN). */
function mountTmpfs(mnt: string, size: string, remount = false): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', mnt], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mnt = join(dir, 'tiny');
mkdirSync(mnt);
const canMount = process.platform === 'linux' && process.getuid?.() === 0 && mountTmpfs(mnt, '16m');
afterAll(() => {
  if (canMount) execFileSync('umount', ['-l', mnt], { stdio: 'ignore' });
});

describe.skipIf(!canMount)('a real full disk (tmpfs)', () => {
  it('the next run fails with one line (disk full), the finished run stays byte-identical, --resume completes it', async () => {
    // Arrange: a finished run "a"
    expect((await runCli([...fake, '--out', mnt, '--run-id', 'a'])).code).toBe(0);
    const before = snapshot(join(mnt, 'a'));
    // shrink the disk to what is used plus 64 KiB: run "b" (≈ 400 KB of reports) cannot fit
    const st = statfsSync(mnt);
    const usedKiB = Math.ceil(((st.blocks - st.bfree) * st.bsize) / 1024);
    expect(mountTmpfs(mnt, `${usedKiB + 64}k`, true)).toBe(true);

    // Act
    const r = await runCli([...fake, '--out', mnt, '--run-id', 'b']);

    // Assert: one line, disk full named; "a" untouched; no temp file left in "b"
    expectUsage(r, /^ntk-verify: --out: cannot write .*\/b\/.* \(disk full, ENOSPC\); earlier files are intact$/);
    expect(snapshot(join(mnt, 'a'))).toEqual(before);
    expect(Object.keys(snapshot(join(mnt, 'b'))).filter((f) => !/\.(json|svg|md|html)$/.test(f))).toEqual([]);
    expect(existsSync(join(mnt, 'b', 'results.json'))).toBe(false);

    // more space: the interrupted run resumes to the uninterrupted run's bytes
    expect(mountTmpfs(mnt, '16m', true)).toBe(true);
    const resumed = await runCli(['verify', '--resume', 'b', '--out', mnt, '--quiet']);
    expect(resumed.code).toBe(0);
    expect(readFileSync(join(mnt, 'b', 'results.json'), 'utf8')).toBe(readFileSync(join(mnt, 'a', 'results.json'), 'utf8'));
  });
});
