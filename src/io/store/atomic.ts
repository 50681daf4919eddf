/** Crash-safe file writes: temp file in the same folder, fsync, rename, fsync the folder. */

import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** Writes `data` to `path` so that readers see either the old or the new content, never a mix. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomicChunks(path, [data]);
}

/**
 * Like writeFileAtomic, but the content comes in pieces (strings are written as UTF-8), so a big
 * document never has to exist as one string or buffer. Pieces are produced lazily, one at a time.
 */
export async function writeFileAtomicChunks(
  path: string,
  chunks: Iterable<string | Uint8Array>,
): Promise<void> {
  await writeAtomicVia(path, async (tmp) => {
    const handle = await open(tmp, 'w', 0o644);
    try {
      for (const chunk of chunks) await handle.writeFile(chunk);
    } finally {
      await handle.close();
    }
  });
}

/**
 * The atomic-write protocol for writers that insist on a file name of their own (exceljs's
 * streaming workbook writer): `write` fills the temp path; it is then fsynced and renamed over
 * `path`, and removed if anything fails.
 */
export async function writeAtomicVia(
  path: string,
  write: (tmpPath: string) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    await write(tmp);
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw namingFile(err, path);
  }
  syncDir(dirname(path));
}

/**
 * The error with the file it was writing to: a full disk fails a write() on a handle, whose error
 * names no path ("file: disk is full"), and a rename names the temp file.
 */
function namingFile(err: unknown, path: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string') e.path = path;
  return err;
}

function syncDir(dir: string): void {
  // A directory fsync makes the rename itself durable; not supported on every platform (Windows).
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
