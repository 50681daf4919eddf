/**
 * Writing a folder of generated files so readers never see a half-written file: stage everything,
 * then rename.
 */

import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writevSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { contentHash, unchanged, type FileContent, type FileStamps } from './staged-stamps.js';

export type { FileStamps } from './staged-stamps.js';
import { spawnSync } from 'node:child_process';

/** The content as bytes (chunks concatenated). */
export function contentBytes(content: FileContent): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array)
    return Buffer.from(content.buffer, content.byteOffset, content.length);
  return Buffer.concat(content);
}

/**
 * Writes `content` to a new file at `path` (chunk lists through writev, never joined in memory);
 * returns its stamp (size, mtime).
 */
function writeContent(path: string, content: FileContent): { size: number; mtimeMs: number } {
  const fd = openSync(path, 'w');
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(fd, content);
    else {
      const chunks = content as Uint8Array[];
      for (let i = 0; i < chunks.length; i += 512) {
        const batch = chunks.slice(i, i + 512);
        const size = batch.reduce((n, c) => n + c.length, 0);
        const done = writevSync(fd, batch);
        // A short write (rare for regular files) finishes with a plain write of what is left.
        if (done < size) writeFileSync(fd, Buffer.concat(batch).subarray(done));
      }
    }
    const st = fstatSync(fd);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

function insideOf(root: string): (rel: string) => string {
  return (rel: string) => {
    const abs = resolve(root, rel);
    if (relative(root, abs).startsWith('..') || abs === root)
      throw new Error(`refusing to write outside ${root}: ${rel}`);
    return abs;
  };
}

/**
 * Writes `files` (relative path -> content) under `outDir` file by file; removes `stale` files of
 * an earlier run that are not rewritten. `files` may be a generator: each file is written to the
 * staging folder as it comes, so the caller need not hold them all (an error it throws midway
 * leaves every target untouched).
 */
export function writeStaged(
  outDir: string,
  files: Iterable<readonly [string, FileContent]>,
  stale: string[] = [],
): void {
  const root = resolve(outDir);
  const inside = insideOf(root);
  mkdirSync(root, { recursive: true });
  const staging = join(root, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // Every file is complete on disk before the first one replaces anything: a crash or full disk
    // here changes nothing.
    // A path given twice is written once, with its last content.
    const written = new Set<string>();
    for (const [rel, content] of files) {
      inside(rel);
      const tmp = join(staging, rel);
      mkdirSync(dirname(tmp), { recursive: true });
      writeContent(tmp, content);
      written.add(rel);
    }
    const dirs = new Set<string>();
    for (const rel of written) {
      const target = inside(rel);
      const dir = dirname(target);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      renameSync(join(staging, rel), target);
    }
    for (const rel of stale) {
      if (written.has(rel) || rel.includes('..') || rel.startsWith(sep)) continue;
      try {
        unlinkSync(inside(rel));
      } catch {
        /* already gone */
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Makes everything written under `dir` durable: one syncfs (`sync -f`) on Linux, else an fsync per
 * file.
 */
function syncTree(dir: string, written: string[]): void {
  if (
    process.platform === 'linux' &&
    spawnSync('sync', ['-f', dir], { stdio: 'ignore' }).status === 0
  )
    return;
  for (const path of written) {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** Files (relative paths, '/'-separated) under `dir`. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) =>
      relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
        .split(sep)
        .join('/'),
    );
}

/**
 * Replaces the generated folder `outDir` as a whole: all files go to a sibling staging folder (an
 * unchanged file is hard-linked from the old folder instead of rewritten), one sync, then two
 * renames swap the folders. A crash at any point leaves the previous folder (or, between the two
 * renames, its backup, restored by the next run) intact.
 * `owned` lists files an earlier run wrote; when the folder holds anything else (the user's own
 * files), or the parent folder cannot take the sibling, it falls back to writeStaged, which
 * replaces file by file.
 * `stamps` (returned by the previous call) let an unchanged file be recognised by its size, mtime
 * and content hash instead of by reading it back; returns the stamps of the new folder (undefined
 * after the file-by-file fallback).
 */
export function replaceFolder(
  outDir: string,
  files: ReadonlyMap<string, FileContent>,
  owned: string[] = [],
  stamps?: FileStamps,
): FileStamps | undefined {
  const root = resolve(outDir);
  const inside = insideOf(root);
  for (const rel of files.keys()) inside(rel);
  const parent = dirname(root);
  const staging = join(parent, `.${basename(root)}.staging`);
  const backup = join(parent, `.${basename(root)}.previous`);
  // The program lock is held, so leftovers are from an interrupted run: put a swapped-out folder
  // back, drop a half-made one.
  if (!existsSync(root) && existsSync(backup)) renameSync(backup, root);
  rmSync(staging, { recursive: true, force: true });
  rmSync(backup, { recursive: true, force: true });
  const exists = existsSync(root);
  if (exists) {
    const known = new Set([...owned, ...files.keys()]);
    if (lstatSync(root).isSymbolicLink()) return void writeStaged(outDir, files, owned);
    const present = listFiles(root);
    if (present.some((f) => !known.has(f))) return void writeStaged(outDir, files, owned);
    // Nothing to write, link or remove: the folder already is the result, and stays untouched.
    const same =
      stamps && present.length === files.size ? unchanged(root, files, stamps) : undefined;
    if (same) return same;
  }
  try {
    mkdirSync(staging, { recursive: true });
  } catch {
    return void writeStaged(outDir, files, owned);
  }
  const written: string[] = [];
  const next: FileStamps = Object.create(null) as FileStamps;
  const before = Object.assign(Object.create(null) as FileStamps, stamps ?? {});
  try {
    const dirs = new Set<string>();
    for (const [rel, content] of files) {
      const target = join(staging, rel);
      const dir = dirname(target);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      const hash = contentHash(content);
      const kept = exists
        ? linkIfSame(join(root, rel), target, content, hash, before[rel])
        : undefined;
      if (kept) {
        next[rel] = kept;
        continue;
      }
      const st = writeContent(target, content);
      next[rel] = `${hash} ${st.size} ${st.mtimeMs}`;
      written.push(target);
    }
    syncTree(staging, written);
    if (exists) renameSync(root, backup);
    try {
      renameSync(staging, root);
    } catch (err) {
      if (exists) renameSync(backup, root);
      throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(backup, { recursive: true, force: true });
  return next;
}

/**
 * Hard-links `old` to `target` when it already holds exactly `content`; returns the file's stamp
 * then. With a stamp of the previous run, size and mtime unchanged (nobody edited it) and the same
 * content hash suffice; otherwise the bytes are compared.
 */
function linkIfSame(
  old: string,
  target: string,
  content: FileContent,
  hash: string,
  stamp: string | undefined,
): string | undefined {
  try {
    const chunks =
      typeof content === 'string' ? undefined : content instanceof Uint8Array ? [content] : content;
    const size = chunks
      ? chunks.reduce((n, c) => n + c.length, 0)
      : Buffer.byteLength(content as string, 'utf8');
    const st = statSync(old);
    if (st.size !== size) return undefined;
    const now = `${hash} ${st.size} ${st.mtimeMs}`;
    if (stamp === undefined || stamp.split(' ')[0] !== hash) {
      if (stamp !== undefined) return undefined;
      const bytes = readFileSync(old);
      let at = 0;
      for (const c of chunks ?? [Buffer.from(content as string, 'utf8')]) {
        if (Buffer.compare(bytes.subarray(at, at + c.length), c) !== 0) return undefined;
        at += c.length;
      }
    } else if (stamp !== now) return undefined;
    linkSync(old, target);
    return now;
  } catch {
    return undefined;
  }
}
