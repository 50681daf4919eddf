/**
 * Turning a survey table into stored responses: measures read on their detected scales (and put on
 * their documented scale), a wave per row, problems per cell.
 */

import type { Problem, SourceTable } from '../types.js';
import type { SurveyWave } from '../config.js';
import type { ColumnInfo } from './classify.js';
import { DOCUMENTED } from './classify.js';
import { emailKey } from '../keys.js';
import type { MeasureId, SurveyMapping } from './measures.js';
import { readOnScale, rescale, scaleText } from './scale-detect.js';
import { agreementAsYesNo, readCount, readYesNo, type ScaleRead } from './scales.js';
import { hashText, type SurveyMeasures, type SurveyResponse } from './state.js';
import { parseResponseDate } from './dates.js';
import { inferWave } from './waves.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary.js';

const SCALE_TEXT: Record<MeasureId, string> = {
  satisfaction: 'a 1-5 answer',
  recommend: 'a 0-10 answer',
  meetingsHeld: 'a number of meetings',
  goalProgress: 'a 1-5 answer',
  skillsImproved: 'a 1-5 answer',
  wouldContinue: 'yes or no',
  concerns: 'text',
};

/** Reads one measure answer through its column's classification. */
function readMeasure(
  id: MeasureId,
  col: ColumnInfo | undefined,
  text: string,
  vocab: Vocabulary,
): ScaleRead<number | boolean | string> {
  switch (id) {
    case 'meetingsHeld':
      return readCount(text, vocab);
    case 'wouldContinue': {
      if (col?.scale?.family !== 'agreement') return readYesNo(text, vocab);
      const r = readOnScale(text, col.scale, vocab);
      return r.kind === 'value' ? agreementAsYesNo(r.value) : r;
    }
    case 'concerns':
      return text.trim() ? { kind: 'value', value: text.trim() } : { kind: 'empty' };
    default: {
      const doc = DOCUMENTED[id]!;
      const scale = col?.scale ?? { id: 'numeric', min: doc.min, max: doc.max };
      const r = readOnScale(text, scale, vocab);
      return r.kind === 'value' ? { kind: 'value', value: rescale(r.value, scale, doc) } : r;
    }
  }
}

/** Options of reading: the wave choice, the columns' classification, local time zone, vocabulary. */
export interface ReadResponsesOptions {
  wave?: string;
  waves: readonly SurveyWave[];
  fallbackWave: string;
  /** The classification of every column (classifyColumns); without it, measures use 1-5 / 0-10. */
  columns?: readonly ColumnInfo[];
  /** Zone of times that name no offset (Microsoft Forms, SurveyMonkey, Google Forms exports). */
  timeZone?: string;
  vocab?: Vocabulary;
}

/**
 * Reads every row of a survey table. The wave is `wave` when given, else the row's wave column when
 * it names a configured wave, else inferred from the row's date, else `fallbackWave` (the wave open
 * today).
 */
export function readSurveyResponses(
  table: SourceTable,
  mapping: SurveyMapping,
  opts: ReadResponsesOptions,
): { responses: SurveyResponse[]; problems: Problem[] } {
  const { file, sheet } = table;
  const vocab = opts.vocab ?? DEFAULT_VOCABULARY;
  const col = mapping.columns;
  const emailCol = col.get('email')!;
  const problems: Problem[] = [];
  const responses: SurveyResponse[] = [];
  const measureIds = [...col.keys()].filter(
    (f): f is MeasureId => !['email', 'name', 'submittedAt', 'startedAt', 'wave'].includes(f),
  );
  // Columns that hold answers to questions (not identity): a row with none of them is empty.
  const questionCols = opts.columns
    ? opts.columns.flatMap((c, i) => (c.kind === 'identity' ? [] : [i]))
    : undefined;
  const cellOf = (cells: string[], f: 'name' | 'submittedAt' | 'startedAt' | 'wave') =>
    col.has(f) ? (cells[col.get(f)!] ?? '').trim() : '';
  const dateCol = col.get('submittedAt') ?? col.get('startedAt');
  // Typeform's "(UTC)" columns and texts with an offset are UTC; other tools export local time.
  const zone =
    dateCol !== undefined && /utc|gmt/i.test(table.headers[dateCol]) ? undefined : opts.timeZone;
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
    const submittedAt = stamp ? parseResponseDate(stamp, zone) : undefined;
    if (stamp && !submittedAt)
      problems.push({
        severity: 'warning',
        code: 'survey-date',
        message: `"${stamp}" is not a date`,
        location: { ...at, column: table.headers[dateCol!] },
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
    const rescaledFrom: Partial<Record<MeasureId, string>> = {};
    for (const id of measureIds) {
      const i = col.get(id)!;
      const text = row.cells[i] ?? '';
      const info = opts.columns?.[i];
      const r = readMeasure(id, info, text, vocab);
      if (r.kind === 'value') {
        (measures as Record<string, unknown>)[id] = r.value;
        const doc = DOCUMENTED[id];
        if (info?.scale && doc && (info.scale.min !== doc.min || info.scale.max !== doc.max))
          rescaledFrom[id] = scaleText(info.scale);
      } else if (r.kind === 'invalid') {
        invalid.push(id);
        const scale = info?.scale ? `a ${scaleText(info.scale)} answer` : SCALE_TEXT[id];
        problems.push({
          severity: 'warning',
          code: 'survey-out-of-scale',
          message: `"${text.trim()}" is not ${scale} for ${id}; kept as text, not counted`,
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
    if (Object.keys(rescaledFrom).length) r.rescaledFrom = rescaledFrom;
    if (questionCols && !questionCols.some((i) => (row.cells[i] ?? '').trim() !== ''))
      r.empty = true;
    responses.push(r);
  }
  return { responses, problems };
}
