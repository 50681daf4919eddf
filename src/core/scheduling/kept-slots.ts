/** The weekly slot each pair's series had in the last run, so that a re-run keeps it. */

import type { ScheduleState } from './reconcile.js';
import type { KeptSlot } from './slots.js';
import { dayNumber, isoWeekday, parseClock } from '../timezones/clock.js';

/**
 * Unit id -> the slot of its live series in `previous` (the part that continues, for a series
 * split before): weekday and start of its first meeting in the anchor's zone.
 */
export function keptSlots(previous: ScheduleState | undefined): Map<string, KeptSlot> {
  const kept = new Map<string, KeptSlot>();
  for (const stored of Object.values(previous?.events ?? {})) {
    const e = stored.event;
    if (stored.status !== 'active' || stored.next || e.kind !== 'series' || !e.unitId) continue;
    kept.set(e.unitId, {
      tz: e.tz,
      weekday: isoWeekday(dayNumber(e.start.date)),
      minute: parseClock(e.start.time),
    });
  }
  return kept;
}
