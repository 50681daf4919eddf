/**
 * Turning a survey table into stored responses: measures read on their scales, a wave per row,
 * problems per cell.
 */

import type { Problem, SourceTable } from '../types.js';
import type { SurveyWave } from '../config.js';
import { emailKey } from '../keys.js';
import type { MeasureId, SurveyMapping } from './measures.js';
import { readCount, readScale, readYesNo, type ScaleRead } from './scales.js';
import { hashText, type SurveyMeasures, type SurveyResponse } from './state.js';
import { parseResponseDate } from './dates.js';
import { inferWave } from './waves.js';

const SCALE_TEXT: Record<MeasureId, string> = {
  satisfaction: 'a 1-5 answer',
  recommend: 'a 0-10 answer',
  meetingsHeld: 'a number of meetings',
  goalProgress: 'a 1-5 answer',
  skillsImproved: 'a 1-5 answer',
  wouldContinue: 'yes or no',
  concerns: 'text',
};

function readMeasure(id: MeasureId, text: string): ScaleRead<number | boolean | string> {
  switch (id) {
    case 'recommend':
      return readScale(text, 0, 10, { integer: true });
    case 'meetingsHeld':
      return readCount(text);
    case 'wouldContinue':
      return readYesNo(text);
    case 'concerns':
      return text.trim() ? { kind: 'value', value: text.trim() } : { kind: 'empty' };
    default:
      return readScale(text, 1, 5, { labels: true, integer: true });
  }
}

/**
 * Reads every row of a survey table. The wave is `wave` when given, else the row's wave column when
 * it names a configured wave, else inferred from the row's date, else `fallbackWave` (the wave open
 * today).
 */
export function readSurveyResponses(
  table: SourceTable,
  mapping: SurveyMapping,
  opts: { wave?: string; waves: readonly SurveyWave[]; fallbackWave: string },
): { responses: SurveyResponse[]; problems: Problem[] } {
  const { file, sheet } = table;
  const col = mapping.columns;
  const emailCol = col.get('email')!;
  const problems: Problem[] = [];
  const responses: SurveyResponse[] = [];
  const measureIds = [...col.keys()].filter(
    (f): f is MeasureId => !['email', 'name', 'submittedAt', 'startedAt', 'wave'].includes(f),
  );
  const cellOf = (cells: string[], f: 'name' | 'submittedAt' | 'startedAt' | 'wave') =>
    col.has(f) ? (cells[col.get(f)!] ?? '').trim() : '';
  const headerKey = hashText(JSON.stringify(table.headers));
  for (const row of table.rows) {
    const at = { file, sheet, row: row.line };
    const email = emailKey(row.cells[emailCol]);
    if (!email) {
      problems.push({
        severity: 'warning',
        code: 'survey-no-email',
        message: 'response has no email; kept but linked to nobody',
        hint: 'Fill in the email in the export and merge it again',
        location: { ...at, column: table.headers[emailCol] },
      });
    }
    const stamp = cellOf(row.cells, 'submittedAt') || cellOf(row.cells, 'startedAt');
    const submittedAt = stamp ? parseResponseDate(stamp) : undefined;
    if (stamp && !submittedAt)
      problems.push({
        severity: 'warning',
        code: 'survey-date',
        message: `"${stamp}" is not a date`,
        location: { ...at, column: table.headers[col.get('submittedAt') ?? col.get('startedAt')!] },
      });
    const waveCell = cellOf(row.cells, 'wave');
    const named = waveCell
      ? opts.waves.find((w) => w.name.toLowerCase() === waveCell.toLowerCase())?.name
      : undefined;
    if (waveCell && !named)
      problems.push({
        severity: 'warning',
        code: 'survey-unknown-wave',
        message: `wave "${waveCell}" is not in the config; wave taken from the date`,
        hint: `Waves: ${opts.waves.map((w) => w.name).join(', ')}`,
        location: { ...at, column: table.headers[col.get('wave')!] },
      });
    const wave =
      opts.wave ??
      named ??
      (submittedAt ? inferWave(submittedAt, opts.waves) : undefined) ??
      opts.fallbackWave;
    const measures: SurveyMeasures = {};
    const invalid: MeasureId[] = [];
    for (const id of measureIds) {
      const i = col.get(id)!;
      const text = row.cells[i] ?? '';
      const r = readMeasure(id, text);
      if (r.kind === 'value') (measures as Record<string, unknown>)[id] = r.value;
      else if (r.kind === 'invalid') {
        invalid.push(id);
        problems.push({
          severity: 'warning',
          code: 'survey-out-of-scale',
          message: `"${text.trim()}" is not ${SCALE_TEXT[id]} for ${id}; kept as text, not counted`,
          location: { ...at, column: table.headers[i] },
        });
      }
    }
    const answers = row.cells.slice(0, table.headers.length);
    while (answers.length && answers[answers.length - 1] === '') answers.pop();
    const name = cellOf(row.cells, 'name') || undefined;
    const id = hashText(JSON.stringify([wave, email, submittedAt ?? '', headerKey, row.cells]));
    const r: SurveyResponse = {
      id,
      wave,
      email,
      measures,
      answers,
      headerSet: 0,
      source: { file, ...(sheet ? { sheet } : {}), row: row.line },
      seq: 0,
    };
    if (name) r.name = name;
    if (submittedAt) r.submittedAt = submittedAt;
    if (invalid.length) r.invalid = invalid;
    responses.push(r);
  }
  return { responses, problems };
}
