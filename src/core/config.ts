/** The program configuration (mentor.config.json): its shape, defaults and cross-field checks. */

import type { Problem } from './types.js';

export type MentoringModel = 'one-to-one' | 'group' | 'team' | 'peer' | 'reverse' | 'self-directed';
export type RuleMode = 'ignore' | 'prefer' | 'require';

/** A rule on an extra attribute (a column kept under `attributes`). */
export interface AttributeRule {
  attribute: string;
  /** same value, different value, or any shared item of a multi-value cell. */
  compare: 'same' | 'different' | 'overlap';
  mode: RuleMode;
  weight: number;
  /**
   * Only apply when the mentee's attribute named here is truthy (e.g. "Prefers same gender"),
   * so a rule can honour a mentee's own request.
   */
  whenMenteeAttribute?: string;
}

export interface MatchingConfig {
  algorithm: 'optimal' | 'stable';
  /** Pairs scoring below this (0-100) are never made. */
  minScore: number;
  weights: {
    topics: number;
    interests: number;
    language: number;
    availability: number;
    seniority: number;
    department: number;
    cohort: number;
    preferences: number;
  };
  rules: {
    /** Require a shared language when both people list languages. */
    requireSharedLanguage: boolean;
    /** Minimum weekly overlap of availability in hours (0 = no hard rule). */
    minOverlapHours: number;
    /** Mentor's level minus mentee's level must lie within [min, max]. */
    seniorityGap: { min: number; max: number; mode: RuleMode };
    /** prefer/require the two people to be in different departments. */
    differentDepartment: RuleMode;
    sameCohort: RuleMode;
    /** Nobody is matched with their own manager or direct report. */
    excludeManagerLine: boolean;
    /** Also exclude two people who share the same manager. */
    excludeSameManagerTeam: boolean;
    requireTraining: boolean;
  };
  attributeRules: AttributeRule[];
  /** Reverse mentoring: the mentee side offers the topics. */
  reverse: boolean;
  /** Team model: each mentee gets this many distinct mentors. */
  mentorsPerMentee: number;
}

export interface ClockTime {
  start: string;
  end: string;
}

export interface Milestone {
  id: string;
  name: string;
  /** ISO date (YYYY-MM-DD) in the program time zone. */
  date: string;
  time: string;
  durationMinutes: number;
  audience: 'everyone' | 'mentors' | 'mentees' | 'manager';
  description?: string;
  location?: string;
}

export interface ScheduleConfig {
  meetingMinutes: number;
  frequency: 'weekly' | 'biweekly' | 'monthly';
  /** Number of meetings; when absent the series runs to the program end date. */
  count?: number;
  /** Whose local wall-clock time stays fixed across DST changes. */
  anchor: 'mentor' | 'mentee';
  preferredHours: ClockTime;
  /** Assumed availability for someone who gave none. */
  workingHours: ClockTime & { days: number[] };
  maxMeetingsPerDay: number;
  /** What to do with a pair that has no common time. */
  noCommonTime: 'fallback' | 'unscheduled';
  fallback: { day: number; time: string };
  blackoutDates: string[];
  /** Path (relative to the program folder) of an .ics holiday calendar. */
  holidayCalendar?: string;
  onBlackout: 'skip' | 'next-free-day';
  location: string;
  url: string;
  /** Weeks after the program start when the manager checks in with each pair. */
  checkInWeeks: number[];
  checkInMinutes: number;
}

export interface SurveyWave {
  name: string;
  /** ISO date the wave opens; responses from then on belong to it when no --wave is given. */
  opens: string;
}

export interface KpiTargets {
  matchRate: number;
  mentorUtilisation: number;
  trainingCompletion: number;
  meetingsHeldRate: number;
  responseRate: number;
  satisfaction: number;
  nps: number;
  goalProgress: number;
  retention: number;
  relationships: number;
}

export interface ProgramConfig {
  $schema?: string;
  program: {
    name: string;
    startDate: string;
    endDate: string;
    timezone: string;
    manager: { name: string; email: string };
    model: MentoringModel;
    cohort?: string;
  };
  participants: {
    defaultCapacity: number;
    /** Attributes that may drive matching but never appear in exports or reports. */
    sensitiveAttributes: string[];
  };
  matching: MatchingConfig;
  schedule: ScheduleConfig;
  milestones: Milestone[];
  surveys: { waves: SurveyWave[] };
  kpiTargets: KpiTargets;
}

