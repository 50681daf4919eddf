/**
 * Reading the timestamps that form tools export, to ISO 8601 UTC. A time that names no offset is
 * read in `timeZone` when one is given (form tools that export local time), else as UTC.
 */

import { tzOffset } from '@date-fns/tz';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Parses ISO ("2027-03-01T10:22:13Z", "2027-03-01 10:22:13"), Google Forms ("2027/03/01 10:22:13 AM
 * GMT+1"), and US/European slashed dates ("3/1/2027 10:22", "13/03/2027"; month first unless the
 * first number is > 12; dotted "13.03.2027" day first). Returns undefined for anything else.
 */
export function parseResponseDate(text: string, timeZone?: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  let m =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?)?\s*(z|utc|gmt)?\s*([+-]\d{1,2}(?::?\d{2})?)?$/i.exec(
      t,
    );
  let y: number, mo: number, d: number;
  if (m) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else {
    m =
      /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(z|utc|gmt)?\s*([+-]\d{1,2}(?::?\d{2})?)?$/i.exec(
        t,
      );
    if (!m) return undefined;
    const a = +m[1];
    const b = +m[2];
    // Dotted dates (German, French exports) are day first; slashed ones month first unless > 12.
    [mo, d] = a > 12 || /^\d{1,2}\./.test(t) ? [b, a] : [a, b];
    y = +m[3] < 100 ? 2000 + +m[3] : +m[3];
  }
  let h = m[4] ? +m[4] : 0;
  const min = m[5] ? +m[5] : 0;
  const s = m[6] ? +m[6] : 0;
  const ampm = m[7]?.toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  let offsetMin = 0;
  const naive = Date.UTC(y, mo - 1, d, h, min, s);
  if (!m[8] && !m[9] && timeZone) {
    // Two passes find the offset in force at that wall-clock time (also across a DST change).
    const first = tzOffset(timeZone, new Date(naive));
    offsetMin = tzOffset(timeZone, new Date(naive - first * 60_000));
  }
  if (m[9]) {
    const om = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(m[9])!;
    offsetMin = (om[1] === '-' ? -1 : 1) * (+om[2] * 60 + (om[3] ? +om[3] : 0));
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || min > 59 || s > 59) return undefined;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined; // 31 April
  const date = new Date(naive - offsetMin * 60_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}
