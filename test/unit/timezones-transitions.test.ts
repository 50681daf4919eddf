import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { zoneTransitions } from '../../src/core/timezones/transitions.js';
import { ZoneClock, dayNumber } from '../../src/core/timezones/clock.js';
import { buildVTimezone } from '../../src/io/formats/ics/vtimezone.js';
import { buildCalendar } from '../../src/io/formats/ics/write.js';
import { parseCalendar, wallIn } from '../helpers/ical.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('zone transitions, exact to the minute', () => {
  it.each([
    // Half-hour offsets and Lord Howe's 30-minute shift: 02:00 local standard time, not 02:30.
    ['Australia/Lord_Howe', ['2027-04-03T15:00 660->630', '2027-10-02T15:30 630->660']],
    ['America/St_Johns', ['2027-03-14T05:30 -210->-150', '2027-11-07T04:30 -150->-210']],
    ['Australia/Adelaide', ['2027-04-03T16:30 630->570', '2027-10-02T16:30 570->630']],
    // Ramadan: two changes five weeks apart, which a month-step scan can miss.
    ['Africa/Casablanca', ['2027-02-07T02:00 60->0', '2027-03-14T02:00 0->60']],
    ['Europe/London', ['2027-03-28T01:00 0->60', '2027-10-31T01:00 60->0']],
    ['Asia/Kathmandu', []],
  ])('%s in 2027', (tz, expected) => {
    const found = zoneTransitions(tz, Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1));
    expect(found.map((t) => `${iso(t.at)} ${t.from}->${t.to}`)).toEqual(expected);
  });

  it('each change agrees with Intl one minute either side', () => {
    for (const tz of ['Australia/Lord_Howe', 'America/St_Johns', 'Africa/Casablanca']) {
      for (const t of zoneTransitions(tz, Date.UTC(2027, 0, 1), Date.UTC(2030, 0, 1))) {
        const before = wallIn(new Date(t.at - 60_000), tz);
        const after = wallIn(new Date(t.at), tz);
        // The wall clock jumps by the change (minus the minute that passed).
        const step =
          (Date.parse(`${after.replace(' ', 'T')}Z`) - Date.parse(`${before.replace(' ', 'T')}Z`)) /
          60_000;
        expect(step, `${tz} ${iso(t.at)}`).toBe(t.to - t.from + 1);
      }
    }
  });
});

describe('ZoneClock resolves local times as RFC 5545 3.3.5 does', () => {
  const at = (tz: string, date: string, minute: number) =>
    iso(
      new ZoneClock(tz, dayNumber(date) - 10, dayNumber(date) + 10).toUtc({
        day: dayNumber(date),
        minute,
      }),
    );
  it.each([
    // Twice (autumn): the first occurrence, still on summer time.
    ['Europe/London', '2027-10-31', 60, '2027-10-31T00:00'],
    ['Australia/Lord_Howe', '2027-04-04', 105, '2027-04-03T14:45'],
    ['America/St_Johns', '2027-11-07', 90, '2027-11-07T04:00'],
    // Skipped (spring): read with the offset before the gap, i.e. as many minutes after it.
    ['Europe/London', '2027-03-28', 90, '2027-03-28T01:30'],
    ['Australia/Lord_Howe', '2027-10-03', 135, '2027-10-02T15:45'],
    ['America/New_York', '2027-03-14', 150, '2027-03-14T07:30'],
    // Ordinary times on a change day.
    ['Europe/London', '2027-03-28', 30, '2027-03-28T00:30'],
    ['Europe/London', '2027-03-28', 720, '2027-03-28T11:00'],
    ['Australia/Adelaide', '2027-10-03', 600, '2027-10-02T23:30'],
  ])('%s %s minute %i -> %s', (tz, date, minute, expected) => {
    expect(at(tz, date, minute)).toBe(expected);
  });
});

