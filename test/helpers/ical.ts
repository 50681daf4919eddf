/** Reading .ics text back with ical.js (as calendar clients do) for assertions. */

import ICAL from 'ical.js';

/** Parses an iCalendar text and registers its VTIMEZONEs so times convert correctly. */
export function parseCalendar(text: string): ICAL.Component {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz, tz.tzid);
  }
  return root;
}

/** "YYYY-MM-DD HH:MM" of an instant in a zone, via Intl (independent of the code under test). */
export function wallIn(date: Date, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * Every occurrence start (as a real instant) of the series with this UID, overrides and EXDATEs
 * applied.
 */
export function expandStarts(root: ICAL.Component, uid: string, limit = 500): Date[] {
  const comps = root
    .getAllSubcomponents('vevent')
    .filter((c) => c.getFirstPropertyValue('uid') === uid);
  const master = comps.find((c) => !c.hasProperty('recurrence-id'));
  if (!master) throw new Error(`no master for ${uid}`);
  const event = new ICAL.Event(master);
  for (const c of comps) if (c !== master) event.relateException(c);
  if (!event.isRecurring()) return [event.startDate.toJSDate()];
  const out: Date[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && out.length < limit; next = it.next())
    out.push(event.getOccurrenceDetails(next).startDate.toJSDate());
  return out;
}

/** Unfolded content lines of an .ics text. */
export function contentLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}
