/** Reading a holiday calendar (.ics) into a set of blackout dates, with ical.js. */

import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { InputError } from '../../../errors.js';

const MAX_PER_EVENT = 2000;

function iso(t: ICAL.Time): string {
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/**
 * Dates (YYYY-MM-DD) covered by the events of an .ics text between `from` and `to` (inclusive ISO
 * dates).
 */
function holidayDates(text: string, from: string, to: string): Set<string> {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const dates = new Set<string>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    const addSpan = (start: ICAL.Time, end: ICAL.Time | null) => {
      const day = start.clone();
      day.isDate = true;
      // All-day events end on the day after (DTEND is exclusive); a timed event blocks the days it
      // touches.
      const stop = end ? end.clone() : start.clone();
      if (!end || !start.isDate) {
        stop.isDate = true;
        stop.addDuration(ICAL.Duration.fromData({ days: 1 }));
      }
      for (let n = 0; n < 366 && day.compare(stop) < 0; n++) {
        dates.add(iso(day));
        day.addDuration(ICAL.Duration.fromData({ days: 1 }));
      }
    };
    if (!event.isRecurring()) {
      addSpan(event.startDate, event.endDate);
      continue;
    }
    const it = event.iterator();
    for (let n = 0, next = it.next(); next && n < MAX_PER_EVENT; n++, next = it.next()) {
      if (iso(next) > to) break;
      const details = event.getOccurrenceDetails(next);
      addSpan(details.startDate as ICAL.Time, details.endDate as ICAL.Time | null);
    }
  }
  for (const d of [...dates]) if (d < from || d > to) dates.delete(d);
  return dates;
}

/** Reads a holiday .ics file; an unreadable or invalid file is a one-line InputError. */
export async function readHolidayCalendar(
  path: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Every failure names the file and says what it is: an error without a code once printed
    // "(undefined)".
    const why: Record<string, string> = {
      ENOENT: 'holiday calendar not found',
      EISDIR: 'holiday calendar is a folder, not an .ics file',
      EACCES: 'holiday calendar cannot be read (permission denied)',
      EPERM: 'holiday calendar cannot be read (permission denied)',
    };
    throw new InputError(
      (code && why[code]) ??
        `holiday calendar cannot be read (${code ?? (err as Error).message.split('\n')[0]})`,
      { file: path },
      'Fix schedule.holidayCalendar in mentor.config.json',
    );
  }
  try {
    return holidayDates(text, from, to);
  } catch (err) {
    throw new InputError(
      `is not a readable iCalendar file (${(err as Error).message.split('\n')[0]})`,
      { file: path },
      'Export the holiday calendar again as .ics, or remove schedule.holidayCalendar',
    );
  }
}
