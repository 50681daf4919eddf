/**
 * Reads one row's cells into a participant, collecting every error (rejects) and warning (keeps).
 */

import type { Location } from '../../errors.js';
import type { AvailabilityWindow, Participant, Problem, Role } from '../types.js';
import {
  AVAILABILITY_EXAMPLE,
  formatAvailability,
  parseAvailability,
} from '../availability/parse.js';
import { convertWindows, splitZone } from '../availability/zone-in-text.js';
import type { FieldName } from './fields.js';
import {
  clipIssue,
  type Issue,
  normaliseEmail,
  parseBoolean,
  parseStatus,
  splitMulti,
} from './normalise.js';
import { parseRole, ROLE_HINT } from './roles.js';
import { parseTimestamp, type DateOrder } from './timestamp.js';
import { resolveTimeZone } from '../timezones/resolve.js';
import type { Flag } from './attention.js';
import { readCapacity as parseCapacity, readLevel as parseLevel } from './read-level-capacity.js';
import { ALL_FIELDS, fieldBit, PENDING_IDENTITY, type MergeField } from './merge.js';
import { pickRoleColumn, type RoleColumns, type RoleField } from './role-columns.js';
import { readReferenceCell, type NameRef } from './name-refs.js';
import { splitWithOptions } from './options.js';

/** Everything about the table that is the same for every row, computed once. */
export interface RowContext {
  file: string;
  sheet?: string;
  col: Partial<Record<FieldName, number>>;
  /** Fields asked of each role in its own column (header-map.ts `byRole`). */
  byRole?: ReadonlyArray<[RoleField, RoleColumns]>;
  headers: string[];
  /** [column index, attribute key] for every column kept under attributes. */
  attributes: Array<[number, string]>;
  dateOrder: DateOrder;
  role?: Role;
  defaultCapacity: number;
  defaultTimezone?: string;
  /** Fields whose unreadable value rejects the row (config `import.rejectOn`). */
  rejectOn: ReadonlySet<string>;
  /** A blank cell clears the stored value (`--replace`) instead of keeping it. */
  replace: boolean;
  /** Level words (config `participants.levelWords`); undefined: the built-in table. */
  levelWords?: Readonly<Record<string, number>>;
  /** Checkbox options with a comma, learned from the file (options.ts), by list field. */
  options: { topics?: string[]; interests?: string[] };
  /** The day whose UTC offsets convert availability written in another zone (program start). */
  reference: Date;
  /** Bits of the fields this file has columns for (`fieldBit`). */
  columns: number;
  /**
   * Per-build caches, one per kind of cell, keyed by cell text: most columns repeat a handful of
   * answers.
   */
  cache: Map<string, Map<string, unknown>>;
}

/**
 * Memoises `fn(text, ctx)` under `kind`; form exports repeat the same answers thousands of times.
 * `fn` is a module-level function, so that a cache hit allocates nothing.
 */
function memo<T>(
  ctx: RowContext,
  kind: string,
  text: string,
  fn: (t: string, ctx: RowContext) => T,
): T {
  let cache = ctx.cache.get(kind);
  if (!cache) ctx.cache.set(kind, (cache = new Map<string, unknown>()));
  let v = cache.get(text) as T | undefined;
  if (v === undefined) {
    v = fn(text, ctx);
    // Free-text columns (unique answers) must not grow the cache without bound.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, v);
  }
  return v;
}

/**
 * A stored copy of a cell's text that does not point into the whole decoded file. Cells are slices
 * of that text, which is two-byte as soon as one name has a character such as "Ł": every slice then
 * pins the 50 MB text and serialises several times slower. A JSON round trip makes a compact copy.
 */
function own(text: string): string {
  return text.length ? (JSON.parse(JSON.stringify(text)) as string) : text;
}

/**
 * `own(text)`, shared by every row with the same answer (departments, cohorts, time zones repeat).
 */
const ownShared = (ctx: RowContext, text: string): string => memo(ctx, 'own', text, ownText);
const ownText = (text: string): string => own(text);

/**
 * The attributes of everyone with none, shared: a null-prototype object costs ~190 bytes, 19 MB
 * over a 100,000-row import. Frozen, so a change meant for one person fails loudly instead of
 * reaching all.
 */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(
  Object.create(null) as Record<string, string>,
);

/**
 * Lists are shared the same way: by everyone whose list is empty, and by everyone who gave the same
 * answer (a language list, an availability text). Each list costs two objects per person otherwise,
 * and it is the number of live objects that makes garbage collection slow on a 100,000-row import.
 */
const NO_ITEMS: string[] = Object.freeze([]) as unknown as string[];

