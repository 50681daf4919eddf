/**
 * Milestones for a spread-out program: one session per local start (`localTime`), sessions per
 * region, the warning for an unreasonable local hour, and every session as busy time.
 */

import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { checkConfigData } from '../../src/core/config-check.js';
import type { Milestone, ProgramConfig } from '../../src/core/config.js';

const people = [
  person('lena@x.org', 'Lena Ross', 'mentor', { timezone: 'Europe/London' }),
  person('paul@x.org', 'Paul Roy', 'mentee', { timezone: 'Europe/Paris' }),
  person('sam@x.org', 'Sam Lowe', 'mentor', {
    timezone: 'Australia/Sydney',
    availability: hours([3], '09:00', '12:00'),
  }),
  person('lia@x.org', 'Lia Chen', 'mentee', {
    timezone: 'Australia/Sydney',
    availability: hours([3], '09:00', '12:00'),
  }),
  person('kai@x.org', 'Kai Ito', 'mentor', { timezone: 'Asia/Tokyo' }),
  person('ben@x.org', 'Ben Berg', 'mentee', { timezone: 'Europe/Berlin' }),
];
const matches = [
  match('p1', 'lena@x.org', 'paul@x.org'),
  match('p2', 'sam@x.org', 'lia@x.org'),
  match('p3', 'kai@x.org', 'ben@x.org'),
];

const training: Milestone = {
  id: 'mentor-training',
  name: 'Mentor training',
  date: '2027-02-10',
  time: '15:00',
  durationMinutes: 90,
  audience: 'mentors',
};

function configOf(milestones: Milestone[]): ProgramConfig {
  const config = configWith(
    { frequency: 'weekly', checkInWeeks: [] },
    { startDate: '2027-02-01', endDate: '2027-03-31', timezone: 'Europe/London' },
  );
  config.milestones = milestones;
  return config;
}

const plan = (milestones: Milestone[]) => runSchedule(configOf(milestones), people, matches);

/** Each milestone event as "UTC start | TZID local | who gets it in their file". */
function sessions(milestones: Milestone[]): string[] {
  const { plan: p } = plan(milestones);
  return p.events
    .filter((e) => e.kind === 'milestone')
    .map((e) => `${e.start.date} ${e.start.time} ${e.tz} | ${e.summary} | ${e.audience.join(',')}`);
}

describe('milestones in the program time zone (the default)', () => {
  it('warns how many people get it at an unreasonable hour and in which zones', () => {
    const { plan: p } = plan([training]);
    // 15:00 London is 02:00-03:30 in Sydney (summer time) and 00:00-01:30 in Tokyo.
    expect(p.problems.filter((x) => x.code === 'milestone-hour').map((x) => x.message)).toEqual([
      'Mentor training (milestones[0]) is before 07:00 or after 21:00 local time for 2 people ' +
        'in 2 time zones: Asia/Tokyo 00:00-01:30 (1), Australia/Sydney 02:00-03:30 (1) ' +
        '(set milestones[0].localTime to true, or give it regions with their own times)',
    ]);
    expect(sessions([training])).toEqual([
      '2027-02-10 15:00 Europe/London | Mentoring Program: Mentor training | lena@x.org,sam@x.org,kai@x.org',
    ]);
  });

  it('gives no warning when every attendee has it in the day', () => {
    const mentees: Milestone = {
      ...training,
      id: 'mentee-day',
      audience: 'mentees',
      time: '09:00',
    };
    // 09:00 London is 10:00 Paris and Berlin, 20:00-21:30 Sydney: past 21:00 for Lia.
    const { plan: p } = plan([mentees]);
    const warnings = p.problems.filter((x) => x.code === 'milestone-hour');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('for 1 person in 1 time zone: Australia/Sydney 20:00-21:30 (1)'),
    ]);
    const { plan: early } = plan([{ ...mentees, time: '08:00' }]);
    expect(early.problems.filter((x) => x.code === 'milestone-hour')).toEqual([]);
  });
});

