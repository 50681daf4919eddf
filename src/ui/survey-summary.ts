/** `survey merge` and `survey template` for people: what was read, added and written. */

import type { Output } from './output.js';

/** The counts of one merge on stdout, and the next step on stderr after a real merge. */
export function renderMergeResult(
  out: Output,
  merge: {
    responses: number;
    files: number;
    byWave: ReadonlyMap<string, number>;
    added: number;
    duplicates: number;
    unknown: number;
    dryRun: boolean;
  },
): void {
  const waveText = [...merge.byWave].map(([wave, n]) => `${wave}: ${n}`).join(', ');
  out.result(
    `${merge.responses} response(s) read from ${merge.files} file(s) (${waveText || 'none'}); ` +
      `${merge.dryRun ? 'would add' : 'added'} ${merge.added}, ` +
      `${merge.duplicates} already merged; ${merge.unknown} from unknown emails.`,
  );
  if (!merge.dryRun && merge.added)
    out.info(
      'Next: `mentor-cli status` for pairs that need help, ' +
        '`mentor-cli report` for the KPI workbook.',
    );
}

/** One line per template file. */
export function renderTemplateFiles(paths: string[], dryRun: boolean): string {
  return paths.map((path) => `${dryRun ? 'would write' : 'wrote'} ${path}`).join('\n');
}