/** `value` frozen, with every element (availability windows are objects). */
function frozen<T>(value: T[]): T[] {
  for (const v of value) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(value) as T[];
}

/** Fields that hold one line of text (lists such as topics keep splitting on line breaks). */
const SINGLE_LINE = new Set<FieldName>([
  'email',
  'name',
  'firstName',
  'lastName',
  'department',
  'title',
  'cohort',
  'timezone',
  'managerEmail',
  'level',
  'capacity',
  'status',
  'role',
]);
const CONTROL = /[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g;
const HAS_CONTROL = /[\u0000-\u001F\u007F\u0085\u2028\u2029]/;

/** What readRow makes of one row. */
export interface RowResult {
  /** Undefined when `errors` is not empty. */
  participant?: Participant;
  errors: Problem[];
  warnings: Problem[];
  /** Values that could not be read: the person is kept with the field empty. */
  flags: Flag[];
  /**
   * The fields the row gives (`fieldBit` mask), with PENDING_IDENTITY when it lacks a name or a
   * role: it then updates a stored person but cannot add one (`pending` holds why).
   */
  given: number;
  pending?: Problem[];
  /** Preference/avoid answers naming people without an email, resolved after every file. */
  refs?: Array<Omit<NameRef, 'email'>>;
}

/** The bits of every mapped column's field (first and last name count as name). */
export function columnBits(col: Partial<Record<FieldName, number>>, attributes: number): number {
  let bits = attributes ? fieldBit('attributes') : 0;
  for (const f of Object.keys(col) as FieldName[]) {
    if (col[f] === undefined) continue;
    const m = f === 'firstName' || f === 'lastName' ? 'name' : f;
    if (m !== 'email') bits |= fieldBit(m);
  }
  return bits;
}

/** Identity problems that reject only a new person: an existing one is named by email alone. */
const IDENTITY = new Set(['name-missing', 'role-missing']);

/** Reads one row; `participant` is undefined when `errors` is not empty. */
export function readRow(cells: string[], line: number, ctx: RowContext): RowResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const flags: Flag[] = [];
  // Fields given by a non-blank, readable cell (or, with --replace, by the column itself).
  let given = ctx.replace ? ctx.columns & ~(fieldBit('name') | fieldBit('role')) : 0;
  // The row's own columns: a role's own question replaces the shared one (set once the role is
  // known).
  let col = ctx.col;
  // perf: each field's cell cleaned once per row; the checks and the original-text record read it
  //   again (bench/import.mjs).
  const seen: Array<string | undefined> = new Array<string | undefined>(cells.length);
  const cell = (f: FieldName): string => {
    const i = col[f];
    if (i === undefined) return '';
    // By column: a column feeds one field (a role's own question is another column).
    const known = seen[i];
    if (known !== undefined) return known;
    const raw = cells[i] ?? '';
    // One-line fields never keep line breaks or control characters: they would split exports and
    // calendar text.
    const text = (
      SINGLE_LINE.has(f) && HAS_CONTROL.test(raw) ? raw.replace(CONTROL, ' ') : raw
    ).trim();
    seen[i] = text;
    return text;
  };
  const where = (f?: FieldName): Location => {
    const i = f === undefined ? undefined : col[f];
    return {
      file: ctx.file,
      sheet: ctx.sheet,
      row: line,
      column: i === undefined ? undefined : ctx.headers[i],
    };
  };
  const err = (f: FieldName | undefined, issue: Issue): void =>
    void errors.push({ severity: 'error', ...clipIssue(issue), location: where(f) });
  const warn = (f: FieldName | undefined, issue: Issue): void =>
    void warnings.push({ severity: 'warning', ...clipIssue(issue), location: where(f) });
  // An unreadable optional value keeps the person and flags the field, unless config says reject.
  const flag = (f: FieldName & MergeField, text: string, issue: Issue): void => {
    if (ctx.rejectOn.has(f)) return err(f, issue);
    given &= ~fieldBit(f);
    const problem = { severity: 'warning' as const, ...clipIssue(issue), location: where(f) };
    flags.push({ field: f, text, problem });
  };
  const has = (f: FieldName & MergeField, text: string): void => {
    if (text) given |= fieldBit(f);
  };

  const emailText = cell('email');
  const email = emailText ? normaliseEmail(emailText) : {};
  if (!emailText)
    err('email', {
      code: 'email-missing',
      message: 'email is empty',
      hint: 'Fill in the email address; it identifies the person across imports',
    });
  else if (email.error) err('email', email.error);

  const name = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  has('name', name);
  if (!name)
    err(ctx.col.name === undefined ? 'firstName' : 'name', {
      code: 'name-missing',
      message: 'name is empty',
      hint: "Fill in the person's name",
    });

  const roleText = cell('role');
  let role: Role | undefined = ctx.role;
  if (roleText) {
    const parsed = memo(ctx, 'role', roleText, readRole);
    if (parsed.error) err('role', parsed.error);
    else {
      if (ctx.role && parsed.value !== ctx.role) {
        warn('role', {
          code: 'role-conflict',
          message: `role "${roleText}" differs from --role ${ctx.role}; kept ${parsed.value} from the row`,
          hint: 'Correct the cell or import this file without --role',
        });
      }
      role = parsed.value;
      given |= fieldBit('role');
    }
  } else if (!role) {
    err('role', {
      code: 'role-missing',
      message: 'role is empty',
      hint: `${ROLE_HINT}, or import the file with --role mentor or --role mentee`,
    });
  }
  if (ctx.byRole) col = roleColumns(cells, role, ctx, warnings, line);

  let capacity: number | undefined;
  // Without a role (a partial file updating stored people) the capacity is read as well.
  if (role === 'mentor' || role === 'both' || !role) {
    const capText = cell('capacity');
    has('capacity', capText);
    const parsed = memo(ctx, 'capacity', capText, readCapacity);
    if (parsed.warning) warn('capacity', parsed.warning);
    if (parsed.error) {
      flag('capacity', capText, parsed.error);
      capacity = role ? ctx.defaultCapacity : undefined;
    } else capacity = role || capText ? parsed.value : undefined;
  }

  const tzText = cell('timezone');
  has('timezone', tzText);
  let tz = resolveTimeZone(tzText, ctx.defaultTimezone);
  if (tz.error) {
    flag('timezone', tzText, {
      code: tz.code ?? 'timezone-invalid',
      message: tz.error,
      hint: tz.hint,
    });
    tz = resolveTimeZone('', ctx.defaultTimezone);
  } else if (tz.warning)
    warn('timezone', { code: tz.code ?? 'timezone-warning', message: tz.warning, hint: tz.hint });

  const availText = cell('availability');
  has('availability', availText);
  const avail = memo(ctx, 'availability', availText, readAvailability);
  let windows = avail.windows;
  if (avail.zone && windows.length && tz.tz && avail.zone !== tz.tz) {
    // Written in another zone than the person's own ("9-11am EST" from London): their wall clock.
    windows = frozen(convertWindows(windows, avail.zone, tz.tz, ctx.reference));
    warn('availability', {
      code: 'availability-zone-converted',
      message: `availability "${availText}" is written in ${avail.zone}, not ${tz.tz}; converted to ${formatAvailability(windows)} ${tz.tz} time`,
      hint: 'Check the time-zone column, or write the times in the person’s own zone',
    });
  }
  if (avail.notice)
    warn('availability', {
      code: 'availability-partly-read',
      message: avail.notice,
      hint: 'Check the windows with `mentor-cli participants --json`; fix with `mentor-cli set`',
    });
  if (avail.error)
    flag('availability', availText, {
      code: 'availability-invalid',
      message: `availability "${availText}" could not be read`,
      hint: `Write it like ${AVAILABILITY_EXAMPLE}`,
    });

  const levelText = cell('level');
  has('level', levelText);
  const level = memo(ctx, 'level', levelText, readLevel);
  if (level.error) flag('level', levelText, level.error);

  let refs: RowResult['refs'];
  const emails = (f: 'preferences' | 'avoid'): string[] => {
    const read = readReferenceCell(cell(f), f);
    for (const issue of read.invalid) warn(f, issue);
    for (const text of read.names) (refs ??= []).push({ field: f, text, location: where(f) });
    return read.emails.length ? read.emails.map(own) : NO_ITEMS;
  };
  const preferences = emails('preferences');
  const avoid = emails('avoid');
  has('preferences', cell('preferences'));
  has('avoid', cell('avoid'));
  let managerEmail: string | undefined;
  has('managerEmail', cell('managerEmail'));
  if (cell('managerEmail')) {
    const m = normaliseEmail(cell('managerEmail'));
    if (m.value) managerEmail = own(m.value);
    else
      warn('managerEmail', {
        code: 'manager-email-invalid',
        message: `manager email "${cell('managerEmail')}" is not a valid email address; ignored`,
        hint: 'Correct it to the form name@example.com',
      });
  }
  const trainingText = cell('trainingCompleted');
  has('trainingCompleted', trainingText);
  const training = memo(ctx, 'training', trainingText, readTraining);
  if (training.warning) flag('trainingCompleted', trainingText, training.warning);
  const statusText = cell('status');
  has('status', statusText);
  const status = memo(ctx, 'status', statusText, readStatus);
  if (status.warning) flag('status', statusText, status.warning);
  const submittedText = cell('submittedAt');
  has('submittedAt', submittedText);
  const submittedAt = parseTimestamp(submittedText, ctx.dateOrder);
  if (submittedText && !submittedAt) {
    flag('submittedAt', submittedText, {
      code: 'submitted-at-invalid',
      message: `timestamp "${submittedText}" could not be read; ignored`,
      hint: 'Use a date and time such as 2026-01-05 09:14',
    });
  }
  for (const f of ['department', 'title', 'goals', 'cohort', 'languages'] as const) has(f, cell(f));
  has('topics', cell('topics'));
  has('interests', cell('interests'));

  // Missing name or role rejects only a new person; a stored one is updated by email (the merge
  // decides, once the stored roster is read).
  let pending: Problem[] | undefined;
  if (errors.length && email.value && errors.every((e) => IDENTITY.has(e.code))) {
    pending = errors.splice(0);
    given |= PENDING_IDENTITY;
    given &= ~(fieldBit('name') | fieldBit('role'));
  }
  if (errors.length || !email.value) return { errors, warnings, flags, given };
  role ??= 'mentee';
  let attributes = NO_ATTRIBUTES;
  for (const [i, key] of ctx.attributes) {
    const v = (cells[i] ?? '').trim();
    if (!v) continue;
    given |= fieldBit('attributes');
    if (attributes === NO_ATTRIBUTES) attributes = Object.create(null) as Record<string, string>;
    attributes[key] = ownShared(ctx, v);
  }
  const p: Participant = {
    email: own(email.value),
    // perf: names are unique, so sharing them only churns the cache (bench/import.mjs).
    name: own(name),
    role,
    languages: list(ctx, 'languages', cell('languages')),
    topics: list(ctx, 'topics', cell('topics')),
    interests: list(ctx, 'interests', cell('interests')),
    availability: windows,
    preferences,
    avoid,
    status: status.value ?? 'active',
    attributes,
    source:
      ctx.sheet === undefined
        ? { file: ctx.file, row: line }
        : { file: ctx.file, sheet: ctx.sheet, row: line },
  };
  // Optional fields are only set when present, so stored JSON and comparisons carry no undefined
  // keys.
  const department = cell('department');
  const title = cell('title');
  const goals = cell('goals');
  const cohort = cell('cohort');
  if (department) p.department = ownShared(ctx, department);
  if (title) p.title = ownShared(ctx, title);
  if (level.value !== undefined) p.level = level.value;
  if (managerEmail !== undefined) p.managerEmail = managerEmail;
  if (tz.tz !== undefined) p.timezone = ownShared(ctx, tz.tz);
  if (goals) p.goals = ownShared(ctx, goals);
  if (capacity !== undefined) p.capacity = capacity;
  if (cohort) p.cohort = ownShared(ctx, cohort);
  if (training.value !== undefined) p.trainingCompleted = training.value;
  if (submittedAt !== undefined) p.submittedAt = submittedAt;
  const typed = originalText(p, col, cell, ctx);
  if (typed) p.source!.text = typed;
  // Every column filled and readable: the record replaces the stored one outright (a fast merge).
  if (given === ctx.columns && ctx.columns === ALL_FIELDS) given = ALL_FIELDS;
  return { participant: p, errors, warnings, flags, given, pending, refs };
}

