/** Turns a source table into participants and rejected rows, with every problem located. */

import type { Participant, Problem, Role, SourceRow, SourceTable } from '../types.js';
import type { ColumnMapping } from './header-map.js';
import { readRow, type RowContext } from './build-row.js';
import { detectDateOrder } from './timestamp.js';

/**
 * A row that could not be imported: its original cells and every reason, ready for rejected.csv.
 */
export interface RejectedRow {
  file: string;
  sheet?: string;
  line: number;
  headers: string[];
  cells: string[];
  reasons: Problem[];
}

/** Choices from flags and config: a fixed --role, the default capacity and time zone. */
export interface BuildOptions {
  role?: Role;
  defaultCapacity: number;
  defaultTimezone?: string;
}

/**
 * Attribute keys: the header text, "Column N" for a blank header, "Notes (2)" for a repeated one.
 */
function attributeKeys(headers: string[], cols: number[]): Array<[number, string]> {
  const used = new Set<string>();
  return cols.map((col) => {
    const base = headers[col]?.trim() || `Column ${col + 1}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base} (${n})`;
    used.add(key);
    return [col, key];
  });
}

/**
 * Turns every row into a Participant or a RejectedRow; warnings go to problems, located by
 * file/sheet/row/column.
 */
export function buildParticipants(
  table: SourceTable,
  mapping: ColumnMapping,
  opts: BuildOptions,
): { participants: Participant[]; rejected: RejectedRow[]; problems: Problem[] } {
  const col = mapping.fields.submittedAt;
  const builder = startBuild(
    table,
    mapping,
    opts,
    col === undefined ? [] : table.rows.map((r) => r.cells[col] ?? ''),
  );
  builder.add(table.rows);
  return builder.result;
}

/** What startBuild collects: every accepted participant, rejected row and warning so far. */
interface BuildResult {
  participants: Participant[];
  rejected: RejectedRow[];
  problems: Problem[];
}

/** A file's rows built a chunk at a time (see startBuild). */
export interface RowBuilder {
  /** Builds the next rows of the file. */
  add(rows: readonly SourceRow[]): void;
  /** Everything built so far (the arrays grow with every `add`). */
  result: BuildResult;
}

/**
 * buildParticipants in steps, so that a big file's rows can be read, built and let go a chunk at a
 * time. `submitted` is the file's whole form-timestamp column (read lazily, for the date order).
 */
export function startBuild(
  table: Pick<SourceTable, 'file' | 'sheet' | 'headers'>,
  mapping: ColumnMapping,
  opts: BuildOptions,
  submitted: Iterable<string>,
): RowBuilder {
  const participants: Participant[] = [];
  const rejected: RejectedRow[] = [];
  const problems: Problem[] = [];
  const submittedCol = mapping.fields.submittedAt;
  const order =
    submittedCol === undefined
      ? { order: 'mdy' as const, ambiguous: false }
      : detectDateOrder(submitted);
  if (order.ambiguous && submittedCol !== undefined) {
    problems.push({
      severity: 'warning',
      code: 'submitted-at-order',
      message: `dates such as 1/5/2026 in column "${table.headers[submittedCol]}" were read as month/day (US style)`,
      hint: 'If they are day/month, export the timestamps as yyyy-mm-dd',
      location: { file: table.file, sheet: table.sheet, column: table.headers[submittedCol] },
    });
  }
  const ctx: RowContext = {
    file: table.file,
    sheet: table.sheet,
    col: { ...mapping.fields },
    headers: table.headers,
    attributes: attributeKeys(table.headers, mapping.attributes),
    dateOrder: order.order,
    role: opts.role,
    defaultCapacity: opts.defaultCapacity,
    defaultTimezone: opts.defaultTimezone,
    cache: new Map(),
  };
  const add = (rows: readonly SourceRow[]): void => {
    for (const row of rows) {
      const extra = extraOf(row);
      if (!extra.length && row.cells.every((c) => !c || !c.trim())) continue;
      const reject = (reasons: Problem[]): void =>
        void rejected.push({
          file: table.file,
          sheet: table.sheet,
          line: row.line,
          headers: table.headers,
          cells: row.cells,
          reasons,
        });
      if (extra.length) {
        reject([
          {
            severity: 'error',
            code: 'row-too-many-values',
            message: `row has ${extra.length} more value${extra.length === 1 ? '' : 's'} than there are column headers; a value with a comma probably needs quotes around it`,
            hint: 'Put quotes around values that contain the delimiter, or remove the extra cells',
            location: { file: table.file, sheet: table.sheet, row: row.line },
          },
        ]);
        continue;
      }
      const { participant, errors, warnings } = readRow(row.cells, row.line, ctx);
      if (participant) {
        participants.push(participant);
        for (const w of warnings) problems.push(w);
      } else reject(errors);
    }
  };
  return { add, result: { participants, rejected, problems } };
}

/** Non-empty cells beyond the header (SourceRow.extra, filled by the readers). */
function extraOf(row: SourceRow): string[] {
  const extra = (row as SourceRow & { extra?: string[] }).extra;
  return extra ? extra.filter((c) => c !== '') : [];
}
