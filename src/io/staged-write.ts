/** Writing a folder of generated files so readers never see a half-written file: stage everything, then rename. */

import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes `files` (relative path -> content) under `outDir`; removes `stale` files of an earlier run that are not rewritten. */
export function writeStaged(outDir: string, files: Map<string, string | Uint8Array>, stale: string[] = []): void {
  const root = resolve(outDir);
  const inside = (rel: string) => {
    const abs = resolve(root, rel);
    if (relative(root, abs).startsWith('..') || abs === root) throw new Error(`refusing to write outside ${root}: ${rel}`);
    return abs;
  };
  mkdirSync(root, { recursive: true });
  const staging = join(root, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // Every file is complete on disk before the first one replaces anything: a crash or full disk here changes nothing.
    for (const [rel, content] of files) {
      inside(rel);
      const tmp = join(staging, rel);
      mkdirSync(dirname(tmp), { recursive: true });
      writeFileSync(tmp, content);
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
