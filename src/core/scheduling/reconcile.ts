/**
 * Comparing a new plan with the previous run: keep UIDs and DTSTAMPs, raise SEQUENCE on change,
 * cancel what vanished.
 */

import type { CalEvent } from './model.js';
import { stableHash } from './ids.js';
import { dayNumber, parseClock, ZoneClock } from '../timezones/clock.js';

/** What the previous run wrote for one UID. */
export interface StoredEvent {
  hash: string;
  sequence: number;
  dtstamp: string;
  status: 'active' | 'cancelled';
  /** The event (a series without its description: enough to write a cancellation). */
  event: CalEvent;
  /** Rule dates (RECURRENCE-IDs) of the meetings the series held. */
  occurrences: string[];
  /** Single meetings of a still-running series that were cancelled. */
  cancelledInstances: { date: string; time: string; sequence: number; dtstamp: string }[];
  /**
   * Set on a series that was split because it changed after meetings were held: its UNTIL stops at
   * the last one held, and the pair's meetings continue as `uid` from rule date `from`.
   */
  next?: { uid: string; from: string };
}

/** The `schedule` state document. */
export interface ScheduleState {
  version: 1;
  /** What UIDs are derived from, fixed by the first run (see PlanInput.programId). */
  programId?: string;
  events: Record<string, StoredEvent>;
  /** Files written by the last run, relative to the output folder (stale ones are removed). */
  files: string[];
  /**
   * Output folder: relative to the program folder when inside it (absolute in states written before
   * that).
   */
  outDir?: string;
  /**
   * Per written file "<content hash> <size> <mtime ms>", so the next run recognises unchanged files
   * without reading them.
   */
  stamps?: Record<string, string>;
}

/** The outcome of reconciling. */
export interface Reconciled {
  /** Events to publish, with SEQUENCE and DTSTAMP set. */
  events: CalEvent[];
  /** Whole-event and single-instance cancellations (STATUS:CANCELLED). */
  cancellations: CalEvent[];
  state: ScheduleState;
  counts: { added: number; changed: number; unchanged: number; cancelled: number };
}

/**
 * Content fingerprint of an event, ignoring SEQUENCE and DTSTAMP and who gets it in their personal
 * file (`audience`): a milestone whose audience grows is not a changed event (RFC 5546 raises
 * SEQUENCE only for a change to the event itself).
 */
function eventHash(e: CalEvent): string {
  return stableHash(JSON.stringify({ ...e, sequence: 0, dtstamp: '', audience: [] }));
}

/**
 * Reconciles `events` (rule dates per series in `occurrences`) against `previous`; `now` stamps
 * what changed.
 */
