/**
 * Reads one row's cells into a participant, collecting every error (rejects) and warning (keeps).
 */

import type { Location } from '../../errors.js';
import type { AvailabilityWindow, Participant, Problem, Role } from '../types.js';
import { AVAILABILITY_EXAMPLE, parseAvailability } from '../availability/parse.js';
import type { FieldName } from './fields.js';
import {
  type Issue,
  normaliseEmail,
  parseBoolean,
  parseCapacity,
  parseLevel,
  parseStatus,
  splitMulti,
} from './normalise.js';
import { parseRole, ROLE_HINT } from './roles.js';
import { parseTimestamp, type DateOrder } from './timestamp.js';
import { resolveTimeZone } from '../timezones/resolve.js';

/** Everything about the table that is the same for every row, computed once. */
export interface RowContext {
  file: string;
  sheet?: string;
  col: Partial<Record<FieldName, number>>;
  headers: string[];
  /** [column index, attribute key] for every column kept under attributes. */
  attributes: Array<[number, string]>;
  dateOrder: DateOrder;
  role?: Role;
  defaultCapacity: number;
  defaultTimezone?: string;
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

/** Reads one row; `participant` is undefined when `errors` is not empty. */
export function readRow(
  cells: string[],
  line: number,
  ctx: RowContext,
): { participant?: Participant; errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const cell = (f: FieldName): string => {
    const i = ctx.col[f];
    if (i === undefined) return '';
    const raw = cells[i] ?? '';
    // One-line fields never keep line breaks or control characters: they would split exports and
    // calendar text.
    return (SINGLE_LINE.has(f) && HAS_CONTROL.test(raw) ? raw.replace(CONTROL, ' ') : raw).trim();
  };
  const where = (f?: FieldName): Location => {
    const i = f === undefined ? undefined : ctx.col[f];
    return {
      file: ctx.file,
      sheet: ctx.sheet,
      row: line,
      column: i === undefined ? undefined : ctx.headers[i],
    };
  };
  const err = (f: FieldName | undefined, issue: Issue): void =>
    void errors.push({ severity: 'error', ...issue, location: where(f) });
  const warn = (f: FieldName | undefined, issue: Issue): void =>
    void warnings.push({ severity: 'warning', ...issue, location: where(f) });

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
    }
  } else if (!role) {
    err('role', {
      code: 'role-missing',
      message: 'role is empty',
      hint: `${ROLE_HINT}, or import the file with --role mentor or --role mentee`,
    });
  }

  let capacity: number | undefined;
  if (role === 'mentor' || role === 'both') {
    const parsed = memo(ctx, 'capacity', cell('capacity'), readCapacity);
    if (parsed.error) err('capacity', parsed.error);
    capacity = parsed.value;
  }

  const tz = resolveTimeZone(cell('timezone'), ctx.defaultTimezone);
  if (tz.error)
    err('timezone', { code: tz.code ?? 'timezone-invalid', message: tz.error, hint: tz.hint });
  else if (tz.warning)
    warn('timezone', { code: tz.code ?? 'timezone-warning', message: tz.warning, hint: tz.hint });

  const availText = cell('availability');
  const avail = memo(ctx, 'availability', availText, readAvailability);
  if (avail.error)
    err('availability', {
      code: 'availability-invalid',
      message: `availability "${availText}" could not be read`,
      hint: `Write it like ${AVAILABILITY_EXAMPLE}`,
    });

  const level = memo(ctx, 'level', cell('level'), readLevel);
  if (level.error) err('level', level.error);

  const emails = (f: 'preferences' | 'avoid'): string[] => {
    const out: string[] = [];
    for (const item of splitMulti(cell(f))) {
      const e = normaliseEmail(item);
      if (e.value) {
        if (!out.includes(e.value)) out.push(own(e.value));
      } else
        warn(f, {
          code: `${f === 'avoid' ? 'avoid' : 'preference'}-invalid`,
          message: `${f} "${item}" is not an email address; ignored`,
          hint: 'List people by their email address, separated by commas',
        });
    }
    return out.length ? out : NO_ITEMS;
  };
  const preferences = emails('preferences');
  const avoid = emails('avoid');
  let managerEmail: string | undefined;
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
  const training = memo(ctx, 'training', cell('trainingCompleted'), readTraining);
  if (training.warning) warn('trainingCompleted', training.warning);
  const status = memo(ctx, 'status', cell('status'), readStatus);
  if (status.warning) warn('status', status.warning);
  const submittedText = cell('submittedAt');
  const submittedAt = parseTimestamp(submittedText, ctx.dateOrder);
  if (submittedText && !submittedAt) {
    warn('submittedAt', {
      code: 'submitted-at-invalid',
      message: `timestamp "${submittedText}" could not be read; ignored`,
      hint: 'Use a date and time such as 2026-01-05 09:14',
    });
  }

  if (errors.length || !email.value || !role) return { errors, warnings };
  let attributes = NO_ATTRIBUTES;
  for (const [i, key] of ctx.attributes) {
    const v = (cells[i] ?? '').trim();
    if (!v) continue;
    if (attributes === NO_ATTRIBUTES) attributes = Object.create(null) as Record<string, string>;
    attributes[key] = ownShared(ctx, v);
  }
  const p: Participant = {
    email: own(email.value),
    name: ownShared(ctx, name),
    role,
    languages: list(ctx, 'languages', cell('languages')),
    topics: list(ctx, 'topics', cell('topics')),
    interests: list(ctx, 'interests', cell('interests')),
    availability: avail.windows,
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
  return { participant: p, errors, warnings };
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
  return memo(ctx, field, text, field === 'languages' ? readLanguages : readItems);
}

// The cell readers memo calls on a cache miss.
const readRole = (t: string) => parseRole(t);
const readCapacity = (t: string, ctx: RowContext) => parseCapacity(t, ctx.defaultCapacity);
const readLevel = (t: string) => parseLevel(t);
const readTraining = (t: string) => parseBoolean(t, 'training completed');
const readStatus = (t: string) => parseStatus(t);
const readAvailability = (t: string) => {
  const parsed = parseAvailability(t);
  return {
    ...parsed,
    windows: parsed.windows.length
      ? frozen(parsed.windows)
      : (NO_ITEMS as unknown as AvailabilityWindow[]),
  };
};
const itemsOf = (t: string, slash: boolean): string[] => {
  const items = splitMulti(t, slash).map(own);
  return items.length ? frozen(items) : NO_ITEMS;
};
const readLanguages = (t: string) => itemsOf(t, true);
const readItems = (t: string) => itemsOf(t, false);
