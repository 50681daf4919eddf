/**
 * `survey merge` and `survey template` for people: what was read (per file, every column with the
 * kind it was read as), added and written.
 */

import type { ColumnInfo } from '../core/surveys/classify.js';
import { scaleText } from '../core/surveys/scale-detect.js';
import type { Output } from './output.js';

/** The counts of one merge on stdout, and the next step on stderr after a real merge. */
export function renderMergeResult(
  out: Output,
  merge: {
    responses: number;
    files: readonly FileColumns[];
    byWave: ReadonlyMap<string, number>;
    added: number;
    duplicates: number;
    unknown: number;
    dryRun: boolean;
  },
): void {
  const waveText = [...merge.byWave].map(([wave, n]) => `${wave}: ${n}`).join(', ');
  out.result(
    `${merge.responses} response(s) read from ${merge.files.length} file(s) (${waveText || 'none'}); ` +
      `${merge.dryRun ? 'would add' : 'added'} ${merge.added}, ` +
      `${merge.duplicates} already merged; ${merge.unknown} from unknown emails.\n` +
      renderSurveyColumns(merge.files),
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

/** One file's classification for the summary and the JSON. */
export interface FileColumns {
  file: string;
  responses: number;
  empty: number;
  columns: ColumnInfo[];
  /** Per column: answers in this file, and the mean of a rating or matrix column. */
  figures?: Array<{ answers: number; mean?: number }>;
}

const KIND_ORDER = ['identity', 'measure', 'rating', 'matrix', 'choice', 'checkbox', 'text'];

/** Lines describing a column's reading: "satisfaction on 1-10, rescaled to 1-5". */
function describe(c: ColumnInfo, fig?: { answers: number; mean?: number }): string {
  const mean =
    fig?.mean !== undefined ? `, mean ${fig.mean} over ${fig.answers} answers in this file` : '';
  const scale = c.scale ? ` (${scaleText(c.scale)}${mean})` : '';
  if (c.kind === 'identity') return c.field ? `${c.header} = ${c.field}` : c.header;
  if (c.kind === 'measure') return `${c.header} -> ${c.field}${scale}`;
  return `${c.header}${scale}`;
}

/** A grid row with its mean: "Availability 3.25". */
const rowText = (c: ColumnInfo, fig?: { answers: number; mean?: number }) =>
  fig?.mean !== undefined ? `${c.row} ${fig.mean}` : (c.row ?? '');

/** The classification of every file, grouped by kind, one line per kind (matrices per question). */
function renderSurveyColumns(files: readonly FileColumns[]): string {
  const lines: string[] = [];
  for (const f of files) {
    const empty = f.empty ? `, ${f.empty} empty (not counted as respondents)` : '';
    lines.push(`${f.file}: ${f.responses} response(s)${empty}; columns:`);
    for (const kind of KIND_ORDER) {
      const cols = f.columns.filter((c) => c.kind === kind);
      if (!cols.length) continue;
      const figureOf = (c: ColumnInfo) => f.figures?.[f.columns.indexOf(c)];
      const grouped = new Map<string, ColumnInfo[]>();
      for (const c of cols) {
        const key =
          c.question && (kind === 'matrix' || kind === 'checkbox') ? c.question : c.header;
        const g = grouped.get(key);
        if (g) g.push(c);
        else grouped.set(key, [c]);
      }
      const parts = [...grouped].map(([key, g]) =>
        g[0].question && g.length > 1
          ? `${key} [${g.map((c) => rowText(c, figureOf(c))).join(' | ')}]${g[0].scale ? ` (${scaleText(g[0].scale)})` : ''}`
          : describe(g[0], figureOf(g[0])),
      );
      lines.push(`  ${kind.padEnd(9)} ${parts.join('; ')}`);
    }
  }
  return lines.join('\n');
}
