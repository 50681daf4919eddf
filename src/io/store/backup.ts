/**
 * Previous versions of the state files, kept in `.mentor/backup/` so that a damaged or wrongly
 * edited state can be put back with `mentor-cli restore`. Before a state file is replaced, its
 * current version is hard-linked there (no copy: the atomic write renames a new file over the
 * name, so the old one lives on under the backup name); the newest KEEP_GENERATIONS per file are
 * kept.
 */

import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';

/** Folder of the backups, inside the state folder. */
const BACKUP_DIR = 'backup';
/** Previous versions kept per state file. */
const KEEP_GENERATIONS = 3;

/** One kept version of a state file. */
export interface Backup {
  /** State name, e.g. "participants". */
  name: string;
  /** Its id: when it was replaced, e.g. 20270115T093000123Z. */
  id: string;
  path: string;
  bytes: number;
}

const NAME = /^([a-z]+)\.(\d{8}T\d{9}Z(?:-\d+)?)\.json$/;

/** Keeps the current `<name>.json` (if any) as a backup, then drops the oldest beyond the limit. */
export function keepPrevious(stateDir: string, name: string, now = new Date()): void {
  const current = join(stateDir, `${name}.json`);
  if (!existsSync(current)) return;
  const dir = join(stateDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  let id = stamp;
  for (let n = 1; existsSync(join(dir, `${name}.${id}.json`)); n++) id = `${stamp}-${n}`;
  const dest = join(dir, `${name}.${id}.json`);
  try {
    linkSync(current, dest);
  } catch {
    // File systems without hard links: a copy does the same job.
    copyFileSync(current, dest);
  }
  for (const old of listBackups(stateDir, name).slice(KEEP_GENERATIONS)) {
    try {
      unlinkSync(old.path);
    } catch {
      /* removed meanwhile */
    }
  }
}

/** The backups of `name` (or of every state file), newest first. */
export function listBackups(stateDir: string, name?: string): Backup[] {
  const dir = join(stateDir, BACKUP_DIR);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Backup[] = [];
  for (const f of files) {
    const m = NAME.exec(f);
    if (!m || (name && m[1] !== name)) continue;
    const path = join(dir, f);
    out.push({ name: m[1], id: m[2], path, bytes: statSync(path).size });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || compareIds(b.id, a.id));
}

/** Orders ids by time, then by the collision counter ("-2" after "-1" after none). */
function compareIds(a: string, b: string): number {
  const [ta, na = '0'] = a.split('-');
  const [tb, nb = '0'] = b.split('-');
  return ta.localeCompare(tb) || Number(na) - Number(nb);
}
