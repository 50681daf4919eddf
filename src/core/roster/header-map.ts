/** Maps spreadsheet headers (or whole form questions) to participant fields. */

import { UsageError } from '../../errors.js';
import type { Problem } from '../types.js';
import { FIELD_RULES } from './header-rules.js';
import { PROFILE_FIELDS, type FieldName } from './fields.js';
import { foldText } from './text.js';
import { isRoleField, roleQualifier, type RoleColumns, type RoleField } from './role-columns.js';

/** Every field a column can be mapped to, in documentation order. */
export const PARTICIPANT_FIELDS: readonly FieldName[] = [
  'email',
  'name',
  'firstName',
  'lastName',
  ...PROFILE_FIELDS.filter((f) => f !== 'name'),
  'submittedAt',
];

/**
 * Which column feeds which field; columns mapped to no field are kept under attributes or ignored.
 */
export interface ColumnMapping {
  fields: Partial<Record<FieldName, number>>;
  attributes: number[];
  ignored: number[];
  /** Fields asked of each role in its own column; a row reads its role's column. */
  byRole?: Partial<Record<RoleField, RoleColumns>>;
  /** Columns mapped by a guess from their header's words (not an exact name, --map or saved). */
  guessed?: number[];
}

/** Every field the mapping fills, a field asked of each role included (at one of its columns). */
export function mappedFields(mapping: ColumnMapping): Partial<Record<FieldName, number>> {
  if (!mapping.byRole) return mapping.fields;
  const out = { ...mapping.fields };
  for (const [f, cols] of Object.entries(mapping.byRole) as Array<[RoleField, RoleColumns]>)
    out[f] ??= cols.mentor ?? cols.mentee;
  return out;
}

/** How a file's columns were read, for the summary: the guesses, each role's own, the rest. */
export interface ColumnNotes {
  /** Columns mapped by a guess from their header's words: check these. */
  guessed: Array<{ header: string; field: string }>;
  /** A role's own question: used for the rows of that role. */
  byRole: Array<{ header: string; field: string; role: 'mentor' | 'mentee' }>;
  /** Columns mapped to no field, kept under attributes. */
  attributes: string[];
}

/** The notes of `mapping` over `headers`. */
export function describeColumns(headers: readonly string[], mapping: ColumnMapping): ColumnNotes {
  const sideOf = new Map<number, { field: string; role: 'mentor' | 'mentee' }>();
  for (const [field, cols] of Object.entries<RoleColumns>(mapping.byRole ?? {}))
    for (const role of ['mentor', 'mentee'] as const)
      if (cols[role] !== undefined) sideOf.set(cols[role], { field, role });
  const fieldOf = new Map<number, string>();
  for (const [field, col] of Object.entries(mapping.fields)) fieldOf.set(col, field);
  const byRole = [...sideOf]
    .sort((a, b) => a[0] - b[0])
    .map(([col, s]) => ({ header: headers[col] ?? '', ...s }));
  const guessed = (mapping.guessed ?? [])
    .filter((col) => fieldOf.has(col))
    .map((col) => ({ header: headers[col] ?? '', field: fieldOf.get(col)! }));
  const attributes = mapping.attributes.map((c) => headers[c] ?? '').filter((h) => h.trim());
  return { guessed, byRole, attributes };
}

type Target = FieldName | 'ignore' | 'attribute';
type Side = 'mentor' | 'mentee';

const FIELD_BY_KEY = new Map<string, Target>(
  [...PARTICIPANT_FIELDS, 'ignore', 'attribute'].map((f) => [f.toLowerCase(), f as Target]),
);
FIELD_BY_KEY.set('attributes', 'attribute');

/** Scores how well `header` names `field` (0 = not at all, 100 = outright). */
function scoreHeader(header: string, field: FieldName): number {
  const folded = foldText(header);
  const rule = FIELD_RULES[field];
  if (rule.exact.includes(folded)) return 100;
  const tokens = new Set(folded.split(' '));
  const lifted = rule.unless?.if.some((w) => tokens.has(w)) ? rule.unless.lifts : [];
  if (rule.not?.some((w) => tokens.has(w) && !lifted.includes(w))) return 0;
  let best = 0;
  for (const [phrase, score] of rule.phrases) {
    if (score > best && phrase.split(' ').every((w) => tokens.has(w))) best = score;
  }
  return best;
}

