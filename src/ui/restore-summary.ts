/** What `mentor-cli restore` shows: the kept versions, and what it puts back. */

import type { Backup } from '../io/store/backup.js';
import type { RestoreStep } from '../io/store/restore.js';
import { renderTable } from './table.js';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1 << 20
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / (1 << 20)).toFixed(1)} MB`;

/** The table of kept versions, newest first per file. */
export function renderBackups(backups: Backup[]): string {
  if (!backups.length)
    return 'No backups yet: one is kept each time a command replaces a state file.';
  return renderTable(
    ['State file', 'Backup id', 'Size'],
    backups.map((b) => [`${b.name}.json`, b.id, size(b.bytes)]),
  );
}

/** The plan (or what was done), one line per file. */
export function renderRestore(steps: RestoreStep[], dryRun: boolean): string {
  if (!steps.length)
    return 'Nothing to restore: every state file is readable. Name a file (e.g. `mentor-cli restore participants`) to go back one version, or see `mentor-cli restore --list`.';
  const verb = dryRun ? 'Would restore' : 'Restored';
  return steps
    .map(
      (s) =>
        `${verb} ${s.name}.json from backup ${s.from.id}${s.writtenAt ? ` (written ${s.writtenAt})` : ''}; current file: ${s.current === 'ok' ? 'readable' : s.current}`,
    )
    .join('\n');
}

/** The --json document. */
export function restoreJson(steps: RestoreStep[], dryRun: boolean): unknown {
  return {
    dryRun,
    restored: steps.map((s) => ({
      file: `${s.name}.json`,
      backup: s.from.id,
      writtenAt: s.writtenAt ?? null,
      current: s.current,
    })),
  };
}
