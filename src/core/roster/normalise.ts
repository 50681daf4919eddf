/** Normalising single cells: emails, multi-value lists, level, capacity, booleans, status. */

import type { Status } from '../types.js';
import { emailKey } from '../keys.js';

/** A problem with one cell, before it is given a location. */
export interface Issue {
  code: string;
  message: string;
  hint?: string;
}

/**
 * The outcome of reading one cell: a value, or an error (rejects the row) or a warning (keeps it).
 */
export interface Parsed<T> {
  value?: T;
  error?: Issue;
  warning?: Issue;
}

const MAILTO = /^mailto:/i;
const WRAPPED = /[<:"']/;
const ANGLE = /<([^<>]*)>/;
const QUOTES = /^["']+|["']+$/g;
// Practical rather than RFC 5322: what mail systems of HR tools accept, including non-ASCII.
const EMAIL =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

// perf: an ASCII-only email regex tried first, the Unicode one only when it fails (bench:
//   import.mjs)
// The same rule for plain ASCII addresses: a much faster regex for the common case.
const ASCII_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** RFC 5321 4.5.3.1: at most 64 octets before the @ and 254 in all (as a path holds it). */
const MAX_LOCAL = 64;
const MAX_EMAIL = 254;

/** A value quoted in a message: at most `max` characters, so a 10 MB cell is not repeated. */
function clipValue(text: string, max = 60): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max)}… (${t.length} characters)`;
}

/**
 * The issue with every double-quoted value in its message and hint clipped as clipValue does, so
 * no warning, attention reason or rejection reason repeats a huge cell, whichever parser wrote it.
 * The cell itself is kept whole in the state and in rejected.csv / attention.csv.
 */
export function clipIssue<T extends Issue>(issue: T): T {
  const clip = (m: string) => m.replace(/"([^"]{61,})"/g, (_, v: string) => `"${clipValue(v)}"`);
  return {
    ...issue,
    message: clip(issue.message),
    ...(issue.hint === undefined ? {} : { hint: clip(issue.hint) }),
  };
}

/**
 * Unwraps `mailto:`, `Name <a@b.c>` and quotes, then keys it (NFC, trimmed, lower-case); invalid ->
 * email-invalid.
 */
export function normaliseEmail(text: string): Parsed<string> {
  // Checked before any regex: a huge value must not reach the backtracking patterns (a 10 MB cell
  // overflowed the stack).
  if (text.length > MAX_EMAIL * 4)
    return { error: tooLong(text, `longer than ${MAX_EMAIL} characters`) };
  let t = text.trim();
  if (WRAPPED.test(t)) {
    const angle = ANGLE.exec(t);
    if (angle) t = angle[1].trim();
    t = t.replace(MAILTO, '').replace(QUOTES, '').trim();
  }
  t = emailKey(t);
  const at = t.lastIndexOf('@');
  if (t.length > MAX_EMAIL) return { error: tooLong(text, `longer than ${MAX_EMAIL} characters`) };
  if (at > MAX_LOCAL)
    return { error: tooLong(text, `has more than ${MAX_LOCAL} characters before the @`) };
  if (ASCII_EMAIL.test(t) || EMAIL.test(t)) return { value: t };
  return {
    error: {
      code: 'email-invalid',
      message: `email "${clipValue(text)}" is not a valid email address`,
      hint: 'Correct it to the form name@example.com',
    },
  };
}

function tooLong(text: string, what: string): Issue {
  return {
    code: 'email-invalid',
    message: `email "${clipValue(text)}" is ${what}, so no mail system accepts it`,
    hint: 'Correct it to the form name@example.com',
  };
}

const SPLIT = /[,;\n\r]+/;
const SPLIT_WITH_SLASH = /[,;\n\r]+|\s+\/\s+/;

/**
 * Splits a multi-value cell on , ; and newlines (and " / " when asked), keeping the first spelling
 * and order.
 */
export function splitMulti(text: string, slash = false): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(slash ? SPLIT_WITH_SLASH : SPLIT)) {
    const item = part.trim();
    const key = item.toLowerCase();
    if (item && !seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

const TRUE_WORDS = new Set([
  'yes',
  'y',
  'true',
  'x',
  '1',
  'done',
  'completed',
  'complete',
  'checked',
  '✓',
  '✔',
  '☑',
  'ja',
  'oui',
  'si',
  'sí',
]);
const FALSE_WORDS = new Set([
  'no',
  'n',
  'false',
  '0',
  'not yet',
  'pending',
  'none',
  'not completed',
  'nein',
  'non',
  '-',
]);
const DATE_LIKE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:[ t].*)?$/;

/** Reads a yes/no cell; a date (when it was done) means yes; unknown -> warning, undefined. */
export function parseBoolean(text: string, label = 'value'): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (!t) return {};
  if (TRUE_WORDS.has(t) || DATE_LIKE.test(t)) return { value: true };
  if (FALSE_WORDS.has(t)) return { value: false };
  return {
    warning: {
      code: 'boolean-invalid',
      message: `${label} "${clipValue(text)}" is not yes or no; left blank`,
      hint: 'Write yes or no (or the date it was completed)',
    },
  };
}

const WITHDRAWN = new Set([
  'withdrawn',
  'withdrew',
  'left',
  'dropped out',
  'dropped',
  'inactive',
  'cancelled',
  'canceled',
  'removed',
  'quit',
]);
const ACTIVE = new Set(['active', 'enrolled', 'registered', 'confirmed', 'yes']);

/** Reads status: active (default) or withdrawn ("left", "dropped out", "inactive", ...). */
export function parseStatus(text: string): Parsed<Status> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t || ACTIVE.has(t)) return { value: 'active' };
  if (WITHDRAWN.has(t)) return { value: 'withdrawn' };
  return {
    value: 'active',
    warning: {
      code: 'status-invalid',
      message: `status "${clipValue(text)}" is not active or withdrawn; kept as active`,
      hint: 'Write active or withdrawn',
    },
  };
}
