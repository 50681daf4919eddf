/**
 * File names made from people's names: portable on Windows, macOS and Linux, never a path, unique
 * per folder.
 */

import { createHash } from 'node:crypto';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_STEM = 60;
/**
 * Longest part one person gets in a name holding several people: every file name keeps all of them.
 */
const PERSON_PART = 28;

/** `text` folded to ASCII letters, digits, ".", "_" and "-", capped at `max` (may be empty). */
function fold(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '')
    .slice(0, max)
    .replace(/[-.\s]+$/, '');
}

const shortHash = (text: string) =>
  `x-${createHash('sha1').update(text).digest('hex').slice(0, 8)}`;

/** CON, NUL.txt, com1.ics are device names on Windows whatever the extension. */
function notReserved(stem: string): string {
  return RESERVED.test(stem.split('.')[0]) ? `_${stem}` : stem;
}

/** A safe stem (no extension) for `text`: accents folded to ASCII, anything else becomes "-". */
export function safeStem(text: string): string {
  // Nothing left (a name in a non-Latin script, emoji only): a short stable hash keeps it unique
  // and readable enough.
  return notReserved(fold(text, MAX_STEM) || shortHash(text));
}

/**
 * One person's part of a file name: the name folded to ASCII, else (Arabic, CJK, emoji) the email's
 * local part, capped at `max`.
 */
export function personStem(p: { name: string; email?: string }, max = PERSON_PART): string {
  const local = (p.email ?? '').split('@')[0];
  return notReserved(
    fold(p.name, max) || fold(local, max) || shortHash(`${p.name}\u0000${p.email ?? ''}`),
  );
}

/**
 * The part for a pair or group: "Mentor-Mentee"; a big group names the first two mentees and
 * "and-N-more".
 */
export function peopleStem(people: readonly { name: string; email?: string }[]): string {
  const shown =
    people.length > 3
      ? [...people.slice(0, 3).map((p) => personStem(p)), `and-${people.length - 3}-more`]
      : people.map((p) => personStem(p));
  return shown.join('-');
}

/**
 * Hands out unique file names in one folder, case-insensitively (macOS and Windows folders are).
 */
export class FileNamer {
  private readonly used = new Set<string>();
  /** A unique `stem.ext` for `text`: "ana-ruiz.ics", then "ana-ruiz-2.ics". */
  name(text: string, ext: string): string {
    return this.unique(safeStem(text), ext);
  }
  /** A unique `stem.ext` for parts already made safe (personStem, peopleStem), joined with "-". */
  parts(parts: string[], ext: string): string {
    return this.unique(notReserved(parts.filter(Boolean).join('-')), ext);
  }
  private unique(stem: string, ext: string): string {
    let candidate = `${stem}${ext}`;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