/** A complete config with sensible defaults for a six-month one-to-one program. */
export function defaultConfig(
  overrides: { name?: string; startDate?: string; endDate?: string; timezone?: string } = {},
): ProgramConfig {
  const startDate = overrides.startDate ?? '2027-01-11';
  const endDate = overrides.endDate ?? '2027-06-25';
  return {
    $schema: './mentor.config.schema.json',
    program: {
      name: overrides.name ?? 'Mentoring Program',
      startDate,
      endDate,
      timezone: overrides.timezone ?? 'Europe/London',
      manager: { name: 'Program Manager', email: 'mentoring@example.com' },
      model: 'one-to-one',
    },
    participants: { defaultCapacity: 2, sensitiveAttributes: ['gender', 'ethnicity'] },
    matching: {
      algorithm: 'optimal',
      minScore: 10,
      weights: {
        topics: 40,
        interests: 10,
        language: 5,
        availability: 15,
        seniority: 10,
        department: 5,
        cohort: 5,
        preferences: 10,
      },
      rules: {
        requireSharedLanguage: true,
        minOverlapHours: 1,
        seniorityGap: { min: 1, max: 4, mode: 'prefer' },
        differentDepartment: 'prefer',
        sameCohort: 'ignore',
        excludeManagerLine: true,
        excludeSameManagerTeam: false,
        requireTraining: false,
      },
      attributeRules: [],
      reverse: false,
      mentorsPerMentee: 1,
    },
    schedule: {
      meetingMinutes: 45,
      frequency: 'biweekly',
      anchor: 'mentor',
      preferredHours: { start: '10:00', end: '16:00' },
      workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      maxMeetingsPerDay: 2,
      noCommonTime: 'unscheduled',
      fallback: { day: 2, time: '12:00' },
      blackoutDates: [],
      onBlackout: 'next-free-day',
      location: 'Video call',
      url: 'https://meet.example.com/mentoring-{pairId}',
      checkInWeeks: [6, 16],
      checkInMinutes: 20,
    },
    milestones: [
      {
        id: 'kickoff',
        name: 'Program kickoff',
        date: startDate,
        time: '15:00',
        durationMinutes: 60,
        audience: 'everyone',
      },
      {
        id: 'mentor-training',
        name: 'Mentor training',
        date: startDate,
        time: '11:00',
        durationMinutes: 90,
        audience: 'mentors',
      },
      {
        id: 'midpoint',
        name: 'Mid-point check-in',
        date: midpoint(startDate, endDate),
        time: '15:00',
        durationMinutes: 45,
        audience: 'everyone',
      },
      {
        id: 'closing',
        name: 'Closing celebration',
        date: endDate,
        time: '16:00',
        durationMinutes: 90,
        audience: 'everyone',
      },
    ],
    surveys: {
      waves: [
        { name: 'kickoff', opens: startDate },
        { name: 'midpoint', opens: midpoint(startDate, endDate) },
        { name: 'final', opens: endDate },
      ],
    },
    kpiTargets: {
      matchRate: 0.9,
      mentorUtilisation: 0.75,
      trainingCompletion: 0.9,
      meetingsHeldRate: 0.75,
      responseRate: 0.7,
      satisfaction: 4,
      nps: 30,
      goalProgress: 3.5,
      retention: 0.85,
      relationships: 25,
    },
  };
}

function midpoint(start: string, end: string): string {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/** Cross-field checks the JSON Schema cannot express; returns problems, empty when fine. */
export function checkConfig(
  config: ProgramConfig,
  isValidTimeZone: (tz: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const err = (code: string, message: string, hint: string) =>
    problems.push({
      severity: 'error',
      code,
      message,
      hint,
      location: { file: 'mentor.config.json' },
    });
  const { program } = config;
  if (program.endDate < program.startDate) {
    err(
      'config-dates',
      `program.endDate ${program.endDate} is before program.startDate ${program.startDate}`,
      'Set an end date after the start date',
    );
  }
  if (!isValidTimeZone(program.timezone)) {
    err(
      'config-timezone',
      `program.timezone "${program.timezone}" is not a known IANA time zone`,
      'Use a name such as "Europe/London" or "America/New_York"',
    );
  }
  const gap = config.matching.rules.seniorityGap;
  if (gap.min > gap.max)
    err(
      'config-seniority',
      `matching.rules.seniorityGap.min (${gap.min}) is above max (${gap.max})`,
      'Make min at most max',
    );
  if (config.schedule.preferredHours.start >= config.schedule.preferredHours.end) {
    err(
      'config-hours',
      'schedule.preferredHours.start is not before its end',
      'Use e.g. {"start": "10:00", "end": "16:00"}',
    );
  }
  const waves = new Set<string>();
  for (const w of config.surveys.waves) {
    if (waves.has(w.name))
      err(
        'config-waves',
        `survey wave "${w.name}" is listed twice`,
        'Give each wave a unique name',
      );
    waves.add(w.name);
  }
  return problems;
}
