/** Turning a reconciled schedule into the output files: pairs/, people/, cancellations/, all.ics, schedule.csv/.xlsx. */

import type { ProgramConfig } from '../core/config.js';
import type { CalEvent } from '../core/scheduling/model.js';
import type { Plan } from '../core/scheduling/plan.js';
import type { Reconciled } from '../core/scheduling/reconcile.js';
import { buildCalendar, serializeEvent } from './ics.js';
import { buildVTimezone } from './ics-vtimezone.js';
import { FileNamer } from './safe-filename.js';
import { meetingRows, MEETING_COLUMNS } from './schedule-rows.js';
import { toCsv } from './csv-write.js';

/** The rendered output: relative path -> content, plus which file belongs to whom. */
export interface RenderedSchedule {
  files: Map<string, string>;
  /** unit id -> pairs/<name>.ics */
  pairFiles: Map<string, string>;
  /** lower-case email -> people/<name>.ics */
  personFiles: Map<string, string>;
  rows: Record<string, unknown>[];
  /** Serialized VTIMEZONE per TZID, for other writers (intro invitations). */
  timezoneOf: (tz: string) => string;
  /** Serialized VEVENT text per UID (active events). */
  eventText: Map<string, string>;
}

/** Renders every file in memory (nothing is written here, so a failure leaves no half-written folder). */
export function renderSchedule(plan: Plan, rec: Reconciled, config: ProgramConfig): RenderedSchedule {
  const fromYear = Number(config.program.startDate.slice(0, 4));
  const all = [...rec.events, ...rec.cancellations];
  const toYear = Math.max(Number(config.program.endDate.slice(0, 4)), ...all.map((e) => Number(e.start.date.slice(0, 4)))) + 1;
  const tzCache = new Map<string, string>();
  const timezoneOf = (tz: string) => {
    let t = tzCache.get(tz);
    if (t === undefined) tzCache.set(tz, (t = buildVTimezone(tz, fromYear, toYear)));
    return t;
  };
  const zonesOf = (events: CalEvent[]) => [...new Set(events.map((e) => e.tz))].sort().map(timezoneOf);
  // A removed single meeting is already an EXDATE of its series; its CANCEL lives only in cancellations/.
  const imported = all.filter((e) => !e.recurrenceId);
  const texts = new Map<CalEvent, string>();
  for (const e of all) texts.set(e, serializeEvent(e));
  const files = new Map<string, string>();
  const eventText = new Map<string, string>();
  for (const e of rec.events) eventText.set(e.uid, texts.get(e) as string);

  const pairFiles = new Map<string, string>();
  const pairNames = new FileNamer();
  const titles = new Map(plan.series.map((s) => [s.unit.id, s.title.replace('↔', '-')]));
  for (const e of rec.events) {
    if (e.kind !== 'series' || !e.unitId) continue;
    const path = `pairs/${pairNames.name(titles.get(e.unitId) ?? e.unitId, '.ics')}`;
    pairFiles.set(e.unitId, path);
    files.set(path, buildCalendar({ method: 'REQUEST', timezones: zonesOf([e]), events: [texts.get(e) as string] }));
  }
  // iTIP (RFC 5546) wants one UID per message: one CANCEL file per cancelled event or series.
  const byUid = new Map<string, CalEvent[]>();
  for (const c of rec.cancellations) byUid.set(c.uid, [...(byUid.get(c.uid) ?? []), c]);
  const cancelNames = new FileNamer();
  for (const list of byUid.values()) {
    const path = `cancellations/${cancelNames.name(list[0].summary.replace('↔', '-'), '.ics')}`;
    files.set(path, buildCalendar({ method: 'CANCEL', timezones: zonesOf(list), events: list.map((e) => texts.get(e) as string) }));
  }

  // Personal files: every event that concerns the person, cancelled ones included, to import or subscribe.
  const names = new Map<string, string>();
  for (const s of plan.series) for (const p of [s.unit.mentor, ...s.unit.mentees]) names.set(p.email.toLowerCase(), p.name);
  for (const e of imported) for (const a of e.attendees) if (!names.has(a.email.toLowerCase())) names.set(a.email.toLowerCase(), a.name);
  const perPerson = new Map<string, CalEvent[]>([...names.keys()].sort().map((k) => [k, []]));
  for (const e of imported) {
    const targets = e.audience.includes('*') ? [...plan.series.flatMap((s) => [s.unit.mentor, ...s.unit.mentees]).map((p) => p.email.toLowerCase())] : e.audience.map((a) => a.toLowerCase());
    for (const t of new Set(targets)) perPerson.get(t)?.push(e);
  }
  const personFiles = new Map<string, string>();
  const personNames = new FileNamer();
  for (const [email, events] of perPerson) {
    if (!events.length) continue;
    const path = `people/${personNames.name(names.get(email) || email, '.ics')}`;
    personFiles.set(email, path);
    files.set(path, buildCalendar({ name: `${config.program.name}: ${names.get(email)}`, timezones: zonesOf(events), events: events.map((e) => texts.get(e) as string) }));
  }
  files.set('all.ics', buildCalendar({ name: config.program.name, timezones: zonesOf(imported), events: imported.map((e) => texts.get(e) as string) }));
  const rows = meetingRows(plan);
  files.set('schedule.csv', toCsv(MEETING_COLUMNS.map((c) => c.header), rows.map((r) => MEETING_COLUMNS.map((c) => r[c.key] as string | number | undefined))));
  return { files, pairFiles, personFiles, rows, timezoneOf, eventText };
}
