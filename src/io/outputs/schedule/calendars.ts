/**
 * Turning a reconciled schedule into the output files: pairs/, people/, cancellations/, all.ics,
 * schedule.csv/.xlsx.
 */

import type { ProgramConfig } from '../../../core/config.js';
import type { CalEvent } from '../../../core/scheduling/model.js';
import type { Plan } from '../../../core/scheduling/plan.js';
import type { Reconciled, ScheduleState } from '../../../core/scheduling/reconcile.js';
import type { ScheduleTemplates } from '../../store/schedule-input.js';
import {
  CALENDAR_END,
  calendarHead,
  serializeEventBytes,
  type CalendarParts,
  type EventMode,
} from '../../formats/ics/write.js';
import { buildVTimezone } from '../../formats/ics/vtimezone.js';
import { FileNamer, peopleStem, personStem } from '../file-names.js';
import { meetingRows, MEETING_COLUMNS } from './rows.js';
import type { FastValue } from '../../formats/xlsx/fast-write.js';
import { csvChunks } from './csv.js';
import type { FileContent } from '../../store/staged-stamps.js';

/**
 * The rendered output: relative path -> content (calendars as lists of UTF-8 chunks), plus which
 * file belongs to whom.
 */
/** A schedule planned, reconciled with the last run and rendered in memory, ready to write. */
export interface PreparedSchedule {
  plan: Plan;
  reconciled: Reconciled;
  rendered: RenderedSchedule;
  previous?: ScheduleState;
  templates: ScheduleTemplates;
  /** schedule.xlsx, when asked for (compressed on the thread pool while the calendars render). */
  workbook?: Promise<Uint8Array>;
}

export interface RenderedSchedule {
  files: Map<string, FileContent>;
  /** unit id -> pairs/<name>.ics */
  pairFiles: Map<string, string>;
  /** lower-case email -> people/<name>.ics */
  personFiles: Map<string, string>;
  /** The meeting list, cells in MEETING_COLUMNS order. */
  rows: FastValue[][];
  /** Serialized VTIMEZONE per TZID, for other writers (intro invitations). */
  timezoneOf: (tz: string) => string;
}

const END = Buffer.from(CALENDAR_END);

/** The file-name part of a pair event: its people (mentor first), the organizer left out. */
function pairStem(e: Pick<CalEvent, 'attendees' | 'organizer'>): string {
  const manager = e.organizer.email.toLowerCase();
  const people = e.attendees.filter((a) => a.email.toLowerCase() !== manager);
  return peopleStem(people.length ? people : e.attendees);
}

/** The calendar years an event's meetings fall in (first, last, and any moved one). */
function eventYears(e: CalEvent): number[] {
  const years = [Number(e.start.date.slice(0, 4))];
  const until = /UNTIL=(\d{4})/.exec(e.rrule ?? '');
  if (until) years.push(Number(until[1]));
  for (const m of e.moved ?? []) years.push(Number(m.start.date.slice(0, 4)));
  return years;
}

/**
 * Renders every file in memory (nothing is written here, so a failure leaves no half-written
 * folder).
 */