describe('VTIMEZONE read by ical.js agrees with the tz database', () => {
  const zones = [
    'Africa/Casablanca',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Australia/Adelaide',
    'America/Sao_Paulo',
    'Pacific/Auckland',
    'Europe/Dublin',
    'Asia/Kathmandu',
  ];
  const p2 = (n: number) => String(n).padStart(2, '0');
  it.each(zones)('%s, 2027-2029: local times become the instants Intl shows them at', (tz) => {
    const root = parseCalendar(
      buildCalendar({ timezones: [buildVTimezone(tz, 2027, 2029)], events: [] }),
    );
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    const changes = zoneTransitions(tz, Date.UTC(2027, 0, 1), Date.UTC(2030, 0, 1));
    // Wall times every six hours, and every quarter hour on each change day.
    const walls: number[] = [];
    for (let ms = Date.UTC(2027, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 6 * 3_600_000)
      walls.push(ms);
    for (const c of changes) {
      const day = Math.floor((c.at + c.from * 60_000) / 86_400_000) * 86_400_000;
      for (let ms = day; ms < day + 86_400_000; ms += 15 * 60_000) walls.push(ms);
    }
    const wrong: string[] = [];
    for (const w of walls) {
      const d = new Date(w);
      const text = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      const t = new ICAL.Time(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
        },
        zone,
      );
      const shown = wallIn(new Date(t.toUnixTime() * 1000), tz);
      // A time skipped by a change cannot be shown; every other one must come back unchanged.
      const skipped = changes.some(
        (c) => c.to > c.from && w >= c.at + c.from * 60_000 && w < c.at + c.to * 60_000,
      );
      if (!skipped && shown !== text) wrong.push(`${text} -> ${shown}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['Australia/Lord_Howe', 'DAYLIGHT', '20271003T020000'],
    ['Australia/Lord_Howe', 'STANDARD', '20270404T020000'],
    ['America/St_Johns', 'DAYLIGHT', '20270314T020000'],
    ['Australia/Adelaide', 'DAYLIGHT', '20271003T020000'],
    ['Australia/Adelaide', 'STANDARD', '20270404T030000'],
  ])('%s %s onset at the exact minute %s', (tz, kind, onset) => {
    const text = buildVTimezone(tz, 2027, 2028).replace(/\r\n /g, '');
    const starts = [...text.matchAll(new RegExp(`BEGIN:${kind}\r\nDTSTART:(\\d{8}T\\d{6})`, 'g'))];
    expect(starts.map((m) => m[1])).toContain(onset);
  });

  it('lists every onset of an irregular observance as its own RDATE, the DTSTART one included', () => {
    const text = buildVTimezone('Africa/Casablanca', 2027, 2029).replace(/\r\n /g, '');
    const blocks = [...text.matchAll(/BEGIN:(DAYLIGHT|STANDARD)\r\n([\s\S]*?)END:\1/g)];
    const irregular = blocks.map((b) => b[2]).filter((b) => b.includes('RDATE'));
    expect(irregular.length).toBeGreaterThan(0);
    for (const b of irregular) {
      const start = /DTSTART:(\S+)/.exec(b)![1];
      const rdates = [...b.matchAll(/RDATE:(\S+)/g)].map((m) => m[1]);
      expect(rdates).toContain(start);
      expect(rdates.every((r) => !r.includes(','))).toBe(true);
    }
  });
});

describe('ZoneClock.steadyBetween (the fast path of the DST check)', () => {
  const day0 = dayNumber('2027-01-01');
  it('is true only for spans with no transition, and false outside the scanned range', () => {
    for (const tz of [
      'Europe/London',
      'Australia/Lord_Howe',
      'Africa/Casablanca',
      'Asia/Kolkata',
    ]) {
      const clock = new ZoneClock(tz, day0, day0 + 365);
      const changes = zoneTransitions(tz, Date.UTC(2026, 11, 1), Date.UTC(2028, 1, 1)).map(
        (t) => t.at,
      );
      // Every 7 hours through the year, a 36-hour span either side.
      for (let t = Date.UTC(2027, 0, 2); t < Date.UTC(2027, 11, 30); t += 7 * 3_600_000) {
        const from = t - 36 * 3_600_000;
        const to = t + 36 * 3_600_000;
        const crosses = changes.some((c) => c > from && c <= to);
        expect(clock.steadyBetween(from, to), `${tz} ${iso(t)}`).toBe(!crosses);
      }
      expect(clock.steadyBetween(Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2))).toBe(false);
    }
  });
});
