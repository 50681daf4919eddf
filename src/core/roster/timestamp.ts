/**
 * Reading form timestamps (Google Forms, Microsoft Forms, Typeform, SurveyMonkey) into ISO 8601.
 */

/** Day/month order for slashed dates such as 05/01/2026. */
export type DateOrder = 'mdy' | 'dmy';

const ISO =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const YMD =
  /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?\s*(?:(?:GMT|UTC)\s*(?:([+-])(\d{1,2}):?(\d{2})?)?)?$/i;
const SLASHED =
  /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?\s*(?:(?:GMT|UTC)\s*(?:([+-])(\d{1,2}):?(\d{2})?)?)?$/i;

/**
 * Which order a column of slashed dates uses: a first part above 12 means d/m, a second above 12
 * m/d; else m/d (US exports), flagged ambiguous.
 */
export function detectDateOrder(values: Iterable<string>): {
  order: DateOrder;
  ambiguous: boolean;
} {
  let dmy = false;
  let mdy = false;
  let seen = false;
  for (const v of values) {
    const m = SLASHED.exec(v.trim());
    if (!m) continue;
    seen = true;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
    // One unambiguous value decides the column; a mixed column stays m/d.
    if (dmy || mdy) break;
  }
  if (dmy && !mdy) return { order: 'dmy', ambiguous: false };
  return { order: 'mdy', ambiguous: seen && !mdy && !dmy };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const daysInMonth = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(m)
      ? 30
      : 31;

function build(
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  ampm?: string,
  sign?: string,
  oh?: string,
  om?: string,
): string | undefined {
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0)) : 0;
  // Reject 31 February and friends: Date.UTC would silently roll them over.
  if (d > daysInMonth(y, mo)) return undefined;
  if (offset === 0 && y >= 1000 && y <= 9999) {
    // Formatting by hand avoids two Date objects per row on 100k-row imports.
    return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}.000Z`;
  }
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000).toISOString();
}

/**
 * Parses a timestamp to ISO 8601 (UTC; times without a zone are taken as UTC); undefined when
 * unreadable.
 */
export function parseTimestamp(text: string, order: DateOrder = 'mdy'): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (ISO.test(t)) {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(t)
      ? t
      : `${t.replace(' ', 'T')}${t.length > 10 ? 'Z' : 'T00:00:00Z'}`;
    const ms = Date.parse(withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  let m = YMD.exec(t);
  if (m)
    return build(
      +m[1],
      +m[2],
      +m[3],
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
      m[7],
      m[8],
      m[9],
      m[10],
    );
  m = SLASHED.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const read = (mo: number, d: number) =>
      build(year, mo, d, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7], m[8], m[9], m[10]);
    // Prefer the column's order, but a value that only makes sense the other way round is read that
    // way.
    return order === 'dmy'
      ? (read(+m[2], +m[1]) ?? read(+m[1], +m[2]))
      : (read(+m[1], +m[2]) ?? read(+m[2], +m[1]));
  }
  return undefined;
}
