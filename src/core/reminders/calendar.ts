/**
 * The program's reminder calendar: every reminder the rules give (who gets what, on which day),
 * worked out from the roster, the approved pairs, the survey answers and the schedule as they stand
 * at `now`. Pure: `remind` picks the ones due today, `remind --plan` shows them all.
 */

import type { ProgramConfig } from '../config.js';
import type { Match, Participant } from '../types.js';
import { emailKey } from '../keys.js';
import type { SurveyResponse } from '../surveys/state.js';
import { linkResponses } from '../surveys/link.js';
import { orderedWaves, surveyWaves } from '../surveys/waves.js';
import type { ScheduleState } from '../scheduling/reconcile.js';
import { scheduledStartsByPair } from '../surveys/meetings.js';
import { dayNumber, dayString, formatClock, ZoneClocks } from '../timezones/clock.js';
import { formatDay } from '../scheduling/describe.js';
import { reminderSettings } from './settings.js';

/** The rules, each with its own template (templates/reminder-<rule>.txt). */
export const REMINDER_RULES = [
  'survey',
  'no-meeting',
  'first-meeting',
  'training',
  'milestone',
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

/** One reminder to one person. */
export interface Reminder {
  /** Outbox id, e.g. `reminder:survey-midpoint-3:ana@x.org`: the same reminder across runs. */
  id: string;
  rule: ReminderRule;
  /** The day it is due, in the manager's time zone (YYYY-MM-DD). */
  dueOn: string;
  to: { email: string; name: string };
  /** What it is about, for the manager ("wave midpoint, 3 days open"). */
  about: string;
  /** The pair it is about (match id), for --only. */
  pair?: string;
  /** UTC ms of the event it announces: once that has begun the reminder is no longer sent. */
  eventAt?: number;
  /** Template values, in the reader's time zone. */
  values: Record<string, string>;
}

/** What the calendar is worked out from. */
export interface ReminderInput {
  config: ProgramConfig;
  participants: readonly Participant[];
  matches: readonly Match[];
  responses: readonly SurveyResponse[];
  schedule?: ScheduleState;
  now: Date;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => dayString(dayNumber(date) + days);
const isMentor = (p: Participant) => p.role === 'mentor' || p.role === 'both';

/** Every reminder of the program, sorted by day, rule and recipient. */
export function reminderCalendar(input: ReminderInput): Reminder[] {
  const { config } = input;
  const settings = reminderSettings(config.reminders);
  const start = dayNumber(config.program.startDate);
  const clocks = new ZoneClocks(start - 120, dayNumber(config.program.endDate) + 60);
  const zoneOf = (p?: Participant) => p?.timezone || config.program.timezone;
  const managerTz = config.program.manager.timezone ?? config.program.timezone;
  const wallOf = (ms: number, tz: string) => {
    const w = clocks.get(tz).toWall(ms);
    return { date: dayString(w.day), time: formatClock(w.minute) };
  };
  const when = (ms: number, tz: string) => {
    const w = wallOf(ms, tz);
    return `${formatDay(w.date)} at ${w.time} (${tz})`;
  };
  const people = new Map<string, Participant>();
  for (const p of input.participants)
    if (p.status === 'active' && p.email) people.set(emailKey(p.email), p);
  const pairs = input.matches.filter(
    (m) =>
      m.status === 'active' &&
      m.review !== 'proposed' &&
      people.has(emailKey(m.mentee)) &&
      people.has(emailKey(m.mentor)),
  );
  const common = (p: Participant): Record<string, string> => ({
    program: config.program.name,
    readerName: p.name,
    managerName: config.program.manager.name,
    managerEmail: config.program.manager.email,
  });
  const out: Reminder[] = [];
  const add = (r: Omit<Reminder, 'id' | 'to'> & { key: string; person: Participant }) => {
    const { key, person, ...rest } = r;
    const email = emailKey(person.email);
    out.push({
      ...rest,
      id: `reminder:${key}:${email}`,
      to: { email: person.email, name: person.name },
      values: { ...common(person), ...rest.values },
    });
  };
  const paired = new Set(pairs.flatMap((m) => [emailKey(m.mentee), emailKey(m.mentor)]));
  const starts = input.schedule
    ? scheduledStartsByPair(input.schedule, pairs)
    : new Map<string, number[]>();
  const nextMeeting = (m: Match, tz: string) => {
    const next = (starts.get(m.id) ?? []).find((t) => t > input.now.getTime());
    return next === undefined ? 'not scheduled yet' : when(next, tz);
  };
  const partnerOf = (m: Match, email: string) =>
    people.get(emailKey(emailKey(m.mentor) === email ? m.mentee : m.mentor))!;

  if (settings.survey.enabled) {
    const linked = linkResponses(input.responses, input.participants, pairs, input.now);
    for (const wave of orderedWaves(surveyWaves(config))) {
      const answered = linked.latest.get(wave.name) ?? new Map<string, SurveyResponse>();
      const url = settings.survey.url?.replaceAll('{wave}', encodeURIComponent(wave.name));
      for (const days of settings.survey.afterDays)
        for (const email of [...paired].sort()) {
          if (answered.has(email)) continue;
          add({
            key: `survey-${wave.name}-${days}`,
            person: people.get(email)!,
            rule: 'survey',
            dueOn: addDays(wave.opens, days),
            about: `${wave.name} survey, open ${days} days`,
            values: {
              wave: wave.name,
              opensOn: formatDay(wave.opens),
              daysOpen: String(days),
              surveyLink: url
                ? `The survey is here: ${url}`
                : 'The survey link is in the invitation.',
            },
          });
        }
    }
  }

  if (settings.noMeeting.enabled) {
    const linked = linkResponses(input.responses, input.participants, pairs, input.now);
    const mentorPairs = new Map<string, number>();
    for (const m of pairs)
      mentorPairs.set(emailKey(m.mentor), (mentorPairs.get(emailKey(m.mentor)) ?? 0) + 1);
    for (const m of pairs) {
      // A mentor with several mentees answers for all of them: only their mentee's answer counts.
      const sides = [emailKey(m.mentee)];
      if ((mentorPairs.get(emailKey(m.mentor)) ?? 0) <= 1) sides.push(emailKey(m.mentor));
      let latest: SurveyResponse | undefined;
      for (const wave of linked.latest.values())
        for (const email of sides) {
          const r = wave.get(email);
          if (r?.measures.meetingsHeld === undefined) continue;
          if (!latest || (r.submittedAt ?? '') > (latest.submittedAt ?? '')) latest = r;
        }
      if (!latest || latest.measures.meetingsHeld !== 0) continue;
      const began = Math.max(start, dayNumber(m.createdAt.slice(0, 10)) || start);
      const reported = latest.submittedAt
        ? dayNumber(wallOf(Date.parse(latest.submittedAt), managerTz).date)
        : began;
      const due = dayString(Math.max(reported, began + settings.noMeeting.afterDays));
      for (const email of [emailKey(m.mentor), emailKey(m.mentee)]) {
        const person = people.get(email)!;
        add({
          key: `no-meeting-${latest.wave}:${m.id}`,
          person,
          rule: 'no-meeting',
          dueOn: due,
          pair: m.id,
          about: `no meeting reported in the ${latest.wave} survey`,
          values: {
            partnerName: partnerOf(m, email).name,
            wave: latest.wave,
            nextMeeting: nextMeeting(m, zoneOf(person)),
          },
        });
      }
    }
  }

  if (settings.firstMeeting.enabled) {
    const seen = new Set<string>();
    for (const m of pairs) {
      const first = starts.get(m.id)?.[0];
      if (first === undefined) continue;
      for (const email of [emailKey(m.mentor), emailKey(m.mentee)]) {
        // A mentor of a group meets all mentees at once: one reminder for that meeting.
        if (seen.has(`${email} ${first}`)) continue;
        seen.add(`${email} ${first}`);
        const person = people.get(email)!;
        const partners = pairs
          .filter((q) => starts.get(q.id)?.[0] === first && (q.mentor === m.mentor || q === m))
          .map((q) => partnerOf(q, email).name);
        add({
          key: `first-meeting:${m.id}`,
          person,
          rule: 'first-meeting',
          dueOn: addDays(wallOf(first, managerTz).date, -settings.firstMeeting.daysBefore),
          pair: m.id,
          eventAt: first,
          about: 'first meeting',
          values: {
            partnerName: [...new Set(partners)].join(', '),
            meetingTime: when(first, zoneOf(person)),
            daysBefore: String(settings.firstMeeting.daysBefore),
          },
        });
      }
    }
  }

  if (settings.training.enabled) {
    const session = config.milestones.find((ms) => ms.id.includes('training'));
    const programStart = clocks.get(config.program.timezone).toUtc({ day: start, minute: 0 });
    for (const [, p] of [...people].sort(([a], [b]) => a.localeCompare(b))) {
      if (!isMentor(p) || p.trainingCompleted !== false) continue;
      const at = session ? milestoneAt(clocks, config, session) : undefined;
      add({
        key: 'training',
        person: p,
        rule: 'training',
        dueOn: addDays(config.program.startDate, -settings.training.daysBefore),
        eventAt: programStart,
        about: 'mentor training not completed',
        values: {
          startsOn: formatDay(config.program.startDate),
          trainingSession:
            session && at !== undefined
              ? `The next session is ${session.name} on ${when(at, zoneOf(p))}.`
              : 'Ask us for the next session.',
        },
      });
    }
  }

  if (settings.milestone.enabled) {
    const manager: Participant = {
      ...(people.get(emailKey(config.program.manager.email)) ?? blankPerson()),
      email: config.program.manager.email,
      name: config.program.manager.name,
      timezone: managerTz,
    };
    const days = settings.milestone.daysBefore;
    for (const ms of config.milestones) {
      const at = milestoneAt(clocks, config, ms);
      const audience =
        ms.audience === 'manager'
          ? [manager]
          : [...people.values()]
              .filter((p) =>
                ms.audience === 'mentors'
                  ? isMentor(p)
                  : ms.audience === 'mentees'
                    ? p.role === 'mentee' || p.role === 'both'
                    : true,
              )
              .sort((a, b) => emailKey(a.email).localeCompare(emailKey(b.email)));
      for (const p of audience)
        add({
          key: `milestone-${ms.id}`,
          person: p,
          rule: 'milestone',
          dueOn: addDays(wallOf(at, managerTz).date, -settings.milestone.daysBefore),
          eventAt: at,
          about: ms.name,
          values: {
            milestoneName: ms.name,
            inDays: days === 1 ? 'tomorrow' : `in ${days} days`,
            milestoneTime: when(at, zoneOf(p)),
            location: ms.location ?? config.schedule.location,
          },
        });
    }
  }
  const order = new Map(REMINDER_RULES.map((r, i) => [r, i]));
  return out.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      order.get(a.rule)! - order.get(b.rule)! ||
      a.id.localeCompare(b.id),
  );
}

/** The day `now` is in the manager's time zone. */
export function managerToday(config: ProgramConfig, now: Date): string {
  const tz = config.program.manager.timezone ?? config.program.timezone;
  const day = Math.floor(now.getTime() / DAY_MS);
  return dayString(new ZoneClocks(day - 2, day + 2).get(tz).toWall(now.getTime()).day);
}

/**
 * The reminders due on the manager's `now`: due today, or missed by up to `catchUpDays` days when
 * the event they announce has not begun yet.
 */
export function dueReminders(calendar: readonly Reminder[], config: ProgramConfig, now: Date) {
  const today = managerToday(config, now);
  const earliest = addDays(today, -reminderSettings(config.reminders).catchUpDays);
  return calendar.filter(
    (r) =>
      r.dueOn <= today &&
      r.dueOn >= earliest &&
      (r.eventAt === undefined || r.eventAt > now.getTime()),
  );
}

function milestoneAt(
  clocks: ZoneClocks,
  config: ProgramConfig,
  ms: ProgramConfig['milestones'][number],
): number {
  const [h, m] = ms.time.split(':').map(Number);
  return clocks.get(config.program.timezone).toUtc({ day: dayNumber(ms.date), minute: h * 60 + m });
}

function blankPerson(): Participant {
  return {
    email: '',
    name: '',
    role: 'mentor',
    languages: [],
    topics: [],
    interests: [],
    availability: [],
    preferences: [],
    avoid: [],
    status: 'active',
    attributes: Object.create(null) as Record<string, string>,
  };
}
