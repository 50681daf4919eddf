/**
 * `match --suggest N [--out FILE]`: shows each mentee's N best mentors and writes them as CSV, XLSX
 * or JSON.
 */

import type { Ctx } from './context.js';
import { emit, exportFormat } from './export.js';
import { toCsv } from '../io/formats/csv/write.js';
import { buildWorkbook } from '../io/formats/xlsx/write.js';
import type { Suggestion } from '../core/matching/suggest.js';
import { renderSuggestions } from '../ui/match-summary.js';

const COLUMNS = [
  ['mentee', 'Mentee'],
  ['menteeName', 'Mentee name'],
  ['rank', 'Rank'],
  ['mentor', 'Mentor'],
  ['mentorName', 'Mentor name'],
  ['score', 'Score'],
  ['reasons', 'Reasons'],
] as const;

/** One flat row per (mentee, suggested mentor); a mentee with none gets one row saying so. */
function suggestionRows(list: Suggestion[]): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  for (const s of list) {
    if (!s.mentors.length)
      rows.push({
        mentee: s.mentee,
        menteeName: s.menteeName,
        rank: '',
        mentor: '',
        mentorName: '',
        score: '',
        reasons: 'no allowed mentor',
      });
    for (const m of s.mentors)
      rows.push({
        mentee: s.mentee,
        menteeName: s.menteeName,
        rank: m.rank,
        mentor: m.email,
        mentorName: m.name,
        score: m.score,
        reasons: m.reasons.join('; '),
      });
  }
  return rows;
}

/**
 * Prints the suggestions (table or JSON) and, with `out`, writes them in the format its extension
 * names.
 */
export async function emitSuggestions(
  ctx: Ctx,
  list: Suggestion[],
  out: string | undefined,
  programDir: string,
  force: boolean,
): Promise<void> {
  if (ctx.out.json) ctx.out.resultJson({ model: 'self-directed', suggestions: list });
  else ctx.out.result(renderSuggestions(list));
  if (!out) return;
  const format = exportFormat(undefined, out);
  const rows = suggestionRows(list);
  let data: string | Uint8Array;
  if (format === 'json') data = `${JSON.stringify({ suggestions: list }, null, 2)}\n`;
  else if (format === 'csv')
    data = toCsv(
      COLUMNS.map(([k]) => k),
      rows.map((r) => COLUMNS.map(([k]) => r[k])),
    );
  else {
    const columns = COLUMNS.map(([key, header]) => ({
      header,
      key,
      ...(key === 'score'
        ? { type: 'number' as const }
        : key === 'rank'
          ? { type: 'integer' as const }
          : key === 'reasons'
            ? { width: 80 }
            : {}),
    }));
    data = new Uint8Array(
      await buildWorkbook([{ name: 'Suggestions', columns, rows }]).xlsx.writeBuffer(),
    );
  }
  await emit(ctx, data, out, programDir, force, format);
}
