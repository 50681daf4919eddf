import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';

const DAY = 86_400_000;

/** Expands the pair's series in its own file and in the person's file with ical.js. */
function starts(
  out: ReturnType<typeof runSchedule>['out'],
  uid: string,
  file: string,
  limit = 500,
): Date[] {
  return expandStarts(parseCalendar(out.files.get(file) as string), uid, limit);
}

describe('every meeting at the anchor wall-clock time in ical.js, whatever the zone', () => {
  it.each([
    // Ramadan: Casablanca leaves +01 for five weeks (February-March 2027).
    ['Africa/Casablanca', 'Europe/Paris', '2027-01-04', '2027-11-26'],
    // Southern hemisphere and half-hour zones.
    ['Australia/Lord_Howe', 'Asia/Kolkata', '2027-02-01', '2027-11-26'],
    ['America/St_Johns', 'Europe/London', '2027-02-01', '2027-11-26'],
    ['Australia/Adelaide', 'Asia/Kathmandu', '2027-02-01', '2027-11-26'],
    ['America/Sao_Paulo', 'Pacific/Auckland', '2027-02-01', '2027-11-26'],
  ])('anchor %s, other %s', (anchorTz, otherTz, startDate, endDate) => {
    const config = configWith(
      {
        frequency: 'weekly',
        workingHours: { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5] },
      },
      { startDate, endDate, timezone: anchorTz },
    );
    const people = [
      person('tom@x.org', 'Tom Lee', 'mentor', {
        timezone: anchorTz,
        availability: hours([3], '10:00', '11:00'),
      }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: otherTz }),
    ];
    const { out, rec, plan } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const uid = rec.events.find((e) => e.kind === 'series')!.uid;
    const time = plan.series[0].occurrences[0].time;
    for (const file of [out.pairFiles.get('p1')!, 'all.ics', 'people/Ana-Ruiz.ics']) {
      const got = starts(out, uid, file);
      expect(got.length).toBeGreaterThan(40);
      const walls = got.map((d) => wallIn(d, anchorTz));
      expect(
        walls.filter((w) => w.slice(11) !== time),
        file,
      ).toEqual([]);
      // One meeting a week, none lost or duplicated by the VTIMEZONE.
      const dates = walls.map((w) => Date.parse(`${w.slice(0, 10)}T00:00:00Z`));
      expect(dates.slice(1).every((d, i) => d - dates[i] === 7 * DAY)).toBe(true);
    }
  });

  it('a schedule.count that runs into the next years keeps the right time to the last meeting', () => {
    const config = configWith(
      { frequency: 'weekly', count: 150 },
      { startDate: '2027-02-01', endDate: '2027-11-26', timezone: 'Europe/Berlin' },
    );
    const people = [
      person('tom@x.org', 'Tom Lee', 'mentor', {
        timezone: 'Europe/Berlin',
        availability: hours([2], '15:00', '16:00'),
      }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'America/New_York' }),
    ];
    const { out, rec } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const uid = rec.events.find((e) => e.kind === 'series')!.uid;
    const got = starts(out, uid, out.pairFiles.get('p1')!);
    expect(got).toHaveLength(150);
    expect(wallIn(got[149], 'Europe/Berlin').slice(0, 4)).toBe('2029');
    expect(
      got.map((d) => wallIn(d, 'Europe/Berlin').slice(11)).filter((t) => t !== '15:00'),
    ).toEqual([]);
  });
});

describe('short descriptions', () => {
  it('150 meetings: the first few dates and a pointer, under 8,000 characters', () => {
    const config = configWith(
      { frequency: 'weekly', count: 150 },
      { startDate: '2027-02-01', endDate: '2027-11-26', timezone: 'Europe/Berlin' },
    );
    const people = [
      person('tom@x.org', 'Tom Lee', 'mentor', { availability: hours([2], '15:00', '16:00') }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', { goals: 'g'.repeat(20_000) }),
    ];
    const { rec } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const description = rec.events.find((e) => e.kind === 'series')!.description;
    expect(description.length).toBeLessThan(8000);
    expect(description).toContain('1. Tue 2 Feb 2027');
    expect(description).toContain('8. Tue 23 Mar 2027');
    expect(description).not.toContain('9. Tue 30 Mar 2027');
    expect(description).toContain('… and 142 more meetings, the last on');
  });
});