export function reconcile(
  events: CalEvent[],
  occurrences: ReadonlyMap<string, string[]>,
  previous: ScheduleState | undefined,
  now: Date,
  describeFrom?: (unitId: string, from: string) => string | undefined,
): Reconciled {
  /** The planned series from rule date `from` on, under `uid`, described from there. */
  const continuation = (e: CalEvent, uid: string, from: string): CalEvent => ({
    ...continuationOf(e, uid, from),
    description: (e.unitId && describeFrom?.(e.unitId, from)) || e.description,
  });
  const stamp = now.toISOString();
  const prev = Object.assign(
    Object.create(null) as Record<string, StoredEvent>,
    previous?.events ?? {},
  );
  const next: Record<string, StoredEvent> = Object.create(null) as Record<string, StoredEvent>;
  const counts = { added: 0, changed: 0, unchanged: 0, cancelled: 0 };
  const out: CalEvent[] = [];
  const cancellations: CalEvent[] = [];

  /**
   * Splits a changed series that already held meetings (RFC 5545 has no way to change only the
   * future of a series that every client honours: RANGE=THISANDFUTURE is ignored by Google and
   * Outlook). The old UID gets an UNTIL at its last held meeting, a new UID carries the plan from
   * its first meeting at or after `now`. False when nothing was held (an ordinary update).
   */
  const splitSeries = (old: StoredEvent, e: CalEvent, uid: string, held: string[]): boolean => {
    const movedTo = new Map((e.moved ?? []).map((m) => [m.recurrenceId.date, m]));
    const at = (d: string) => {
      const m = movedTo.get(d);
      return m ? movedUtc(e, m) : startUtc(e, d);
    };
    const first = held.find((d) => at(d) >= now.getTime());
    // Only new text (a rename, new goals): the held meetings keep their times, so an ordinary
    // update (same UID, higher SEQUENCE) changes no past meeting.
    const pastNew = held.map(at).filter((t) => t < now.getTime());
    const pastOld = pastStarts(old, now.getTime());
    if (pastNew.length === pastOld.length && pastNew.every((t, i) => t === pastOld[i]))
      return false;
    const ended = endedSeries(old, now, first);
    if (!ended) return false;
    const truncated = { ...ended.event, sequence: old.sequence + 1, dtstamp: stamp };
    out.push(truncated);
    counts.changed++;
    const successor = first === undefined ? undefined : splitUid(e.uid, first);
    next[uid] = {
      ...old,
      hash: eventHash(ended.event),
      sequence: truncated.sequence,
      dtstamp: stamp,
      event: truncated,
      occurrences: ended.occurrences,
      cancelledInstances: old.cancelledInstances.filter((c) => c.date <= ended.last),
      ...(successor && first ? { next: { uid: successor, from: first } } : {}),
    };
    if (!successor || !first) return true;
    const part = continuation(e, successor, first);
    const earlier = prev[successor];
    const final = {
      ...part,
      sequence: earlier ? earlier.sequence + 1 : 0,
      dtstamp: stamp,
    };
    out.push(final);
    counts.added++;
    next[successor] = {
      hash: eventHash(part),
      sequence: final.sequence,
      dtstamp: stamp,
      status: 'active',
      event: { ...final, description: '' },
      occurrences: held.filter((d) => d >= first),
      cancelledInstances: [],
    };
    return true;
  };

  for (const planned of events) {
    // A series split by an earlier run: its held part stays as written, and the plan is compared
    // with the part that continues (from the same rule date on).
    let uid = planned.uid;
    let from: string | undefined;
    for (let seg = prev[uid]; seg?.next && seg.status === 'active'; seg = prev[uid]) {
      out.push(seg.event);
      next[uid] = seg;
      counts.unchanged++;
      from = seg.next.from;
      uid = seg.next.uid;
    }
    const e = from === undefined ? planned : continuation(planned, uid, from);
    const held = (occurrences.get(planned.uid) ?? []).filter(
      (d) => from === undefined || d >= from,
    );
    const hash = eventHash(e);
    const old = prev[uid];
    if (old && old.status === 'active' && old.hash !== hash) {
      // Calendars only change the future: a single event already past keeps what it was.
      if (e.kind !== 'series' && startUtc(old.event, old.event.start.date) < now.getTime()) {
        out.push(old.event);
        next[uid] = old;
        counts.unchanged++;
        continue;
      }
      if (e.kind === 'series' && splitSeries(old, e, uid, held)) continue;
    }
    // A check-in planned in the past (a pair scheduled late) is never added after the fact.
    if (!old && e.kind === 'checkin' && previous && startUtc(e, e.start.date) < now.getTime())
      continue;
    let sequence = 0;
    let dtstamp = stamp;
    if (!old) counts.added++;
    else if (old.hash === hash && old.status === 'active') {
      sequence = old.sequence;
      dtstamp = old.dtstamp;
      counts.unchanged++;
    } else {
      sequence = old.sequence + 1;
      counts.changed++;
    }
    const final = { ...e, sequence, dtstamp };
    out.push(final);
    const instances = old ? instanceCancellations(old, final, held, stamp) : [];
    for (const c of instances)
      cancellations.push({
        ...stripped(final),
        recurrenceId: { date: c.date, time: c.time },
        start: { date: c.date, time: c.time },
        status: 'CANCELLED',
        sequence: c.sequence,
        dtstamp: c.dtstamp,
      });
    next[uid] = {
      hash,
      sequence,
      dtstamp,
      status: 'active',
      // A single event's short text is kept: should it vanish from the plan once held, it stays
      // in the import files as it was.
      event: final.kind === 'series' ? { ...final, description: '' } : final,
      occurrences: held,
      cancelledInstances: instances,
    };
  }
  for (const uid of Object.keys(prev).sort()) {
    if (next[uid]) continue;
    const old = prev[uid];
    // The held part of a split series stays as the split wrote it (its successor is handled
    // under its own UID).
    if (old.next && old.status === 'active') {
      counts.unchanged++;
      out.push(old.event);
      next[uid] = old;
      continue;
    }
    // Calendars only change the future: a series that ends after meetings were held is cut short
    // (an update with an earlier UNTIL keeps the held ones), and a single event already past is
    // left alone rather than erased from everyone's calendar.
    if (old.status === 'active' && startUtc(old.event, old.event.start.date) < now.getTime()) {
      const ended = old.event.kind === 'series' ? endedSeries(old, now) : undefined;
      if (ended) {
        const hash = eventHash(ended.event);
        const same = old.hash === hash;
        const final = {
          ...ended.event,
          sequence: same ? old.sequence : old.sequence + 1,
          dtstamp: same ? old.dtstamp : stamp,
        };
        if (same) counts.unchanged++;
        else counts.cancelled++;
        out.push(final);
        next[uid] = {
          ...old,
          hash,
          sequence: final.sequence,
          dtstamp: final.dtstamp,
          event: final,
          occurrences: ended.occurrences,
          cancelledInstances: old.cancelledInstances.filter((c) => c.date <= ended.last),
        };
      } else if (old.event.kind !== 'series') {
        counts.unchanged++;
        out.push(old.event);
        next[uid] = old;
      }
      continue;
    }
    const cancelled =
      old.status === 'cancelled'
        ? old
        : {
            ...old,
            status: 'cancelled' as const,
            sequence: old.sequence + 1,
            dtstamp: stamp,
            cancelledInstances: [],
          };
    if (old.status !== 'cancelled') counts.cancelled++;
    cancellations.push({
      ...stripped(cancelled.event),
      status: 'CANCELLED',
      sequence: cancelled.sequence,
      dtstamp: cancelled.dtstamp,
    });
    next[uid] = cancelled;
  }
  return {
    events: out,
    cancellations,
    state: { version: 1, events: next, files: previous?.files ?? [] },
    counts,
  };
}

