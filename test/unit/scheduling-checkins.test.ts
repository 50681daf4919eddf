import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { managerWindows } from '../../src/core/scheduling/checkins.js';
import { defaultConfig } from '../../src/core/config.js';

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'Europe/London',
    availability: hours([2], '14:00', '15:00'),
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/London' }),
  // 08:00 Sydney is 21:00/22:00 London, and the night before in New York.
  person('sam@x.org', 'Sam Lowe', 'mentor', {
    timezone: 'Australia/Sydney',
    availability: hours([3], '08:00', '09:00'),
  }),
  person('lia@x.org', 'Lia Chen', 'mentee', {
    timezone: 'Australia/Sydney',
    availability: hours([3], '08:00', '09:00'),
  }),
];
const matches = [match('p1', 'tom@x.org', 'ana@x.org'), match('p2', 'sam@x.org', 'lia@x.org')];

function plan(schedule: Parameters<typeof configWith>[0], manager = {}) {
  const config = configWith(schedule, {
    startDate: '2027-02-01',
    endDate: '2027-07-30',
    timezone: 'Europe/London',
  });
  config.milestones = [];
  config.program.manager = { ...config.program.manager, ...manager };
  return runSchedule(config, people, matches).plan;
}

describe('check-ins', () => {
  it('with monthly meetings each check-in joins the meeting nearest its week', () => {
    const p = plan({ frequency: 'monthly', checkInWeeks: [5, 9, 17] });
    const tom = p.series.find((s) => s.unit.id === 'p1')!;
    // First Tuesday of each month at 14:00 London.
    expect(tom.occurrences.map((o) => o.date).slice(0, 5)).toEqual([
      '2027-02-02',
      '2027-03-02',
      '2027-04-06',
      '2027-05-04',
      '2027-06-01',
    ]);
    const checkIns = p.events.filter((e) => e.kind === 'checkin' && e.unitId === 'p1');
    // Week 5 = 8-14 March (2 March is 6 days away), week 9 = 5-11 April, week 17 = 31 May-6 June.
    expect(checkIns.map((e) => `${e.start.date} ${e.start.time} ${e.tz}`)).toEqual([
      '2027-03-02 14:00 Europe/London',
      '2027-04-06 14:00 Europe/London',
      '2027-06-01 14:00 Europe/London',
    ]);
    expect(checkIns[0].description).toContain('your meeting on Tue 2 Mar 2027 (meeting 2');
  });

  it("respects the manager's availability in the manager's zone, and reports what it cannot book", () => {
    const p = plan(
      { frequency: 'weekly', checkInWeeks: [6] },
      {
        timezone: 'America/New_York',
        availability: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
      },
    );
    const checkIns = p.events.filter((e) => e.kind === 'checkin');
    // 14:00 London is 09:00 New York: inside. Sydney's Wednesday 08:00 is Tuesday 17:00 New York
    // once the US changes clocks (14 March), too late for 20 minutes before 17:00; so the nearest
    // meeting that fits is the one of 10 March (16:00 New York), not those of 17 or 24 March.
    expect(checkIns.map((e) => `${e.unitId} ${e.start.date} ${e.start.time}`)).toEqual([
      'p1 2027-03-16 14:00',
      'p2 2027-03-10 08:00',
    ]);
    const night = plan(
      { frequency: 'weekly', checkInWeeks: [6] },
      {
        timezone: 'America/New_York',
        availability: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }],
      },
    );
    expect(night.events.filter((e) => e.kind === 'checkin').map((e) => e.unitId)).toEqual(['p1']);
    expect(night.problems.map((x) => x.message)).toContain(
      "1 check-in(s) not booked: no meeting within 4 weeks of the week falls inside the program manager's free time (program.manager.availability): Sam Lowe ↔ Lia Chen (week 6)",
    );
  });

  it('never books the manager twice at once: two pairs at the same time share no check-in slot', () => {
    const twin = [
      ...people.slice(0, 2),
      person('kim@x.org', 'Kim Park', 'mentor', {
        timezone: 'Europe/London',
        availability: hours([2], '14:00', '15:00'),
      }),
      person('bo@x.org', 'Bo Berg', 'mentee', { timezone: 'Europe/London' }),
    ];
    const config = configWith(
      { frequency: 'weekly', checkInWeeks: [6] },
      { startDate: '2027-02-01', endDate: '2027-07-30', timezone: 'Europe/London' },
    );
    config.milestones = [];
    const { plan: p } = runSchedule(config, twin, [
      match('p1', 'tom@x.org', 'ana@x.org'),
      match('p3', 'kim@x.org', 'bo@x.org'),
    ]);
    const starts = p.events.filter((e) => e.kind === 'checkin').map((e) => e.start);
    expect(starts).toHaveLength(2);
    expect(new Set(starts.map((s) => `${s.date} ${s.time}`)).size).toBe(2);
  });

  it('without program.manager.availability the manager keeps schedule.workingHours', () => {
    const config = defaultConfig();
    delete config.program.manager.availability;
    expect(managerWindows(config)).toHaveLength(5);
    expect(managerWindows(config)[0]).toEqual({ day: 1, start: 540, end: 1020 });
  });
});
