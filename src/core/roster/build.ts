/** Turns a source table into participants and rejected rows, with every problem located. */

import type { Participant, Problem, Role, SourceRow, SourceTable } from '../types.js';
import { mappedFields, type ColumnMapping } from './header-map.js';
import type { RoleColumns, RoleField } from './role-columns.js';
import type { NameRef } from './name-refs.js';
import { learnOptions } from './options.js';
import { columnBits, readRow, type RowContext } from './build-row.js';
import { detectDateOrder, parseTimestamp } from './timestamp.js';
import { attentionItem, type AttentionItem } from './attention.js';
import { formSignature } from './header-map.js';
import { rowKey, type Fixes, type RowFix } from './fixes.js';
import { fixFileColumns, skippedRowNotice, changedRowWarning } from './fix-files.js';

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
  /** The row's form timestamp (ISO), carried into rejected.csv. */
  submittedAt?: string;
}

/** Choices from flags and config: a fixed --role, the default capacity and time zone. */
export interface BuildOptions {
  role?: Role;
  defaultCapacity: number;
  defaultTimezone?: string;
  /** Fields whose unreadable value still rejects the row (config `import.rejectOn`). */
  rejectOn?: readonly string[];
  /** Level words and their numbers (config `participants.levelWords`; default: the built-in). */
  levelWords?: Readonly<Record<string, number>>;
  /** The file is the full truth for its columns: a blank cell clears the stored value. */
  replace?: boolean;
  /**
   * YYYY-MM-DD whose UTC offsets convert availability written in another zone (the program start;
   * default 2027-01-11, a winter Monday).
   */
  referenceDate?: string;
  /** Fixes made by hand (state `fixes`): they stick while the source is unchanged (fixes.ts). */
  fixes?: Fixes;
  /** Every row is a fix by hand (`set`, `withdraw`): its changes are recorded as fixes. */
  isFix?: boolean;
  /** ISO time recorded with the fixes this import makes. */
  now?: string;
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
): BuildResult {
  const col = mapping.fields.submittedAt;
  const builder = startBuild(
    table,
    mapping,
    opts,
    col === undefined ? [] : table.rows.map((r) => r.cells[col] ?? ''),
    (c) => table.rows.map((r) => r.cells[c] ?? ''),
  );
  builder.add(table.rows);
  builder.settle();
  // Without a stored roster every row is a new person: one without a name or role is rejected.
  const { result } = builder;
  if (!result.pending.size) return result;
  const keep = result.participants.map((p) => !result.pending.has(p));
  const dropped = new Set(
    result.participants.filter((p) => result.pending.has(p)).map((p) => p.email),
  );
  for (const r of result.pending.values()) result.rejected.push(r);
  result.rejected.sort((a, b) => a.line - b.line);
  return {
    ...result,
    participants: result.participants.filter((_, i) => keep[i]),
    given: result.given.filter((_, i) => keep[i]),
    attention: result.attention.filter((a) => !dropped.has(a.email)),
    refs: result.refs.filter((r) => !dropped.has(r.email)),
    pending: new Map(),
  };
}

/** What startBuild collects: every accepted participant, rejected row and warning so far. */
interface BuildResult {
  participants: Participant[];
  /** The fields each participant's row gives (merge.ts `fieldBit` masks), by index. */
  given: number[];
  rejected: RejectedRow[];
  problems: Problem[];
  /** Values that could not be read, of people who were kept. */
  attention: AttentionItem[];
  /**
   * Rows without a name or role: they update a stored person, or are rejected for these reasons.
   */
  pending: Map<Participant, RejectedRow>;
  /** Preference/avoid answers naming people without an email (resolved by import-plan.ts). */
  refs: NameRef[];
  /** The file is mentor-cli's own rejected.csv or attention.csv: its changes are fixes. */
  fixFile: boolean;
  /** Rows of a fixed rejected.csv, by the source row they replace. */
  rowFixes: RowFix[];
  /** Earlier row fixes whose source row has changed since (the new answer is used). */
  rowFixesReplaced: RowFix[];
}

