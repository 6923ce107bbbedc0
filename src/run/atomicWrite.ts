/**
 * Atomic file writes for everything under reports/: write-file-atomic writes a temp file beside the target,
 * fsyncs it and renames it over the target, so a reader (or a resumed run) sees either the old file or the
 * new one, never half of one. A failed write (folder not writable, disk full) leaves the old file intact
 * and is reported as an InputError naming the path (exit code 2 in the CLI).
 * Source: write-file-atomic 6.0.0 README (temp file + fsync + rename) [VERIFIED].
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { InputError } from '../errors.js';
import { canonicalJson } from './canonicalJson.js';

/** errno codes that mean "the user's output location is unusable", not a bug. */
const USER_FS_ERRORS = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ENOENT']);

function explain(path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && USER_FS_ERRORS.has(code)) {
    const why =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'disk full'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'not writable'
          : code === 'ENOENT'
            ? 'a folder on the path cannot be created'
            : 'a path component is not a folder';
    throw new InputError('--out', `cannot write ${path} (${why}, ${code}); earlier files are intact`);
  }
  throw e;
}

/**
 * mkdir -p, one level at a time: the missing folders are found by stat from the bottom up, then created top
 * down. Not mkdirSync(dir, { recursive: true }): on Node 20 (checked on 20.20.2) that call never returns when an
 * existing parent refuses children with ENOENT (any path under /proc, or below a dangling symlink) — it retries
 * the parent forever; the same loop is reported for Bun in oven-sh/bun#36162 [CHECKED here, VERIFIED there].
 * @throws the first failing stat/mkdir's error (ENOTDIR, ENOENT, EACCES, …), never loops.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ; ) {
    let isDir = false;
    try {
      isDir = statSync(d).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (isDir) break;
    missing.push(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // a symlink or a racing writer; the next level tells
    }
  }
}

/**
 * Write data to path atomically (creating parent folders), synchronously.
 * @throws InputError('--out', …) when the location is not writable or the disk is full.
 */
export function writeAtomic(path: string, data: string | Buffer): void {
  try {
    makeDirs(dirname(path));
    writeFileAtomic.sync(path, data);
  } catch (e) {
    explain(path, e);
  }
}

/** Write value as canonical JSON (sorted keys, see canonicalJson.ts) atomically. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeAtomic(path, canonicalJson(value));
}
