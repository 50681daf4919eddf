/** Filtering, summarising and flattening participants for display and export. Pure. */

import type { Participant } from '../types.js';
import { formatAvailability } from '../availability/parse.js';
import { PROFILE_FIELDS } from './fields.js';

export interface ParticipantFilter {
  role?: string;
  cohort?: string;
  status?: string;
}

/** Participants matching every given filter; role "mentor" includes people with role "both". */
export function filterParticipants(list: Participant[], f: ParticipantFilter): Participant[] {
  return list.filter(
    (p) =>
      (!f.role ||
        p.role === f.role ||
        (p.role === 'both' && (f.role === 'mentor' || f.role === 'mentee'))) &&
      (!f.cohort || (p.cohort ?? '').toLowerCase() === f.cohort.toLowerCase()) &&
      (!f.status || p.status === f.status),
  );
}

export interface RosterSummary {
  total: number;
  byRole: Record<'mentor' | 'mentee' | 'both', number>;
  byStatus: Record<'active' | 'withdrawn', number>;
  byCohort: Array<[string, number]>;
  timezones: number;
  mentorCapacity: number;
  trainingCompleted: number;
}

/** Counts for the summary line of `participants`. */
export function summariseRoster(list: Participant[]): RosterSummary {
  const byRole = { mentor: 0, mentee: 0, both: 0 };
  const byStatus = { active: 0, withdrawn: 0 };
  const cohorts = new Map<string, number>();
  const zones = new Set<string>();
  let capacity = 0;
  let trained = 0;
  for (const p of list) {
    byRole[p.role]++;
    byStatus[p.status]++;
    const c = p.cohort ?? '(none)';
    cohorts.set(c, (cohorts.get(c) ?? 0) + 1);
    if (p.timezone) zones.add(p.timezone);
    if (p.status === 'active' && p.role !== 'mentee') capacity += p.capacity ?? 0;
    if (p.trainingCompleted && p.role !== 'mentee') trained++;
  }
  return {
    total: list.length,
    byRole,
    byStatus,
    byCohort: [...cohorts].sort((a, b) => a[0].localeCompare(b[0])),
    timezones: zones.size,
    mentorCapacity: capacity,
    trainingCompleted: trained,
  };
}

/** The exported schema fields, in order (also the JSON keys). */
const EXPORT_FIELDS = ['email', ...PROFILE_FIELDS] as const;

export interface ExportOptions {
  sensitive: string[];
  includeSensitive: boolean;
}

function isSensitive(key: string, opts: ExportOptions): boolean {
  return (
    !opts.includeSensitive && opts.sensitive.some((s) => s.toLowerCase() === key.toLowerCase())
  );
}

/** Attribute keys across participants, in first-seen order, without sensitive ones unless asked. */
function attributeKeys(list: Participant[], opts: ExportOptions): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const p of list)
    for (const k of Object.keys(p.attributes ?? {}))
      if (!seen.has(k)) {
        seen.add(k);
        if (!isSensitive(k, opts)) keys.push(k);
      }
  return keys;
}

/**
 * Flat rows (text/number/boolean cells) for CSV and XLSX: lists joined with "; ", availability as
 * text.
 */
export function participantsToRows(
  list: Participant[],
  opts: ExportOptions,
): { headers: string[]; rows: Array<Array<string | number | boolean | undefined>> } {
  const attrs = attributeKeys(list, opts);
  const headers = [...EXPORT_FIELDS, 'submittedAt', ...attrs];
  const rows = list.map((p) => [
    ...EXPORT_FIELDS.map((f) => {
      const v = p[f];
      if (f === 'availability') return formatAvailability(p.availability);
      return Array.isArray(v) ? v.join('; ') : v;
    }),
    p.submittedAt,
    ...attrs.map((k) => p.attributes?.[k]),
  ]);
  return { headers, rows };
}

/** JSON-ready participants with the schema's keys; sensitive attributes removed unless asked. */
export function participantsToJson(
  list: Participant[],
  opts: ExportOptions,
): Array<Record<string, unknown>> {
  return list.map((p) => {
    const o: Record<string, unknown> = {};
    for (const f of EXPORT_FIELDS)
      if (p[f] !== undefined)
        o[f] = f === 'availability' ? formatAvailability(p.availability) : p[f];
    if (p.submittedAt) o.submittedAt = p.submittedAt;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.attributes ?? {}))
      if (!isSensitive(k, opts))
        Object.defineProperty(attributes, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    o.attributes = attributes;
    // Where the person came from and what they typed where it was normalised (README).
    if (p.source) o.source = { ...p.source, text: { ...p.source.text } };
    return o;
  });
}
