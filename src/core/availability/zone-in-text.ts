/**
 * A time zone written inside availability text ("9-11am EST", "mornings (CET)", "14:00-16:00
 * UTC+2"): found, taken out of the text, and the windows converted into the person's own zone.
 */

import { tzOffset } from '@date-fns/tz';
import type { AvailabilityWindow, Weekday } from '../types.js';
import { ABBREVIATIONS } from '../timezones/names.js';
import { resolveTimeZone } from '../timezones/resolve.js';
import { mergeWindows } from './parse.js';

// Abbreviations only in capitals ("PST", not "pt" or "est" inside words), offsets, IANA names.
const ABBR = Object.keys(ABBREVIATIONS)
  .filter((k) => /^[a-z]{2,5}$/.test(k))
  .map((k) => k.toUpperCase())
  .sort((a, b) => b.length - a.length);
const ZONE = new RegExp(
  String.raw`\(?\s*(?:in\s+)?\b(` +
    String.raw`(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|` +
    String.raw`[A-Z][a-z]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?|` +
    `${ABBR.join('|')}|UTC|GMT` +
    String.raw`)\b\s*(?:time)?\s*\)?`,
);

/** The text without its zone, and that zone (an IANA name), when the text names one it knows. */
export function splitZone(text: string): { text: string; zone?: string; zoneText?: string } {
  const m = ZONE.exec(text);
  if (!m) return { text };
  const resolved = resolveTimeZone(m[1]);
  if (!resolved.tz) return { text };
  const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length))
    .replace(/\s+/g, ' ')
    .trim();
  return { text: rest, zone: resolved.tz, zoneText: m[1] };
}

const WEEK = 7 * 1440;

/**
 * The windows, written in zone `from`, as wall-clock times in zone `to`, with the two zones'
 * offsets on `reference` (the program start: daylight saving differs between regions for weeks).
 */
export function convertWindows(
  windows: readonly AvailabilityWindow[],
  from: string,
  to: string,
  reference: Date,
): AvailabilityWindow[] {
  const shift = tzOffset(to, reference) - tzOffset(from, reference);
  if (shift === 0) return [...windows];
  const out: AvailabilityWindow[] = [];
  for (const w of windows) {
    let s = ((((w.day - 1) * 1440 + w.start + shift) % WEEK) + WEEK) % WEEK;
    let len = w.end - w.start;
    while (len > 0) {
      const day = Math.floor(s / 1440);
      const start = s - day * 1440;
      const end = Math.min(1440, start + len);
      out.push({ day: (day + 1) as Weekday, start, end });
      len -= end - start;
      s = ((day + 1) * 1440) % WEEK;
    }
  }
  return mergeWindows(out);
}