/** A --map or saved field, with an optional role: "topics:mentor" is the mentors' topics. */
function resolveSided(field: string): { target?: Target; side?: Side } {
  const m = /^(.*?)\s*[:@]\s*(mentors?|mentees?)\s*$/i.exec(field);
  if (!m) return { target: resolveTarget(field) };
  const target = resolveTarget(m[1]);
  if (!target || !isRoleField(target)) return {};
  return { target, side: m[2].toLowerCase().startsWith('mentor') ? 'mentor' : 'mentee' };
}

function resolveTarget(field: string): Target | undefined {
  return (
    FIELD_BY_KEY.get(
      field
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ''),
    ) ?? FIELD_BY_KEY.get(field.trim().toLowerCase())
  );
}

/** Auto-maps headers; --map overrides win over a saved mapping, which wins over the guesses. */
export function mapHeaders(
  headers: string[],
  overrides: Array<{ header: string; field: string }> = [],
  saved?: Record<string, string>,
  samples: readonly (readonly string[])[] = [],
): {
  mapping: ColumnMapping;
  unmapped: string[];
  missingRequired: FieldName[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const m: MapState = {
    targets: new Array<Target | undefined>(headers.length).fill(undefined),
    sides: new Array<Side | undefined>(headers.length).fill(undefined),
    guessed: [],
  };
  const { targets, sides } = m;
  const keys = headers.map((h) => foldText(h));
  const assign = (col: number, target: Target, side?: Side): void => {
    if (target !== 'ignore' && target !== 'attribute') {
      const prev = targets.findIndex((t, i) => t === target && sides[i] === side);
      if (prev !== -1) targets[prev] = 'attribute';
    }
    targets[col] = target;
    sides[col] = side;
  };
  if (saved) {
    for (const [header, field] of Object.entries(saved)) {
      const col = headers.indexOf(header);
      const { target, side } = resolveSided(field);
      if (col !== -1 && target && targets[col] === undefined) assign(col, target, side);
    }
  }
  for (const { header, field } of overrides) {
    const key = foldText(header);
    const col = keys.findIndex((k) => k === key);
    const { target, side } = resolveSided(field);
    if (col === -1) {
      problems.push({
        severity: 'error',
        code: 'map-unknown-header',
        message: `--map names header "${header}", which is not in the file`,
        hint: `Use one of: ${headers
          .filter((h) => h.trim())
          .map((h) => `"${h}"`)
          .join(', ')}`,
      });
    } else if (!target) {
      problems.push({
        severity: 'error',
        code: 'map-unknown-field',
        message: `--map "${header}=${field}" names an unknown field "${field}"`,
        hint: `Use one of: ${PARTICIPANT_FIELDS.join(', ')}, ignore, attribute (topics:mentor for the mentors' question)`,
      });
    } else {
      assign(col, target, side);
    }
  }
  autoMap(headers, m, numericColumns(headers.length, samples));
  return summarise(headers, m, problems);
}

/** The columns being mapped: a target and (for a role's own question) a role per column. */
interface MapState {
  targets: Array<Target | undefined>;
  sides: Array<Side | undefined>;
  guessed: number[];
}

/** A score under this is a guess the summary lists for checking ("join as" -> role). */
const GUESS_BELOW = 80;

/** Fields a column of numbers never holds (a "Chars in name" helper column is not the name). */
const NOT_NUMERIC = new Set<FieldName>(['email', 'name', 'firstName', 'lastName']);

/** Columns whose sampled values are all numbers. */
function numericColumns(width: number, samples: readonly (readonly string[])[]): Set<number> {
  const out = new Set<number>();
  for (let col = 0; col < width; col++) {
    let numbers = 0;
    let other = 0;
    for (const row of samples) {
      const v = (row[col] ?? '').trim();
      if (!v) continue;
      if (/^[-+]?\d+(?:[.,]\d+)?$/.test(v)) numbers++;
      else other++;
    }
    if (numbers > 0 && other === 0) out.add(col);
  }
  return out;
}

/**
 * Guesses the still-unmapped columns: best score first, each field to one column at most (one per
 * role for a role's own question, see role-columns.ts).
 */
function autoMap(headers: string[], m: MapState, numeric: ReadonlySet<number>): void {
  const keyOf = (field: string, side: Side | undefined) => (side ? `${field}:${side}` : field);
  const taken = new Set<string>();
  m.targets.forEach((t, i) => t !== undefined && taken.add(keyOf(t, m.sides[i])));
  const candidates: Array<{ col: number; field: FieldName; side?: Side; score: number }> = [];
  headers.forEach((header, col) => {
    if (m.targets[col] !== undefined || !header.trim()) return;
    const q = roleQualifier(header);
    for (const field of PARTICIPANT_FIELDS) {
      const side = q && isRoleField(field) ? q.role : undefined;
      if (taken.has(keyOf(field, side))) continue;
      if (numeric.has(col) && NOT_NUMERIC.has(field)) continue;
      // The words that name a role are left out: "(mentors)" must not rule out topics.
      const score = Math.max(scoreHeader(header, field), q ? scoreHeader(q.rest, field) : 0);
      if (score > 0) candidates.push({ col, field, side, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const c of candidates) {
    const key = keyOf(c.field, c.side);
    if (m.targets[c.col] !== undefined || taken.has(key)) continue;
    m.targets[c.col] = c.field;
    m.sides[c.col] = c.side;
    if (c.score < GUESS_BELOW) m.guessed.push(c.col);
    taken.add(key);
  }
}

function summarise(headers: string[], m: MapState, problems: Problem[]) {
  const mapping: ColumnMapping = {
    fields: Object.create(null) as ColumnMapping['fields'],
    attributes: [],
    ignored: [],
  };
  const unmapped: string[] = [];
  const byRole: Partial<Record<RoleField, RoleColumns>> = {};
  m.targets.forEach((t, col) => {
    const side = m.sides[col];
    if (t === 'ignore') mapping.ignored.push(col);
    else if (t === undefined || t === 'attribute') {
      mapping.attributes.push(col);
      if (t === undefined && headers[col].trim()) unmapped.push(headers[col]);
    } else if (side && isRoleField(t)) (byRole[t] ??= {})[side] = col;
    else mapping.fields[t] = col;
  });
  if (Object.keys(byRole).length) mapping.byRole = byRole;
  if (m.guessed.length) mapping.guessed = [...m.guessed].sort((a, b) => a - b);
  const f = mapping.fields;
  const missingRequired: FieldName[] = [];
  if (f.email === undefined) missingRequired.push('email');
  if (f.name === undefined && f.firstName === undefined) missingRequired.push('name');
  if (f.role === undefined) missingRequired.push('role');
  return { mapping, unmapped, missingRequired, problems };
}

/**
 * A stable signature of a header row (FNV-1a, 2 x 32 bits) to recognise "the same form" next time.
 */
export function formSignature(headers: string[]): string {
  const text = headers.map((h) => foldText(h)).join('\u001f');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The mapping as header text -> field ("attribute"/"ignore" for the rest), to save for next time.
 */
export function mappingToSaved(headers: string[], mapping: ColumnMapping): Record<string, string> {
  const saved: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [field, col] of Object.entries(mapping.fields)) {
    if (col !== undefined && headers[col] !== undefined) saved[headers[col]] = field;
  }
  for (const [field, cols] of Object.entries(mapping.byRole ?? {}))
    for (const [side, col] of Object.entries(cols))
      if (headers[col] !== undefined) saved[headers[col]] = `${field}:${side}`;
  for (const col of mapping.attributes)
    if (headers[col] && !(headers[col] in saved)) saved[headers[col]] = 'attribute';
  for (const col of mapping.ignored)
    if (headers[col] && !(headers[col] in saved)) saved[headers[col]] = 'ignore';
  return saved;
}

/** Parses --map "Header=field" values; a malformed one is a usage error. */
export function parseMapFlags(values: string[]): Array<{ header: string; field: string }> {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    const header = at === -1 ? '' : value.slice(0, at).trim();
    const field = at === -1 ? '' : value.slice(at + 1).trim();
    if (!header || !field) {
      throw new UsageError(
        `--map "${value}" is not of the form "Header=field"`,
        'Write it like --map "Work email=email"',
      );
    }
    return { header, field };
  });
}