/** Fields whose stored value may differ from what was typed (text fields are kept as typed). */
const NORMALISED: readonly FieldName[] = [
  'email',
  'role',
  'level',
  'managerEmail',
  'timezone',
  'languages',
  'topics',
  'interests',
  'capacity',
  'availability',
  'preferences',
  'avoid',
  'trainingCompleted',
  'status',
  'submittedAt',
];

/**
 * Each mapped cell's text as typed, where the stored value does not show it as it was ("after
 * 3pm", "Senior (L5)", "Londn"), so normalising loses nothing a participant wrote.
 */
function originalText(
  p: Participant,
  col: Partial<Record<FieldName, number>>,
  cell: (f: FieldName) => string,
  ctx: RowContext,
): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  const stored = p as unknown as Record<string, unknown>;
  for (const f of NORMALISED) {
    if (col[f] === undefined) continue;
    const text = cell(f);
    if (!text) continue;
    if (showsAs(stored[f], text)) continue;
    out ??= Object.create(null) as Record<string, string>;
    // perf: timestamps are unique, so sharing them only churns the cache (bench/import.mjs).
    out[f] = f === 'submittedAt' ? own(text) : ownShared(ctx, text);
  }
  return out;
}

/**
 * Whether the stored value `v` reads exactly as `text` (a list joined with ", "); without building
 * the joined text (perf: bench/import.mjs, one call per mapped cell).
 */
