/**
 * Reads a time zone from what people write: IANA names, Outlook names, offsets, abbreviations,
 * cities.
 */

import {
  ABBREVIATIONS,
  DISPLAY_NAMES,
  HALF_HOUR_OFFSETS,
  LEGACY_ZONES,
  PLACE_ALIASES,
  WINDOWS_ZONES,
} from './names.js';
import { foldText } from '../roster/text.js';
import { countryZones, nearestZone } from './near-miss.js';

/** The zone read from a cell, or why not; `code` names the warning or error. */
export interface ResolvedZone {
  tz?: string;
  warning?: string;
  error?: string;
  hint?: string;
  code?: string;
}

const modern = (tz: string): string => LEGACY_ZONES[tz] ?? tz;

let indexes:
  | { iana: Map<string, string>; folded: Map<string, string>; places: Map<string, string> }
  | undefined;

/** Built once, lazily: lookups keyed by lower-cased IANA name and by folded words. */
function getIndexes() {
  if (indexes) return indexes;
  const iana = new Map<string, string>();
  const places = new Map<string, string>();
  const zones = [...Intl.supportedValuesOf('timeZone'), ...Object.values(LEGACY_ZONES)];
  for (const z of zones) {
    const m = modern(z);
    iana.set(z.toLowerCase(), m);
    iana.set(m.toLowerCase(), m);
    const city = foldText(m.slice(m.lastIndexOf('/') + 1).replace(/_/g, ' '));
    if (m.includes('/') && !m.startsWith('Etc/') && !places.has(city)) places.set(city, m);
  }
  for (const [legacy, m] of Object.entries(LEGACY_ZONES)) iana.set(legacy.toLowerCase(), m);
  for (const [place, z] of Object.entries(PLACE_ALIASES)) places.set(place, z);
  const folded = new Map<string, string>();
  for (const [id, z] of Object.entries(WINDOWS_ZONES))
    if (!id.startsWith('UTC')) folded.set(foldText(id), z);
  for (const [name, z] of Object.entries(DISPLAY_NAMES)) folded.set(name, z);
  indexes = { iana, folded, places };
  return indexes;
}

const PREFIX = /^\(\s*(?:utc|gmt)\s*(?:([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)\s*(.*)$/i;
const OFFSET = /^(?:utc|gmt|z)?\s*([+\-−–])\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:h|hrs?|hours?)?$/i;
const NOT_FOUND: ResolvedZone = {
  error: '',
  code: 'timezone-invalid',
  hint: 'Use an IANA zone such as Europe/London or America/New_York, a city, or an offset like UTC+2',
};

const cache = new Map<string, ResolvedZone>();

/** Resolves a time-zone cell to an IANA zone; empty gives `defaultTimezone` without a warning. */
export function resolveTimeZone(text: string, defaultTimezone?: string): ResolvedZone {
  const t = text.trim();
  if (!t) return defaultTimezone ? { tz: defaultTimezone } : {};
  let hit = cache.get(t);
  if (!hit) {
    // The cache outlives the import: key it (and the messages built from it) by a copy of the cell,
    // not by a slice that would keep the whole text it was cut from alive.
    const own = JSON.parse(JSON.stringify(t)) as string;
    hit = resolveUncached(own) ??
      resolveNearly(own) ?? { ...NOT_FOUND, error: `time zone "${own}" is not recognised` };
    if (cache.size > 10_000) cache.clear();
    cache.set(own, hit);
  }
  return hit;
}

function resolveUncached(t: string): ResolvedZone | undefined {
  const prefix = PREFIX.exec(t);
  if (prefix) {
    const byName = prefix[4] ? lookupName(prefix[4]) : undefined;
    if (byName) return byName;
    if (!prefix[1]) return { tz: 'UTC' };
    return fromOffset(t, prefix[1], prefix[2], prefix[3]);
  }
  const byName = lookupName(t);
  if (byName) return byName;
  const offset = OFFSET.exec(t);
  if (offset) return fromOffset(t, offset[1], offset[2], offset[3]);
  return undefined;
}

/**
 * What a person almost wrote: a country with several zones is an error listing them (the person
 * must say which); a typo of one zone or city ("Londn", "Amercia/New_York") is that zone, with a
 * warning naming it.
 */
function resolveNearly(t: string): ResolvedZone | undefined {
  const key = foldText(t);
  const zones = countryZones(key);
  if (zones)
    return {
      error: `time zone "${t}" names a country with several time zones (${zones.join(', ')})`,
      code: 'timezone-country',
      hint: `Write the person's city or zone, such as ${zones[0]}`,
    };
  const { iana, places } = getIndexes();
  const tz = t.includes('/')
    ? nearestZone(t.toLowerCase().replace(/ /g, '_'), iana)
    : nearestZone(key, places);
  if (!tz) return undefined;
  return {
    tz,
    code: 'timezone-near-miss',
    warning: `time zone "${t}" is not a zone name; read as ${tz}, the closest one`,
    hint: 'Correct the spelling if another zone was meant',
  };
}

function lookupName(t: string): ResolvedZone | undefined {
  const { iana, folded, places } = getIndexes();
  const key = foldText(t);
  const abbr = ABBREVIATIONS[key];
  if (abbr && Object.hasOwn(ABBREVIATIONS, key)) {
    if (!abbr[1]) return { tz: abbr[0] };
    return {
      tz: abbr[0],
      code: 'timezone-ambiguous',
      warning: `time zone "${t}" is ambiguous; read as ${abbr[0]} (it could also mean ${abbr[1]})`,
      hint: 'Write an IANA zone such as Europe/London to be exact',
    };
  }
  const named = iana.get(t.toLowerCase()) ?? folded.get(key) ?? places.get(key);
  if (named) return { tz: named };
  if (t.includes('/')) {
    try {
      return {
        tz: modern(new Intl.DateTimeFormat('en-US', { timeZone: t }).resolvedOptions().timeZone),
      };
    } catch {
      return undefined;
    }
  }
  // "London, UK", "Bangalore (India)", "Amsterdam, Berlin, Bern": the first part that names a
  // place.
  const parts = t
    .split(/[,()]/)
    .map((p) => foldText(p))
    .filter(Boolean);
  if (parts.length > 1) for (const p of parts) if (places.has(p)) return { tz: places.get(p) };
  return undefined;
}

function fromOffset(
  t: string,
  sign: string,
  hh: string,
  mm: string | undefined,
): ResolvedZone | undefined {
  const minutes = (sign === '+' ? 1 : -1) * (Number(hh) * 60 + Number(mm ?? 0));
  if (minutes === 0) return { tz: 'UTC' };
  // POSIX-style Etc names invert the sign: Etc/GMT-2 is two hours ahead of UTC.
  const tz =
    minutes % 60 === 0 && minutes >= -720 && minutes <= 840
      ? `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}`
      : HALF_HOUR_OFFSETS[minutes];
  if (!tz) return undefined;
  return {
    tz,
    code: 'timezone-fixed-offset',
    warning: `time zone "${t}" is a fixed offset, read as ${tz}; a fixed offset does not follow daylight-saving`,
    hint: 'Use a city zone such as Europe/Berlin or America/New_York',
  };
}
