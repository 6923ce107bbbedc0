import fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/errors.js';
import { writeAtomic, writeJsonAtomic } from '../../src/run/atomicWrite.js';

describe('writeAtomic', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes and replaces a file, creating folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const f = join(dir, 'a', 'b', 'x.json');
    writeJsonAtomic(f, { b: 1, a: 2 });
    expect(readFileSync(f, 'utf8')).toBe('{\n  "a": 2,\n  "b": 1\n}\n');
    writeAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
  });

  it('disk full mid-write: throws InputError naming --out, the old file is intact, no temp file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const f = join(dir, 'results.json');
    writeFileSync(f, 'OLD CONTENT');
    const real = fs.writeSync;
    // Simulate ENOSPC after a partial write (write-file-atomic calls fs.writeSync on the temp file).
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: string) => {
      real(fd, data.slice(0, 3));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as unknown as typeof fs.writeSync);
    let err: unknown;
    try {
      writeAtomic(f, 'NEW CONTENT THAT DOES NOT FIT');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe('--out');
    expect((err as Error).message).toMatch(/disk full.*earlier files are intact/);
    expect(readFileSync(f, 'utf8')).toBe('OLD CONTENT');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('output path under a file (not a folder): InputError, nothing else touched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeFileSync(join(dir, 'reports'), 'i am a file');
    expect(() => writeAtomic(join(dir, 'reports', 'run', 'results.json'), 'x')).toThrow(InputError);
    expect(readFileSync(join(dir, 'reports'), 'utf8')).toBe('i am a file');
  });

  it('passes through errors that are not about the output location', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    vi.spyOn(fs, 'writeSync').mockImplementation((() => {
      throw new TypeError('boom');
    }) as unknown as typeof fs.writeSync);
    expect(() => writeAtomic(join(dir, 'x'), 'y')).toThrow(TypeError);
  });
});
