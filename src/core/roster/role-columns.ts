/**
 * Role-specific questions: forms that ask mentors and mentees different questions for one field
 * ("What can you help with? (mentors)", "What would you like help with? (mentees)").
 */

import type { Role } from '../types.js';
import type { FieldName } from './fields.js';
import { foldText } from './text.js';

/** The fields a form may ask each role for in its own column. */
const ROLE_FIELDS = [
  'topics',
  'availability',
  'goals',
  'capacity',
  'preferences',
  'avoid',
] as const satisfies readonly FieldName[];

/** A field that may have one column per role. */
export type RoleField = (typeof ROLE_FIELDS)[number];

/** The column of each role's question for one field. */
export type RoleColumns = Partial<Record<'mentor' | 'mentee', number>>;

/** Whether `field` may have one column per role. */
export const isRoleField = (field: string): field is RoleField =>
  (ROLE_FIELDS as readonly string[]).includes(field);

type Side = 'mentor' | 'mentee';

// On folded text (lower case, punctuation as spaces): "(mentors only)" -> "mentors only".
const QUALIFIERS: Array<[RegExp, 'self' | 'other']> = [
  [/\bif (?:you are|youre|you re) (?:a |an )?(mentor|mentee)s?\b/, 'self'],
  [/\bfor (mentor|mentee)s?(?: only)?\s*$/, 'self'],
  [/\b(mentor|mentee)s? only\b/, 'self'],
  [/\bas (?:a |an |your )(mentor|mentee)\b/, 'self'],
];
// A question about a person ("Who would you like as a mentor?") names the counterpart's role.
const ABOUT_A_PERSON = /\b(?:who|whom|anyone|someone|person|people)\b/;
const PARENTHESISED = /\(\s*(?:for\s+)?(mentors?|mentees?)(?:\s+only)?\s*\)/i;
const PREFIXED = /^\s*(mentors?|mentees?)\s*(?:only\s*)?[:\-–—]\s*/i;

/**
 * The role a header's question is for, and the header without the words that say so; undefined
 * when the header names no role.
 */
export function roleQualifier(header: string): { role: Side; rest: string } | undefined {
  for (const re of [PARENTHESISED, PREFIXED]) {
    const m = re.exec(header);
    if (m) return { role: sideOf(m[1]), rest: header.replace(re, ' ').trim() };
  }
  const folded = foldText(header);
  for (const [re, kind] of QUALIFIERS) {
    const m = re.exec(folded);
    if (!m) continue;
    const named = sideOf(m[1]);
    const role = kind === 'self' && ABOUT_A_PERSON.test(folded) && /\bas\b/.test(m[0]);
    return {
      role: role ? (named === 'mentor' ? 'mentee' : 'mentor') : named,
      rest: folded.replace(re, ' ').replace(/\s+/g, ' ').trim(),
    };
  }
  return undefined;
}

const sideOf = (word: string): Side =>
  word.toLowerCase().startsWith('mentor') ? 'mentor' : 'mentee';

/** Which column a row reads for a field with role columns (see pickRoleColumn). */
export interface RoleColumnPick {
  col: number | undefined;
  /** The other role's column, filled too and not used. */
  ignored?: number;
  /** The row's role left its own question blank and answered the other role's one. */
  fromOther?: boolean;
}

/**
 * Which column a row of `role` reads for a field with role columns: its role's own; else the
 * question asked of everyone; else the other role's (a "both" or role-less row, or someone who
 * answered the wrong side, which is used rather than lost). `filled` says whether a cell has text.
 */
export function pickRoleColumn(
  cols: RoleColumns,
  shared: number | undefined,
  role: Role | undefined,
  filled: (col: number) => boolean,
): RoleColumnPick {
  const own = role === 'mentee' ? cols.mentee : cols.mentor;
  const other = role === 'mentee' ? cols.mentor : cols.mentee;
  const ownFilled = own !== undefined && filled(own);
  const otherFilled = other !== undefined && filled(other);
  // A "both" row may answer both sides: no conflict, its mentor answer is used.
  const sided = role === 'mentor' || role === 'mentee';
  if (ownFilled) return { col: own, ignored: otherFilled && sided ? other : undefined };
  if (shared !== undefined && filled(shared)) return { col: shared };
  if (otherFilled) return { col: other, fromOther: sided };
  return { col: own ?? shared ?? other };
}
