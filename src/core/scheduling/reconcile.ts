/**
 * Comparing a new plan with the previous run: keep UIDs and DTSTAMPs, raise SEQUENCE on change,
 * cancel what vanished.
 */

import type { CalEvent } from './model.js';
import { stableHash } from './ids.js';

/** What the previous run wrote for one UID. */
export interface StoredEvent {
  hash: string;
  sequence: number;
  dtstamp: string;
  status: 'active' | 'cancelled';
  /** The event without its description (enough to write a cancellation). */
  event: CalEvent;
  /** Rule dates (RECURRENCE-IDs) of the meetings the series held. */
  occurrences: string[];
  /** Single meetings of a still-running series that were cancelled. */
  cancelledInstances: { date: string; time: string; sequence: number; dtstamp: string }[];
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
export function eventHash(e: CalEvent): string {
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
): Reconciled {
  const stamp = now.toISOString();
  const prev = Object.assign(
    Object.create(null) as Record<string, StoredEvent>,
    previous?.events ?? {},
  );
  const next: Record<string, StoredEvent> = Object.create(null) as Record<string, StoredEvent>;
  const counts = { added: 0, changed: 0, unchanged: 0, cancelled: 0 };
  const out: CalEvent[] = [];
  const cancellations: CalEvent[] = [];

  for (const e of events) {
    const hash = eventHash(e);
    const old = prev[e.uid];
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
    const held = occurrences.get(e.uid) ?? [];
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
    next[e.uid] = {
      hash,
      sequence,
      dtstamp,
      status: 'active',
      event: { ...final, description: '' },
      occurrences: held,
      cancelledInstances: instances,
    };
  }
  for (const uid of Object.keys(prev).sort()) {
    if (next[uid]) continue;
    const old = prev[uid];
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
