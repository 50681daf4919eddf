/** Writing a folder of generated files so readers never see a half-written file: stage everything, then rename. */

import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';

/** A file's content: text (written as UTF-8), bytes, or byte chunks written in order. */
export type FileContent = string | Uint8Array | readonly Uint8Array[];

/** The content as bytes (chunks concatenated). */
export function contentBytes(content: FileContent): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return Buffer.from(content.buffer, content.byteOffset, content.length);
  return Buffer.concat(content as Uint8Array[]);
}

/** Writes `content` to a new file at `path`; chunk lists go through writev, so they are never joined in memory. */
function writeContent(path: string, content: FileContent): void {
  if (typeof content === 'string' || content instanceof Uint8Array) return writeFileSync(path, content);
  const fd = openSync(path, 'w');
  try {
    const chunks = content as Uint8Array[];
    for (let i = 0; i < chunks.length; i += 512) {
      const batch = chunks.slice(i, i + 512);
      const size = batch.reduce((n, c) => n + c.length, 0);
      const done = writevSync(fd, batch);
      // A short write (rare for regular files) finishes with a plain write of what is left.
      if (done < size) writeFileSync(fd, Buffer.concat(batch).subarray(done));
    }
  } finally {
    closeSync(fd);
  }
}

function insideOf(root: string): (rel: string) => string {
  return (rel: string) => {
    const abs = resolve(root, rel);
    if (relative(root, abs).startsWith('..') || abs === root) throw new Error(`refusing to write outside ${root}: ${rel}`);
    return abs;
  };
}

/** Writes `files` (relative path -> content) under `outDir` file by file; removes `stale` files of an earlier run that are not rewritten. */
export function writeStaged(outDir: string, files: ReadonlyMap<string, FileContent>, stale: string[] = []): void {
  const root = resolve(outDir);
  const inside = insideOf(root);
  mkdirSync(root, { recursive: true });
  const staging = join(root, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // Every file is complete on disk before the first one replaces anything: a crash or full disk here changes nothing.
    for (const [rel, content] of files) {
      inside(rel);
      const tmp = join(staging, rel);
      mkdirSync(dirname(tmp), { recursive: true });
      writeContent(tmp, content);
    }
    const dirs = new Set<string>();
    for (const rel of files.keys()) {
      const target = inside(rel);
      const dir = dirname(target);
      if (!dirs.has(dir)) { mkdirSync(dir, { recursive: true }); dirs.add(dir); }
      renameSync(join(staging, rel), target);
    }
    for (const rel of stale) {
      if (files.has(rel) || rel.includes('..') || rel.startsWith(sep)) continue;
      try { unlinkSync(inside(rel)); } catch { /* already gone */ }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Makes everything written under `dir` durable: one syncfs (`sync -f`) on Linux, else an fsync per file. */
function syncTree(dir: string, written: string[]): void {
  if (process.platform === 'linux' && spawnSync('sync', ['-f', dir], { stdio: 'ignore' }).status === 0) return;
  for (const path of written) {
    const fd = openSync(path, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  }
}

/** Files (relative paths, '/'-separated) under `dir`. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(dir, join(d.parentPath ?? (d as unknown as { path: string }).path, d.name)).split(sep).join('/'));
}

/**
 * Replaces the generated folder `outDir` as a whole: all files go to a sibling staging folder (an unchanged file is
 * hard-linked from the old folder instead of rewritten), one sync, then two renames swap the folders. A crash at any
 * point leaves the previous folder (or, between the two renames, its backup, restored by the next run) intact.
 * `owned` lists files an earlier run wrote; when the folder holds anything else (the user's own files), or the
 * parent folder cannot take the sibling, it falls back to writeStaged, which replaces file by file.
 */
export function replaceFolder(outDir: string, files: ReadonlyMap<string, FileContent>, owned: string[] = []): void {
  const root = resolve(outDir);
  const inside = insideOf(root);
  for (const rel of files.keys()) inside(rel);
  const parent = dirname(root);
  const staging = join(parent, `.${basename(root)}.staging`);
  const backup = join(parent, `.${basename(root)}.previous`);
  // The program lock is held, so leftovers are from an interrupted run: put a swapped-out folder back, drop a half-made one.
  if (!existsSync(root) && existsSync(backup)) renameSync(backup, root);
  rmSync(staging, { recursive: true, force: true });
  rmSync(backup, { recursive: true, force: true });
  const exists = existsSync(root);
  if (exists) {
    const known = new Set([...owned, ...files.keys()]);
    if (lstatSync(root).isSymbolicLink() || listFiles(root).some((f) => !known.has(f))) return writeStaged(outDir, files, owned);
  }
  try {
    mkdirSync(staging, { recursive: true });
  } catch {
    return writeStaged(outDir, files, owned);
  }
  const written: string[] = [];
  try {
    const dirs = new Set<string>();
    for (const [rel, content] of files) {
      const target = join(staging, rel);
      const dir = dirname(target);
      if (!dirs.has(dir)) { mkdirSync(dir, { recursive: true }); dirs.add(dir); }
      if (exists && linkIfSame(join(root, rel), target, content)) continue;
      writeContent(target, content);
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
}

/** Hard-links `old` to `target` when it already holds exactly `content` (no data to write, sync or free). */
function linkIfSame(old: string, target: string, content: FileContent): boolean {
  try {
    const chunks = typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content;
    const size = chunks.reduce((n, c) => n + c.length, 0);
    if (statSync(old).size !== size) return false;
    const bytes = readFileSync(old);
    let at = 0;
    for (const c of chunks) {
      if (Buffer.compare(bytes.subarray(at, at + c.length), c) !== 0) return false;
      at += c.length;
    }
    linkSync(old, target);
    return true;
  } catch {
    return false;
  }
}