function showsAs(v: unknown, text: string): boolean {
  if (typeof v === 'string') return v === text;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v) === text;
  if (!Array.isArray(v) || !v.length || typeof v[0] !== 'string') return false;
  let at = 0;
  for (let k = 0; k < v.length; k++) {
    if (k) {
      if (!text.startsWith(', ', at)) return false;
      at += 2;
    }
    const item = v[k] as string;
    if (!text.startsWith(item, at)) return false;
    at += item.length;
  }
  return at === text.length;
}

/**
 * The columns a row of `role` reads: for each field asked of each role separately, its role's own
 * question (see pickRoleColumn); a warning when it answered the other role's one as well or instead.
 */
function roleColumns(
  cells: string[],
  role: Role | undefined,
  ctx: RowContext,
  warnings: Problem[],
  line: number,
): Partial<Record<FieldName, number>> {
  const col = { ...ctx.col };
  const filled = (i: number) => Boolean(cells[i]?.trim());
  for (const [field, cols] of ctx.byRole ?? []) {
    const pick = pickRoleColumn(cols, ctx.col[field], role, filled);
    if (pick.col === undefined) continue;
    col[field] = pick.col;
    const other = pick.ignored ?? (pick.fromOther ? pick.col : undefined);
    if (other === undefined || !role) continue;
    const own = role === 'mentee' ? cols.mentee : cols.mentor;
    const ownHeader = own === undefined ? '' : ` ("${ctx.headers[own]}")`;
    warnings.push({
      severity: 'warning',
      code: 'role-question-other',
      location: { file: ctx.file, sheet: ctx.sheet, row: line, column: ctx.headers[other] },
      message: pick.fromOther
        ? `${field}: this ${role} left the ${role}s' question${ownHeader} blank and answered the other role's; that answer is used`
        : `${field}: this ${role} answered both roles' questions; the ${role}s' answer${ownHeader} is used`,
      hint: "Check the row's role, or clear the answer that does not apply",
    });
  }
  return col;
}