describe('milestones[].localTime', () => {
  const local: Milestone = { ...training, localTime: true };

  it('holds one session per local start: each mentor gets it at 15:00 in their own zone', () => {
    expect(sessions([local])).toEqual([
      '2027-02-10 15:00 Australia/Sydney | Mentoring Program: Mentor training | sam@x.org',
      '2027-02-10 15:00 Asia/Tokyo | Mentoring Program: Mentor training | kai@x.org',
      '2027-02-10 15:00 Europe/London | Mentoring Program: Mentor training | lena@x.org',
    ]);
    const { plan: p } = plan([local]);
    expect(p.problems.filter((x) => x.code === 'milestone-hour')).toEqual([]);
    const tokyo = p.events.find((e) => e.kind === 'milestone' && e.tz === 'Asia/Tokyo')!;
    expect(tokyo.description).toContain(
      "Held at 15:00 in each person's own time zone: this is the session at 15:00 UTC+09:00.",
    );
    // Sydney (UTC+11) first: sessions in time order. The session in the program zone keeps the UID of a plain milestone; the others their own.
    const plainUid = plan([training]).plan.events.find((e) => e.kind === 'milestone')!.uid;
    const uids = p.events.filter((e) => e.kind === 'milestone').map((e) => e.uid);
    expect(uids[2]).toBe(plainUid);
    expect(new Set(uids).size).toBe(3);
  });

  it('people whose zones share the local start share a session', () => {
    const mentees: Milestone = { ...local, id: 'mentee-day', audience: 'mentees' };
    // Paris and Berlin are both UTC+01:00 in February: one session for Paul and Ben.
    expect(sessions([mentees])).toEqual([
      '2027-02-10 15:00 Australia/Sydney | Mentoring Program: Mentor training | lia@x.org',
      '2027-02-10 15:00 Europe/Berlin | Mentoring Program: Mentor training | paul@x.org,ben@x.org',
    ]);
  });

  it('every session is busy time: no meeting is booked over it for its people or the manager', () => {
    // Sam and Lia can meet only on Wednesdays 09:00-12:00 Sydney; a local-time session at 09:00
    // on Wednesday 10 February takes 09:00-10:30 of it for Sam.
    const morning: Milestone = { ...local, time: '09:00', date: '2027-02-03' };
    const { plan: p } = plan([morning]);
    const sam = p.series.find((s) => s.unit.id === 'p2')!;
    const first = sam.occurrences.find((o) => o.ruleDate === '2027-02-03')!;
    expect(first.status).toBe('moved');
    expect(first.time >= '10:30').toBe(true);
    expect(p.conflicts.find((c) => c.unitId === 'p2')?.with).toBe('Mentor training');
  });
});

describe('milestones[].regions', () => {
  const regional: Milestone = {
    ...training,
    regions: [
      {
        name: 'APAC',
        timezone: 'Australia/Sydney',
        zones: ['Australia/*', 'Asia/*'],
        time: '10:00',
      },
    ],
  };

  it("gives the region's people their session and everyone else the milestone's own", () => {
    expect(sessions([regional])).toEqual([
      '2027-02-10 10:00 Australia/Sydney | Mentoring Program: Mentor training (APAC) | sam@x.org,kai@x.org',
      '2027-02-10 15:00 Europe/London | Mentoring Program: Mentor training | lena@x.org',
    ]);
    // 10:00 Sydney is 08:00 Tokyo: nobody at an unreasonable hour.
    expect(plan([regional]).plan.problems.filter((x) => x.code === 'milestone-hour')).toEqual([]);
  });

  it('warns for a region session at night for some of its people', () => {
    const late = { ...regional, regions: [{ ...regional.regions![0], time: '22:00' }] };
    const warnings = plan([late]).plan.problems.filter((x) => x.code === 'milestone-hour');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /for 2 people in 2 time zones: Asia\/Tokyo 20:00-21:30 \(1\), Australia\/Sydney 22:00-23:30 \(1\) \(change milestones\[0\]\.time or the time of its regions\)$/,
      ),
    ]);
  });

  it('the config refuses localTime with regions, an unknown zone and a repeated region', () => {
    const check = (m: Milestone) => {
      const c = checkConfigData(JSON.parse(JSON.stringify(configOf([m]))));
      return c.ok ? 'ok' : c.message;
    };
    expect(check(regional)).toBe('ok');
    expect(check({ ...regional, localTime: true })).toMatch(/both "localTime": true and regions/);
    expect(
      check({ ...regional, regions: [{ name: 'X', timezone: 'Mars/Olympus', zones: ['Asia*'] }] }),
    ).toMatch(/not a known IANA time zone/);
    expect(
      check({ ...regional, regions: [{ name: 'X', timezone: 'Asia/Tokyo', zones: ['Asia*'] }] }),
    ).toMatch(/"Asia\*" is neither an IANA time zone nor an area/);
    expect(check({ ...regional, regions: [regional.regions![0], regional.regions![0]] })).toMatch(
      /name "APAC" is used twice/,
    );
  });
});