/** UTC instant (ms) of an event's meeting on `date` at its start time, in its zone. */
function startUtc(e: CalEvent, date: string): number {
  const day = dayNumber(date);
  return new ZoneClock(e.tz, day - 3, day + 3).toUtc({ day, minute: parseClock(e.start.time) });
}

/**
 * The part of an ended series that was already held at `now`: its UNTIL moved to the last meeting
 * that started before `now`, later moves and exclusions dropped. Undefined when none was held.
 */
function endedSeries(
  old: StoredEvent,
  now: Date,
  continuesFrom?: string,
): { event: CalEvent; occurrences: string[]; last: string } | undefined {
  const e = old.event;
  const movedTo = new Map((e.moved ?? []).map((m) => [m.recurrenceId.date, m.start.date]));
  const held = old.occurrences.filter((d) => startUtc(e, movedTo.get(d) ?? d) < now.getTime());
  if (!held.length || !e.rrule) return undefined;
  const last = held[held.length - 1];
  const until = new Date(startUtc(e, last))
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const event: CalEvent = {
    ...e,
    rrule: e.rrule.replace(/UNTIL=[0-9TZ]+/, `UNTIL=${until}`),
    exdates: e.exdates?.filter((x) => x.date <= last),
    moved: e.moved?.filter((m) => m.recurrenceId.date <= last),
    description:
      continuesFrom === undefined
        ? `This series ended: its last meeting was on ${movedTo.get(last) ?? last}. The meetings already held stay in your calendar.`
        : `The meetings held until ${movedTo.get(last) ?? last} stay as they were; from ${continuesFrom} the pair meets at the time of the new invitation.`,
  };
  return { event, occurrences: held, last };
}

/** UTC starts (ms) of a stored series' meetings before `now`, moved ones at their new time. */
function pastStarts(old: StoredEvent, now: number): number[] {
  const e = old.event;
  const movedTo = new Map((e.moved ?? []).map((m) => [m.recurrenceId.date, m]));
  return old.occurrences
    .map((d) => {
      const m = movedTo.get(d);
      return m ? movedUtc(e, m) : startUtc(e, d);
    })
    .filter((t) => t < now);
}

/** UTC instant (ms) of a moved meeting's start (written in UTC, or in the event's zone). */
function movedUtc(e: CalEvent, m: NonNullable<CalEvent['moved']>[number]): number {
  if (m.utc) return Date.parse(`${m.start.date}T${m.start.time}:00Z`);
  return startUtc({ ...e, start: m.start }, m.start.date);
}

/** The UID of the part of a series that continues from rule date `from` after a split. */
function splitUid(uid: string, from: string): string {
  return `${stableHash(uid, 'from', from).slice(0, 32)}@mentor-cli`;
}

/** The planned series from rule date `from` on, under `uid` (the part after a split). */
function continuationOf(e: CalEvent, uid: string, from: string): CalEvent {
  return {
    ...e,
    uid,
    start: { date: from, time: e.start.time },
    exdates: e.exdates?.filter((x) => x.date >= from),
    moved: e.moved?.filter((m) => m.recurrenceId.date >= from),
  };
}

function stripped(e: CalEvent): CalEvent {
  return { ...e, description: `Cancelled: ${e.summary}`, exdates: undefined, moved: undefined };
}

/**
 * Meetings a continuing series no longer holds (same weekday and time, so the rule dates still line
 * up).
 */
function instanceCancellations(
  old: StoredEvent,
  now: CalEvent,
  held: string[],
  stamp: string,
): StoredEvent['cancelledInstances'] {
  const rule = (e: CalEvent) => (e.rrule ?? '').replace(/;UNTIL=.*$/, '');
  if (
    now.kind !== 'series' ||
    old.event.tz !== now.tz ||
    old.event.start.time !== now.start.time ||
    rule(old.event) !== rule(now)
  )
    return [];
  const keep = new Set(held);
  const result = old.cancelledInstances.filter((c) => !keep.has(c.date));
  const known = new Set(result.map((c) => c.date));
  for (const date of old.occurrences) {
    if (!keep.has(date) && !known.has(date))
      result.push({ date, time: now.start.time, sequence: now.sequence, dtstamp: stamp });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : 1));
}
