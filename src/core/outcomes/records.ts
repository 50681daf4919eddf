/**
 * HR outcome records (`mentor-cli outcomes import`): one row per employee of an HR export, read
 * from a SourceTable with the headers matched loosely, as HR systems name them.
 */

import type { Problem, SourceTable } from '../types.js';
import { normaliseEmail } from '../roster/normalise.js';
import { parseResponseDate } from '../surveys/dates.js';

/** One employee's outcomes as HR reports them. Dates are ISO days (YYYY-MM-DD). */
export interface OutcomeRecord {
  email: string;
  /** False when HR says they have left; undefined when the file has no such column or cell. */
  employed?: boolean;
  leftOn?: string;
  /** Promotion or role change. */
  promotedOn?: string;
  /** Performance or engagement score, as a number on the file's own scale. */
  score?: number;
  department?: string;
  attributes: Record<string, string>;
}

/** The `outcomes` state document: the last imported HR file, replaced by each import. */
export interface OutcomesState {
  file: string;
  importedAt: string;
  records: OutcomeRecord[];
}

type Field = 'email' | 'employed' | 'leftOn' | 'promotedOn' | 'score' | 'department';

/** Header patterns per field, first match wins (checked in this order). */
const HEADERS: Array<[Field, RegExp]> = [
  ['email', /e-?mail/i],
  ['leftOn', /leav|left|termination|exit|end date/i],
  ['promotedOn', /promot|role change|new role/i],
  ['employed', /employed|employment status|^status$|^active$/i],
  ['score', /performance|engagement|rating|score/i],
  ['department', /^(department|dept|division|team)$/i],
];

const YES = /^(y|yes|true|1|active|employed|current)$/i;
const NO = /^(n|no|false|0|left|leaver|terminated|inactive|resigned)$/i;

/** An Excel serial day number (as some exports write dates) or a date text, as YYYY-MM-DD. */
function isoDay(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const ms = Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000;
    return new Date(ms).toISOString().slice(0, 10);
  }
  return parseResponseDate(t)?.slice(0, 10);
}

/**
 * Reads the records. Rows without a valid email, and cells that do not read as what their column
 * holds, become problems naming file, row and column (the rest of the row is kept).
 */
export function readOutcomeRows(table: SourceTable): {
  records: OutcomeRecord[];
  problems: Problem[];
} {
  const fieldOf = table.headers.map((h) => HEADERS.find(([, re]) => re.test(h.trim()))?.[0]);
  const problems: Problem[] = [];
  const at = (row: number, col: number) => ({
    file: table.file,
    ...(table.sheet ? { sheet: table.sheet } : {}),
    row,
    column: table.headers[col],
  });
  if (!fieldOf.includes('email'))
    return {
      records: [],
      problems: [
        {
          severity: 'error',
          code: 'outcomes-no-email',
          message: `${table.file} has no email column`,
          hint: 'Add a column "Email" with each employee\'s work email',
        },
      ],
    };
  const byEmail = new Map<string, OutcomeRecord>();
  for (const row of table.rows) {
    // No prototype: a header such as "__proto__" is just a name.
    const rec: OutcomeRecord = {
      email: '',
      attributes: Object.create(null) as Record<string, string>,
    };
    row.cells.forEach((raw, i) => {
      const cell = (raw ?? '').trim();
      const field = fieldOf[i];
      if (!cell) return;
      const bad = (what: string, hint: string) =>
        problems.push({
          severity: 'warning',
          code: 'outcomes-cell',
          message: `"${cell.slice(0, 40)}" is not ${what}`,
          hint,
          location: at(row.line, i),
        });
      if (field === 'email') {
        const e = normaliseEmail(cell);
        if ('value' in e && e.value) rec.email = e.value;
      } else if (field === 'employed') {
        if (YES.test(cell)) rec.employed = true;
        else if (NO.test(cell)) rec.employed = false;
        else bad('yes or no', 'Write yes or no (still employed)');
      } else if (field === 'leftOn' || field === 'promotedOn') {
        const d = isoDay(cell);
        if (d) rec[field] = d;
        else bad('a date', 'Write the date as YYYY-MM-DD');
      } else if (field === 'score') {
        const n = Number(cell.replace(',', '.'));
        if (Number.isFinite(n)) rec.score = n;
        else bad('a number', 'Write the score as a number, or leave it empty');
      } else if (field === 'department') rec.department = cell;
      else if (table.headers[i]) rec.attributes[table.headers[i]] = cell;
    });
    if (!rec.email) {
      problems.push({
        severity: 'error',
        code: 'outcomes-email',
        message: 'row has no valid email: skipped',
        hint: 'Fix the email in that row and import again',
        location: at(row.line, fieldOf.indexOf('email')),
      });
      continue;
    }
    // A left date says they left, whatever the status column says.
    if (rec.leftOn) rec.employed = false;
    byEmail.set(rec.email, rec);
  }
  return { records: [...byEmail.values()], problems };
}
