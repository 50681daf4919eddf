/** File names made from people's names: portable on Windows, macOS and Linux, never a path, unique per folder. */

import { createHash } from 'node:crypto';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_STEM = 60;

/** A safe stem (no extension) for `text`: accents folded to ASCII, anything else becomes "-". */
export function safeStem(text: string): string {
  let stem = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '');
  stem = stem.slice(0, MAX_STEM).replace(/[-.\s]+$/, '');
  // Nothing left (a name in a non-Latin script, emoji only): a short stable hash keeps it unique and readable enough.
  if (!stem) stem = `x-${createHash('sha1').update(text).digest('hex').slice(0, 8)}`;
  // CON, NUL.txt, com1.ics are device names on Windows whatever the extension.
  if (RESERVED.test(stem.split('.')[0])) stem = `_${stem}`;
  return stem;
}

/** Hands out unique file names in one folder, case-insensitively (macOS and Windows folders are). */
export class FileNamer {
  private readonly used = new Set<string>();
  /** A unique `stem.ext` for `text`: "ana-ruiz.ics", then "ana-ruiz-2.ics". */
  name(text: string, ext: string): string {
    const stem = safeStem(text);
    let candidate = `${stem}${ext}`;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