/**
 * A multi-value cell split once per distinct text; everyone with the same text shares the (frozen)
 * list.
 */
function list(
  ctx: RowContext,
  field: 'languages' | 'topics' | 'interests',
  text: string,
): string[] {
  if (!text) return NO_ITEMS;
  const read =
    field === 'languages' ? readLanguages : field === 'topics' ? readTopics : readInterests;
  return memo(ctx, field, text, read);
}

// The cell readers memo calls on a cache miss.
const readRole = (t: string) => parseRole(t);
const readCapacity = (t: string, ctx: RowContext) => parseCapacity(t, ctx.defaultCapacity);
const readLevel = (t: string, ctx: RowContext) => parseLevel(t, ctx.levelWords);
const readTraining = (t: string) => parseBoolean(t, 'training completed');
const readStatus = (t: string) => parseStatus(t);
const readAvailability = (t: string) => {
  const inText = splitZone(t);
  const parsed = parseAvailability(inText.zone && inText.text ? inText.text : t);
  return {
    ...parsed,
    zone: parsed.error ? undefined : inText.zone,
    windows: parsed.windows.length
      ? frozen(parsed.windows)
      : (NO_ITEMS as unknown as AvailabilityWindow[]),
  };
};
const itemsOf = (t: string, slash: boolean): string[] => {
  const items = splitMulti(t, slash).map(own);
  return items.length ? frozen(items) : NO_ITEMS;
};
// Languages are single words: "German/English", "English & French", "Spanish and Portuguese".
const LANGUAGE_SEPARATOR = /\s*(?:\/|&|\+|\band\b)\s*/gi;
const readLanguages = (t: string) => itemsOf(t.replace(LANGUAGE_SEPARATOR, ', '), true);
const listOf = (items: string[]): string[] => {
  const owned = items.map(own);
  return owned.length ? frozen(owned) : NO_ITEMS;
};
const readTopics = (t: string, ctx: RowContext) =>
  ctx.options.topics ? listOf(splitWithOptions(t, ctx.options.topics)) : itemsOf(t, false);
const readInterests = (t: string, ctx: RowContext) =>
  ctx.options.interests ? listOf(splitWithOptions(t, ctx.options.interests)) : itemsOf(t, false);
