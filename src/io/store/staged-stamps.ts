/**
 * Recognising unchanged output files without reading them: a content hash plus the size and mtime
 * seen on disk.
 */

import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';

// perf: shared event chunks digested once; unchanged files are recognised by size+mtime+hash
//   without reading them (bench: schedule.mjs)
// Chunks are shared between files (an event's bytes sit in the pair's, each person's and all.ics):
// digest each once.
const chunkDigests = new WeakMap<Uint8Array, Buffer>();

// One-shot hashing (Node 20.12+) skips a Hash object per chunk; older Node 20 releases take the
// stream path.
const oneShot =
  typeof crypto.hash === 'function'
    ? (data: Uint8Array) => crypto.hash('sha1', data, 'buffer')
    : (data: Uint8Array) => createHash('sha1').update(data).digest();

/** A file's content: text (written as UTF-8), bytes, or byte chunks written in order. */
export type FileContent = string | Uint8Array | readonly Uint8Array[];
/**
 * A digest of the content: of the chunk digests for chunk lists, so shared chunks are hashed once
 * per run.
 */
export function contentHash(content: FileContent): string {
  if (typeof content === 'string' || content instanceof Uint8Array)
    return createHash('sha1').update(content).digest('hex');
  const chunks = content as Uint8Array[];
  const digests = Buffer.allocUnsafe(chunks.length * 20);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    let d = chunkDigests.get(c);
    if (!d) chunkDigests.set(c, (d = oneShot(c)));
    d.copy(digests, i * 20);
  }
  return oneShot(digests).toString('hex');
}

/**
 * What replaceFolder remembers per file to skip re-reading it next time: "<content hash> <size>
 * <mtime ms>".
 */
export type FileStamps = Record<string, string>;

/**
 * The stamps of `files` when every one is on disk under `root` exactly as the previous run's stamps
 * say, else undefined.
 */
export function unchanged(
  root: string,
  files: ReadonlyMap<string, FileContent>,
  stamps: FileStamps,
): FileStamps | undefined {
  const out: FileStamps = Object.create(null) as FileStamps;
  // Last first: all.ics and the meeting lists hold every meeting, so any change shows there after a
  // stat or two.
  for (const [rel, content] of [...files].reverse()) {
    const stamp = Object.hasOwn(stamps, rel) ? stamps[rel] : undefined;
    if (typeof stamp !== 'string') return undefined;
    try {
      const st = lstatSync(join(root, rel));
      if (!st.isFile() || stamp !== `${contentHash(content)} ${st.size} ${st.mtimeMs}`)
        return undefined;
    } catch {
      return undefined;
    }
    out[rel] = stamp;
  }
  return out;
}
