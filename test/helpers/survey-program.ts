/**
 * A small hand-built program (6 people, 2 pairs, kickoff and midpoint answers) with known KPI
 * values.
 */

import { defaultConfig } from '../../src/core/config.js';
import type { Match, Participant } from '../../src/core/types.js';
import type { SurveyResponse } from '../../src/core/surveys/state.js';
import type { ScheduleState, StoredEvent } from '../../src/core/scheduling/reconcile.js';
import type { CalEvent } from '../../src/core/scheduling/model.js';

const person = (
  email: string,
  name: string,
  role: Participant['role'],
  department: string,
  cohort: string,
  extra: Partial<Participant> = {},
  gender = 'F',
): Participant => ({
  email,
  name,
  role,
  department,
  cohort,
  languages: [],
  topics: [],
  interests: [],
  availability: [],
  preferences: [],
  avoid: [],
  status: 'active',
  attributes: Object.assign(Object.create(null), { gender, site: 'London' }),
  ...extra,
});

export const NOW = new Date('2027-04-20T12:00:00Z');
export const config = defaultConfig();
config.participants.sensitiveAttributes = ['gender', 'site'];

export const participants: Participant[] = [
  person('alice@example.com', 'Alice Able', 'mentee', 'Eng', 'A'),
  person(
    'bob@example.com',
    'Bob Baker',
    'mentor',
    'Sales',
    'A',
    { capacity: 2, trainingCompleted: true },
    'M',
  ),
  person('carol@example.com', 'Carol Cole', 'mentee', 'Eng', 'B'),
  person(
    'dave@example.com',
    'Dave Dunn',
    'mentor',
    'Ops',
    'B',
    { capacity: 1, trainingCompleted: false },
    'M',
  ),
  person('erin@example.com', '=HYPERLINK("http://x")', 'mentee', 'Eng', 'B'),
  person('frank@example.com', 'Frank Fox', 'mentee', 'Sales', 'A', { status: 'withdrawn' }, 'M'),
];

export const matches: Match[] = [
  {
    id: 'm1',
    mentee: 'alice@example.com',
    mentor: 'bob@example.com',
    score: 80,
    reasons: ['shares Python'],
    status: 'active',
    origin: 'optimal',
    createdAt: '2027-01-05T10:00:00Z',
  },
  {
    id: 'm2',
    mentee: 'carol@example.com',
    mentor: 'dave@example.com',
    score: 60,
    reasons: ['different department'],
    status: 'active',
    origin: 'optimal',
    createdAt: '2027-01-05T10:00:00Z',
  },
];

const biweeklyDates = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(2027, 0, 11) + i * 14 * 86_400_000).toISOString().slice(0, 10),
  );

/**
 * A `schedule` series as the schedule command stores it: Mondays 10:00 London, biweekly, rule dates
 * in `occurrences`.
 */
export function storedSeries(
  unitId: string,
  emails: string[],
  occurrences: string[],
  moved: Array<[string, string]> = [],
): StoredEvent {
  const event: CalEvent = {
    uid: `${unitId}@test`,
    kind: 'series',
    unitId,
    summary: 'Mentoring',
    description: '',
    tz: 'Europe/London',
    start: { date: occurrences[0], time: '10:00' },
    durationMinutes: 45,
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
    exdates: [],
    moved: moved.map(([from, to]) => ({
      recurrenceId: { date: from, time: '10:00' },
      start: { date: to, time: '10:00' },
    })),
    organizer: { name: 'PM', email: 'pm@example.com' },
    attendees: emails.map((email) => ({ name: email, email })),
    audience: emails,
    status: 'CONFIRMED',
    sequence: 0,
    dtstamp: '2027-01-01T00:00:00Z',
  };
  return {
    hash: unitId,
    sequence: 0,
    dtstamp: event.dtstamp,
    status: 'active',
    event,
    occurrences,
    cancelledInstances: [],
  };
}

/**
 * 10 meetings per pair (Mondays from 2027-01-11, 10:00 London), 8 of them on or before NOW; 7 by
 * the midpoint answers of 5-6 April (the 5 April meeting is at 09:00 UTC). m2's 22 March meeting
 * moved to the 23rd.
 */
export const schedule: ScheduleState = {
  version: 1,
  files: [],
  events: {
    'm1@test': storedSeries('m1', ['bob@example.com', 'alice@example.com'], biweeklyDates(10)),
    'm2@test': storedSeries('m2', ['dave@example.com', 'carol@example.com'], biweeklyDates(10), [
      ['2027-03-22', '2027-03-23'],
    ]),
  },
};

let seq = 0;
const resp = (
  wave: string,
  email: string,
  submittedAt: string,
  measures: SurveyResponse['measures'],
): SurveyResponse => ({
  id: `r${++seq}`,
  wave,
  email,
  submittedAt,
  measures,
  answers: [],
  headerSet: 0,
  source: { file: 'test.csv', row: seq + 1 },
  seq,
});

export const responses: SurveyResponse[] = [
  resp('kickoff', 'alice@example.com', '2027-01-14T09:00:00Z', { satisfaction: 4 }),
  resp('kickoff', 'alice@example.com', '2027-01-12T09:00:00Z', { satisfaction: 3, recommend: 8 }),
  resp('kickoff', 'bob@example.com', '2027-01-13T09:00:00Z', { satisfaction: 5, recommend: 10 }),
  resp('midpoint', 'alice@example.com', '2027-04-05T09:00:00Z', {
    satisfaction: 5,
    recommend: 10,
    meetingsHeld: 4,
    goalProgress: 4,
  }),
  resp('midpoint', 'bob@example.com', '2027-04-05T10:00:00Z', {
    satisfaction: 4,
    recommend: 9,
    meetingsHeld: 4,
  }),
  resp('midpoint', 'carol@example.com', '2027-04-06T09:00:00Z', {
    satisfaction: 2,
    recommend: 5,
    meetingsHeld: 1,
    concerns: 'mentor too busy',
  }),
  resp('midpoint', 'DAVE@example.com', '2027-04-06T10:00:00Z', {
    satisfaction: 5,
    recommend: 7,
    meetingsHeld: 1,
    concerns: 'none',
  }),
  resp('midpoint', 'stranger@elsewhere.org', '2027-04-07T10:00:00Z', { satisfaction: 1 }),
];

/**
 * Creates a program folder in `dir` (via the CLI's init) and writes participants (and matches) with
 * writeState.
 */
export async function setUpProgram(dir: string, opts: { withMatches: boolean }): Promise<void> {
  const { runCli } = await import('./cli.js');
  const init = runCli(
    [
      'init',
      '.',
      '--start',
      '2027-01-11',
      '--end',
      '2027-06-25',
      '--timezone',
      'Europe/London',
      '--name',
      'Pilot',
    ],
    { cwd: dir },
  );
  if (init.code !== 0) throw new Error(init.stderr);
  const { openProgram, writeState } = await import('../../src/io/store/program.js');
  const program = await openProgram(dir);
  await writeState(program, 'participants', participants);
  if (opts.withMatches) await writeState(program, 'matches', { matches, runs: [], history: [] });
}
