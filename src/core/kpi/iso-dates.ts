/**
 * ISO 8601 dates held as text (attributes such as "Start date" = "2027-03-01"): strict parsing and
 * whole-column detection.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A parsed ISO value: UTC milliseconds and whether it carried a time of day. */
export interface IsoValue {
  ms: number;
  time: boolean;
}

/**
 * Parses "2027-03-01", "2026-11-02T09:14:03", "2026-11-02 09:14", "...Z" or "...+01:00"; undefined
 * for anything else (31 April, hour 25, years before 1900 that Excel cannot show). A zone-less
 * value is wall-clock: its fields are returned as the UTC fields, which is what Excel shows; a
 * value with a zone is that instant.
 */
export function parseIsoValue(text: string): IsoValue | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const [h, mi, s, frac] = [
    m[4] ? +m[4] : 0,
    m[5] ? +m[5] : 0,
    m[6] ? +m[6] : 0,
    m[7] ? +m[7].padEnd(3, '0') : 0,
  ];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, frac);
  if (new Date(ms).getUTCDate() !== d) return undefined; // 31 April, 29 February of a common year
  let offset = 0;
  if (m[8] && m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    offset = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4)) * 60_000;
  }
  return { ms: ms - offset, time: m[4] !== undefined };
}

/**
 * How a column of values should be written: 'date' when every non-blank value is an ISO date,
 * 'datetime' when every one is an ISO date or date-time and at least one has a time; undefined when
 * any value is not one, or all are blank.
 */
export function dateColumnKind(values: Iterable<unknown>): 'date' | 'datetime' | undefined {
  let any = false;
  let time = false;
  for (const v of values) {
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') return undefined;
    const t = v.trim();
    if (t === '') continue;
    const p = parseIsoValue(t);
    if (!p) return undefined;
    any = true;
    time ||= p.time;
  }
  return any ? (time ? 'datetime' : 'date') : undefined;
}
