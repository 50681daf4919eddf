/**
 * Reads a table of pairs (mentee, mentor[, score]) from --pair-scores, --manual or --history: loose
 * headers, clear errors.
 */

import { InputError } from '../../errors.js';
import type { Participant, SourceTable } from '../types.js';
import { norm } from '../keys.js';

/** A pair read from a file, with the Excel row it came from. */
export interface PairRow {
  mentee: string;
  mentor: string;
  score: number;
  row: number;
}

/**
 * Options: whether a score column is required, and which emails are known (unknown ones are errors
 * when given).
 */
export interface PairTableOptions {
  score: boolean;
  known?: Set<string>;
}

const PATTERNS = {
  mentee: /mentee|learner|prot[eé]g[eé]/,
  mentor: /mentor|coach|buddy/,
  score: /score|rating|weight|points|fit/,
} as const;

/**
 * The column of a pairs file holding the mentee, mentor or score (loose header names); -1 when
 * none.
 */
export function findPairColumn(headers: string[], kind: keyof typeof PATTERNS): number {
  return findColumn(headers, PATTERNS[kind]);
}

function findColumn(headers: string[], pattern: RegExp): number {
  const hits = headers.map((h, i) => [norm(h), i] as const).filter(([h]) => pattern.test(h));
  // "Mentee email" beats "Mentee name" when both exist.
  const mail = hits.find(([h]) => /mail/.test(h));
  return (mail ?? hits[0])?.[1] ?? -1;
}

/** Parses "7.5", "7,5" and "80%" as numbers; NaN otherwise. */
export function parseScore(text: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)%?$/.test(t)) return NaN;
  return Number(t.replace('%', '').replace(',', '.'));
}

/**
 * The pairs of a table; throws one InputError naming file, row and column for the first bad cell.
 */
export function parsePairTable(table: SourceTable, opts: PairTableOptions): PairRow[] {
  const where = { file: table.file, sheet: table.sheet, row: table.headerRow };
  const mi = findPairColumn(table.headers, 'mentee');
  const mo = findPairColumn(table.headers, 'mentor');
  const si = opts.score ? findPairColumn(table.headers, 'score') : -1;
  const need = opts.score ? 'mentee, mentor and score' : 'mentee and mentor';
  if (mi < 0) throw new InputError('no mentee column', where, `Name the columns ${need}`);
  if (mo < 0) throw new InputError('no mentor column', where, `Name the columns ${need}`);
  if (opts.score && si < 0)
    throw new InputError('no score column', where, `Name the columns ${need}`);
  const out: PairRow[] = [];
  for (const r of table.rows) {
    const mentee = (r.cells[mi] ?? '').trim(),
      mentor = (r.cells[mo] ?? '').trim();
    if (!mentee && !mentor && (si < 0 || !(r.cells[si] ?? '').trim())) continue;
    const loc = (col: number) => ({
      file: table.file,
      sheet: table.sheet,
      row: r.line,
      column: table.headers[col],
    });
    for (const [col, email] of [
      [mi, mentee],
      [mo, mentor],
    ] as const) {
      if (!email) throw new InputError('is empty', loc(col), 'Fill in the email or delete the row');
      if (opts.known && !opts.known.has(norm(email)))
        throw new InputError(
          `"${email}" is not a known participant email`,
          loc(col),
          'Check the spelling, or import the person first with `mentor-cli import`',
        );
    }
    let score = 0;
    if (opts.score) {
      const text = r.cells[si] ?? '';
      score = parseScore(text);
      if (!Number.isFinite(score))
        throw new InputError(
          `"${text}" is not a number`,
          loc(si),
          'Use a number such as 72 or 7.5',
        );
      if (score < 0)
        throw new InputError(
          `score ${score} is negative`,
          loc(si),
          'Use scores of 0 or more (higher is better)',
        );
    }
    out.push({ mentee, mentor, score, row: r.line });
  }
  return out;
}

/** Checks manual pairs: known people on the right sides, not the same person. */
export function checkManualPairs(rows: PairRow[], participants: Participant[], file: string): void {
  const by = new Map(participants.map((p) => [norm(p.email), p]));
  for (const r of rows) {
    if (norm(r.mentee) === norm(r.mentor))
      throw new InputError('pairs a person with themselves', { file, row: r.row }, 'Fix the row');
    const a = by.get(norm(r.mentee))!,
      b = by.get(norm(r.mentor))!;
    if (a.role === 'mentor')
      throw new InputError(
        `${a.email} is a mentor, not a mentee`,
        { file, row: r.row },
        'Swap the columns or fix the role',
      );
    if (b.role === 'mentee')
      throw new InputError(
        `${b.email} is a mentee, not a mentor`,
        { file, row: r.row },
        'Swap the columns or fix the role',
      );
  }
}