/** A file's rows built a chunk at a time (see startBuild). */
export interface RowBuilder {
  /** Builds the next rows of the file. */
  add(rows: readonly SourceRow[]): void;
  /** After the last rows: the fixed rows that changed (see fixes.ts). */
  settle(): void;
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
  column?: (col: number) => Iterable<string>,
): RowBuilder {
  const participants: Participant[] = [];
  const given: number[] = [];
  const rejected: RejectedRow[] = [];
  const problems: Problem[] = [];
  const attention: AttentionItem[] = [];
  const pending = new Map<Participant, RejectedRow>();
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
    rejectOn: new Set(opts.rejectOn ?? []),
    replace: Boolean(opts.replace),
    reference: new Date(`${opts.referenceDate ?? '2027-01-11'}T12:00:00Z`),
    columns: columnBits(mappedFields(mapping), mapping.attributes.length),
    cache: new Map(),
    options: column ? listOptions(mapping, column) : {},
    levelWords: opts.levelWords,
  };
  if (mapping.byRole)
    ctx.byRole = Object.entries(mapping.byRole) as Array<[RoleField, RoleColumns]>;
  const refs: NameRef[] = [];
  const fixCols = fixFileColumns(table.headers);
  const rowFixes: RowFix[] = [];
  const rowFixesReplaced: RowFix[] = [];
  const fixedRows = opts.fixes?.rows ?? [];
  const fixed = new Map(fixedRows.map((f) => [f.key, f]));
  const place = table.sheet === undefined ? table.file : `${table.file} [${table.sheet}]`;
  const fixedHere = new Map(fixedRows.filter((f) => f.file === place).map((f) => [f.row, f]));
  const form = formSignature(table.headers);
  // Rows at the place of a fixed row but with other cells: that row changed, unless the fixed row
  // turns up unchanged elsewhere in the file (rows inserted above it).
  const candidates: Array<[RowFix, number]> = [];
  const seen = new Set<string>();
  const settle = (): void => {
    for (const [fix, line] of candidates.splice(0))
      if (!seen.has(fix.key)) {
        problems.push(changedRowWarning(fix, table, line));
        rowFixesReplaced.push(fix);
      }
  };
  const add = (rows: readonly SourceRow[]): void => {
    for (const row of rows) {
      const extra = extraOf(row);
      if (!extra.length && row.cells.every((c) => !c || !c.trim())) continue;
      if (fixed.size) {
        const key = rowKey(row.cells);
        const fix = fixed.get(key);
        if (fix) {
          problems.push(skippedRowNotice(fix, table, row.line));
          seen.add(key);
          continue;
        }
        const moved = fixedHere.get(row.line);
        if (moved) candidates.push([moved, row.line]);
      }
      const rejectedRow = (reasons: Problem[]): RejectedRow => {
        const r: RejectedRow = {
          file: table.file,
          sheet: table.sheet,
          line: row.line,
          headers: table.headers,
          cells: row.cells,
          reasons,
        };
        const at = submittedCol === undefined ? undefined : row.cells[submittedCol];
        const iso = at ? parseTimestamp(at.trim(), order.order) : undefined;
        if (iso) r.submittedAt = iso;
        return r;
      };
      const reject = (reasons: Problem[]): void => void rejected.push(rejectedRow(reasons));
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
      const r = readRow(row.cells, row.line, ctx);
      const p = r.participant;
      if (p) {
        participants.push(p);
        given.push(r.given);
        for (const w of r.warnings) problems.push(w);
        for (const f of r.flags) {
          const item = attentionItem(p.email, p.name, f);
          item.form = form;
          if (p.submittedAt) item.submittedAt = p.submittedAt;
          attention.push(item);
        }
        if (fixCols?.key !== undefined) {
          const fix = rowFixOf(row.cells, fixCols, p.email, table.file, opts.now);
          if (fix) rowFixes.push(fix);
        }
        if (r.pending) pending.set(p, rejectedRow(r.pending));
        for (const ref of r.refs ?? []) refs.push({ ...ref, email: p.email });
      } else reject(r.errors);
    }
  };
  const fixFile = fixCols !== undefined;
  return {
    add,
    settle,
    result: {
      participants,
      given,
      rejected,
      problems,
      attention,
      pending,
      refs,
      fixFile,
      rowFixes,
      rowFixesReplaced,
    },
  };
}

/**
 * The checkbox options with a comma of the topics and interests columns (each role's own column
 * too), learned from every row before any is split.
 */
function listOptions(
  mapping: ColumnMapping,
  column: (col: number) => Iterable<string>,
): { topics?: string[]; interests?: string[] } {
  const out: { topics?: string[]; interests?: string[] } = {};
  for (const field of ['topics', 'interests'] as const) {
    const cols = [
      mapping.fields[field],
      mapping.byRole?.topics?.mentor,
      mapping.byRole?.topics?.mentee,
    ];
    const used = (field === 'topics' ? cols : cols.slice(0, 1)).filter((c) => c !== undefined);
    // One vocabulary per field: mentors' and mentees' questions offer the same options, so a part
    // chosen alone in either column ("Leadership") shows that "Leadership, Career growth" is two.
    const options = learnOptions(concat(used.map(column)));
    if (options.length) out[field] = options;
  }
  return out;
}

/** The row fix a fixed rejected.csv row records (its Source key, file and row). */
function rowFixOf(
  cells: readonly string[],
  cols: { key?: number; file: number; row: number },
  email: string,
  by: string,
  now = new Date(0).toISOString(),
): RowFix | undefined {
  const key = (cells[cols.key!] ?? '').trim();
  if (!/^[0-9a-f]{16}$/.test(key)) return undefined;
  const row = Number((cells[cols.row] ?? '').trim());
  const file = (cells[cols.file] ?? '').trim();
  return { key, email, file, row: Number.isInteger(row) ? row : 0, by, at: now };
}

function* concat(lists: Iterable<string>[]): Generator<string> {
  for (const list of lists) yield* list;
}

/** Non-empty cells beyond the header (SourceRow.extra, filled by the readers). */
function extraOf(row: SourceRow): string[] {
  const extra = (row as SourceRow & { extra?: string[] }).extra;
  return extra ? extra.filter((c) => c !== '') : [];
}
