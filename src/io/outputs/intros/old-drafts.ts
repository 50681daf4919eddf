/**
 * Keeping intro/ in step with the approved pairs: drafts a run no longer writes (the pair ended,
 * was rejected or re-matched) move to intro/old/, so intro/ holds only current drafts.
 */

import {
  existsSync,
  openSync,
  readSync,
  closeSync,
  mkdirSync,
  readdirSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';

/** True when the file is a draft mentor-cli wrote (X-Unsent and our Message-ID). */
function isOurDraft(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    return /^X-Unsent: 1\r?$/m.test(head) && /^Message-ID: <[^>]*@mentor-cli>\r?$/im.test(head);
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves the drafts in `outDir`/intro/ that are not in `current` (paths such as
 * `intro/Tom-Lee-Ana-Ruiz-to-Ana-Ruiz.eml`) to intro/old/; returns their names, sorted. A file of
 * the same name already in old/ is kept: the newer one gets a number.
 */
export function retireDrafts(
  outDir: string,
  current: ReadonlySet<string>,
  dryRun: boolean,
): string[] {
  const dir = join(outDir, 'intro');
  if (!existsSync(dir)) return [];
  const stale = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.eml') && !current.has(`intro/${e.name}`))
    .map((e) => e.name)
    .filter((name) => isOurDraft(join(dir, name)))
    .sort();
  if (dryRun || !stale.length) return stale;
  const old = join(dir, 'old');
  mkdirSync(old, { recursive: true });
  for (const name of stale) {
    let target = join(old, name);
    for (let n = 2; existsSync(target); n++)
      target = join(old, name.replace(/\.eml$/, `-${n}.eml`));
    renameSync(join(dir, name), target);
  }
  return stale;
}
