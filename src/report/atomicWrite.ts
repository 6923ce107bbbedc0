/**
 * Atomic file writes for everything under reports/: write-file-atomic writes a temp file beside the target,
 * fsyncs it and renames it over the target, so a reader (or a resumed run) sees either the old file or the
 * new one, never half of one. A failed write (folder not writable, disk full) leaves the old file intact
 * and is reported as an InputError naming the path (exit code 2 in the CLI).
 * Source: write-file-atomic 6.0.0 README (temp file + fsync + rename) [VERIFIED].
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from '../errors.js';
import { canonicalJson } from './canonicalJson.js';

/** errno codes that mean "the user's output location is unusable", not a bug. */
const USER_FS_ERRORS = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR']);

function explain(path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && USER_FS_ERRORS.has(code)) {
    const why =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'disk full'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'not writable'
          : 'a path component is not a folder';
    throw new InputError('--out', `cannot write ${path} (${why}, ${code}); earlier files are intact`);
  }
  throw e;
}

/**
 * Write data to path atomically (creating parent folders), synchronously.
 * @throws InputError('--out', …) when the location is not writable or the disk is full.
 */
export function writeAtomic(path: string, data: string | Buffer): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic.sync(path, data);
  } catch (e) {
    explain(path, e);
  }
}

/** Write value as canonical JSON (sorted keys, see canonicalJson.ts) atomically. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeAtomic(path, canonicalJson(value));
}