export function renderSchedule(
  plan: Plan,
  rec: Reconciled,
  config: ProgramConfig,
  rows: FastValue[][] = meetingRows(plan),
): RenderedSchedule {
  const all = [...rec.events, ...rec.cancellations];
  // Every VTIMEZONE covers the whole span of every event written: a series' last meeting (its
  // UNTIL; schedule.count can run into later years) and every milestone, plus a year of margin.
  let fromYear = Number(config.program.startDate.slice(0, 4));
  let toYear = Number(config.program.endDate.slice(0, 4));
  for (const e of all) {
    for (const year of eventYears(e)) {
      if (year < fromYear) fromYear = year;
      if (year > toYear) toYear = year;
    }
  }
  toYear += 1;
  const tzCache = new Map<string, string>();
  const timezoneOf = (tz: string) => {
    let t = tzCache.get(tz);
    if (t === undefined) tzCache.set(tz, (t = buildVTimezone(tz, fromYear, toYear)));
    return t;
  };
  // Each event and VTIMEZONE is encoded once; a file is then a concatenation of bytes (a person's
  // file reuses the pair's).
  const tzBytes = new Map<string, Buffer>();
  const zoneBytes = (tz: string) => {
    let b = tzBytes.get(tz);
    if (!b) tzBytes.set(tz, (b = Buffer.from(timezoneOf(tz))));
    return b;
  };
  // Each event is encoded once per kind of file it goes to (invitation, cancellation, import).
  const texts = { request: new Map<CalEvent, Buffer>(), cancel: new Map(), publish: new Map() };
  const bytesOf = (e: CalEvent, mode: EventMode): Buffer => {
    let b = texts[mode].get(e) as Buffer | undefined;
    if (!b) texts[mode].set(e, (b = serializeEventBytes(e, mode)));
    return b;
  };
  // Chunks, not one buffer: the writer hands them to writev, so the event bytes are never copied
  // per file.
  const calendar = (
    parts: Pick<CalendarParts, 'method' | 'name'>,
    events: CalEvent[],
  ): Buffer[] => {
    const mode: EventMode =
      parts.method === 'REQUEST' ? 'request' : parts.method === 'CANCEL' ? 'cancel' : 'publish';
    return [
      Buffer.from(calendarHead(parts)),
      ...[...new Set(events.map((e) => e.tz))].sort().map(zoneBytes),
      ...events.map((e) => bytesOf(e, mode)),
      END,
    ];
  };
  // Files to import or subscribe to hold only live events: a cancelled event left in them stays
  // listed after a re-import (khal), and a re-matched person would carry their old pair. Every
  // cancellation travels as a METHOD:CANCEL message in cancellations/ only.
  const imported = rec.events;
  const files = new Map<string, FileContent>();

  const pairFiles = new Map<string, string>();
  const pairNames = new FileNamer();
  // A series split by a re-run is two events of one pair: the part that continues is the pair's
  // invitation (written last by reconcile), the held part an update named after its last date.
  const current = new Map<string, CalEvent>();
  for (const e of rec.events) if (e.kind === 'series' && e.unitId) current.set(e.unitId, e);
  for (const e of current.values()) {
    const path = `pairs/${pairNames.parts([pairStem(e)], '.ics')}`;
    pairFiles.set(e.unitId as string, path);
    files.set(path, calendar({ method: 'REQUEST' }, [e]));
  }
  for (const e of rec.events) {
    if (e.kind !== 'series' || !e.unitId || current.get(e.unitId) === e) continue;
    const until = /UNTIL=(\d{4})(\d\d)(\d\d)/.exec(e.rrule ?? '');
    const tail = until ? ['until', `${until[1]}-${until[2]}-${until[3]}`] : ['earlier'];
    const path = `pairs/${pairNames.parts([pairStem(e), ...tail], '.ics')}`;
    files.set(path, calendar({ method: 'REQUEST' }, [e]));
  }
  // iTIP (RFC 5546) wants one UID per message: one CANCEL file per cancelled event or series.
  const byUid = new Map<string, CalEvent[]>();
  for (const c of rec.cancellations) {
    const list = byUid.get(c.uid);
    if (list) list.push(c);
    else byUid.set(c.uid, [c]);
  }
  const cancelNames = new FileNamer();
  for (const list of byUid.values()) {
    const c = list[0];
    // Pair events are named after the people (never cut short); a milestone after its title.
    const path =
      c.kind === 'milestone'
        ? cancelNames.name(c.summary, '.ics')
        : cancelNames.parts(
            [
              c.kind === 'checkin'
                ? 'Check-in'
                : c.summary.startsWith('Group')
                  ? 'Group-mentoring'
                  : 'Mentoring',
              pairStem(c),
            ],
            '.ics',
          );
    files.set(`cancellations/${path}`, calendar({ method: 'CANCEL' }, list));
  }

  // Personal files: every live event that concerns the person, to import or subscribe.
  const names = new Map<string, string>();
  for (const s of plan.series)
    for (const p of [s.unit.mentor, ...s.unit.mentees]) names.set(p.email.toLowerCase(), p.name);
  for (const e of imported)
    for (const a of e.attendees)
      if (!names.has(a.email.toLowerCase())) names.set(a.email.toLowerCase(), a.name);
  const perPerson = new Map<string, CalEvent[]>([...names.keys()].sort().map((k) => [k, []]));
  const everyone = [
    ...new Set(
      plan.series
        .flatMap((s) => [s.unit.mentor, ...s.unit.mentees])
        .map((p) => p.email.toLowerCase()),
    ),
  ];
  for (const e of imported) {
    const targets = e.audience.includes('*')
      ? everyone
      : new Set(e.audience.map((a) => a.toLowerCase()));
    for (const t of targets) perPerson.get(t)?.push(e);
  }
  const personFiles = new Map<string, string>();
  const personNames = new FileNamer();
  for (const [email, events] of perPerson) {
    if (!events.length) continue;
    const path = `people/${personNames.parts([personStem({ name: names.get(email) ?? '', email }, 60)], '.ics')}`;
    personFiles.set(email, path);
    files.set(path, calendar({ name: `${config.program.name}: ${names.get(email)}` }, events));
  }
  files.set('all.ics', calendar({ name: config.program.name }, imported));
  files.set(
    'schedule.csv',
    csvChunks(
      MEETING_COLUMNS.map((c) => c.header),
      rows,
    ),
  );
  return { files, pairFiles, personFiles, rows, timezoneOf };
}
