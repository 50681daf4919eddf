/** Maps spreadsheet headers (or whole form questions) to participant fields. */

import { UsageError } from '../../errors.js';
import type { Problem } from '../types.js';
import { FIELD_RULES } from './header-rules.js';
import type { FieldName } from './fields.js';
import { foldText } from './text.js';

/** Every field a column can be mapped to, in documentation order. */
export const PARTICIPANT_FIELDS: readonly FieldName[] = [
  'email',
  'name',
  'firstName',
  'lastName',
  'role',
  'department',
  'title',
  'level',
  'managerEmail',
  'timezone',
  'languages',
  'topics',
  'interests',
  'goals',
  'capacity',
  'availability',
  'preferences',
  'avoid',
  'cohort',
  'trainingCompleted',
  'status',
  'submittedAt',
];

/**
 * Which column feeds which field; columns mapped to no field are kept under attributes or ignored.
 */
export interface ColumnMapping {
  fields: Partial<Record<FieldName, number>>;
  attributes: number[];
  ignored: number[];
}

type Target = FieldName | 'ignore' | 'attribute';

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
  if (rule.not?.some((w) => tokens.has(w))) return 0;
  let best = 0;
  for (const [phrase, score] of rule.phrases) {
    if (score > best && phrase.split(' ').every((w) => tokens.has(w))) best = score;
  }
  return best;
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
): {
  mapping: ColumnMapping;
  unmapped: string[];
  missingRequired: FieldName[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const targets: Array<Target | undefined> = new Array<Target | undefined>(headers.length).fill(
    undefined,
  );
  const keys = headers.map((h) => foldText(h));
  const assign = (col: number, target: Target): void => {
    if (target !== 'ignore' && target !== 'attribute') {
      const prev = targets.indexOf(target);
      if (prev !== -1) targets[prev] = 'attribute';
    }
    targets[col] = target;
  };
  if (saved) {
    for (const [header, field] of Object.entries(saved)) {
      const col = headers.indexOf(header);
      const target = resolveTarget(field);
      if (col !== -1 && target && targets[col] === undefined) assign(col, target);
    }
  }
  for (const { header, field } of overrides) {
    const key = foldText(header);
    const col = keys.findIndex((k) => k === key);
    const target = resolveTarget(field);
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
        hint: `Use one of: ${PARTICIPANT_FIELDS.join(', ')}, ignore, attribute`,
      });
    } else {
      assign(col, target);
    }
  }
  autoMap(headers, targets);
  return summarise(headers, targets, problems);
}

/** Guesses the still-unmapped columns: best score first, each field to one column at most. */
function autoMap(headers: string[], targets: Array<Target | undefined>): void {
  const taken = new Set(targets.filter((t): t is Target => t !== undefined));
  const candidates: Array<{ col: number; field: FieldName; score: number }> = [];
  headers.forEach((header, col) => {
    if (targets[col] !== undefined || !header.trim()) return;
    for (const field of PARTICIPANT_FIELDS) {
      if (taken.has(field)) continue;
      const score = scoreHeader(header, field);
      if (score > 0) candidates.push({ col, field, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const c of candidates) {
    if (targets[c.col] !== undefined || taken.has(c.field)) continue;
    targets[c.col] = c.field;
    taken.add(c.field);
  }
}

function summarise(headers: string[], targets: Array<Target | undefined>, problems: Problem[]) {
  const mapping: ColumnMapping = {
    fields: Object.create(null) as ColumnMapping['fields'],
    attributes: [],
    ignored: [],
  };
  const unmapped: string[] = [];
  targets.forEach((t, col) => {
    if (t === 'ignore') mapping.ignored.push(col);
    else if (t === undefined || t === 'attribute') {
      mapping.attributes.push(col);
      if (t === undefined && headers[col].trim()) unmapped.push(headers[col]);
    } else mapping.fields[t] = col;
  });
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
