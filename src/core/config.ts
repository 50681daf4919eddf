/**
 * The program configuration (mentor.config.json), defined once: the zod schema below gives the
 * TypeScript types, the defaults (`default` metadata), the JSON Schema `init` writes
 * (`configJsonSchema`) and the validation with its cross-field rules (`checkConfigData`).
 */

import * as z from '../vendor/zod.js';
import { isValidTimeZone } from './timezones/valid.js';
import { DEFAULT_LEVEL_WORDS } from './roster/read-level-capacity.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MONTHS =
  'January February March April May June July August September October November December';

/** Schema metadata: a description for editors and, for a leaf, the value `init` writes. */
type FieldMeta = { description?: string; default?: unknown; title?: string };

/** Attaches `meta` to `schema` (in zod's global registry, read by the JSON Schema export). */
function field<T extends z.ZodMiniType>(schema: T, description: string, def?: z.infer<T>): T {
  const meta: FieldMeta = { description };
  if (def !== undefined) meta.default = def;
  z.globalRegistry.add(schema, meta);
  return schema;
}

/** Days in `month` (1-12) of `year`, proleptic Gregorian. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why an ISO date string is not a real calendar day, or undefined when it is one. */
export function calendarDateProblem(date: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (m < 1 || m > 12) return `there is no month ${m}`;
  const days = daysInMonth(y, m);
  if (d < 1 || d > days) return `${MONTHS.split(' ')[m - 1]} ${y} has ${days} days`;
  if (y < 1) return 'the year must be 0001 or later';
  return undefined;
}

const isoDate = (description: string, def?: string) =>
  field(
    z.string().check(
      z.regex(DATE_RE, 'a date YYYY-MM-DD'),
      z.superRefine((value, ctx) => {
        const why = DATE_RE.test(value) ? calendarDateProblem(value) : undefined;
        if (why)
          ctx.issues.push({
            code: 'custom',
            message: `a real calendar date (${why})`,
            input: value,
          });
      }),
    ),
    description,
    def,
  );
const clock = (description: string, def?: string) =>
  field(z.string().check(z.regex(TIME_RE, 'a time HH:MM (00:00-23:59)')), description, def);
const num = (min: number, max: number, description: string, def?: number) =>
  field(z.number().check(z.gte(min), z.lte(max)), description, def);
const whole = (min: number, max: number, description: string, def?: number) =>
  field(z.int().check(z.gte(min), z.lte(max)), description, def);
const flag = (description: string, def: boolean) => field(z.boolean(), description, def);
const text = (description: string, def?: string) => field(z.string(), description, def);
const oneOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  description: string,
  def?: T[number],
) => field(z.enum(values), description, def);
const list = <T extends z.ZodMiniType>(item: T, description: string, def?: z.infer<T>[]) =>
  field(z.array(item), description, def);

const RULE_MODES = ['ignore', 'prefer', 'require'] as const;
/** What `import.rejectOn` may list: the fields whose unreadable value is otherwise kept and flagged. */
const REJECT_ON_FIELDS = [
  'availability',
  'level',
  'capacity',
  'timezone',
  'trainingCompleted',
  'status',
  'submittedAt',
  'preferences',
  'avoid',
] as const;
const weight = (criterion: string, def: number) =>
  num(0, 1000, `Weight of the ${criterion} criterion (0 switches it off)`, def);

const programSchema = z.strictObject({
  name: field(
    z.string().check(z.minLength(1)),
    'Program name shown in calendars, emails and reports',
    'Mentoring Program',
  ),
  startDate: isoDate('First day of the program (YYYY-MM-DD)', '2027-01-11'),
  endDate: isoDate('Last day of the program (YYYY-MM-DD)', '2027-06-25'),
  timezone: text('Default IANA time zone, e.g. Europe/London', 'Europe/London'),
  manager: z.strictObject({
    name: text('Program manager name', 'Program Manager'),
    email: field(
      z.string().check(z.regex(EMAIL_RE, 'an email address')),
      'Program manager email (ORGANIZER of events)',
      'mentoring@example.com',
    ),
    timezone: z.optional(text('IANA time zone of the manager (default: program.timezone)')),
    availability: z.optional(
      list(
        z.strictObject({
          days: list(whole(1, 7, 'ISO weekday'), 'ISO weekdays 1=Mon..7=Sun'),
          start: clock('From, in the manager time zone'),
          end: clock('Until, in the manager time zone'),
        }),
        'When the manager can join check-ins (default: schedule.workingHours)',
        [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
      ),
    ),
  }),
  model: oneOf(
    ['one-to-one', 'group', 'team', 'peer', 'reverse', 'self-directed'],
    'Mentoring model',
    'one-to-one',
  ),
  cohort: z.optional(text('Current cohort name, stamped on new matches')),
});

const attributeRuleSchema = z.strictObject({
  attribute: text('Attribute (column header) to compare'),
  /** same value, different value, or any shared item of a multi-value cell. */
  compare: oneOf(['same', 'different', 'overlap'], 'same value, different value, or a shared item'),
  mode: oneOf(RULE_MODES, 'ignore, prefer (adds weight) or require (hard rule)'),
  weight: num(0, 1000, 'Weight when preferred'),
  whenMenteeAttribute: z.optional(
    text('Apply only when this mentee attribute is yes/true (the mentee asked for it)'),
  ),
});

const matchingSchema = z.strictObject({
  algorithm: oneOf(
    ['optimal', 'stable'],
    'optimal: most mentees matched, then highest total score; stable: no blocking pairs',
    'optimal',
  ),
  minScore: num(0, 100, 'Pairs scoring below this (0-100) are never made', 10),
  weights: z.strictObject({
    topics: weight('topics', 40),
    interests: weight('interests', 10),
    language: weight('language', 5),
    availability: weight('availability', 15),
    seniority: weight('seniority', 10),
    department: weight('department', 5),
    cohort: weight('cohort', 5),
    preferences: weight('preferences', 10),
  }),
  rules: z.strictObject({
    requireSharedLanguage: flag('Require a shared language when both people list languages', true),
    minOverlapHours: num(
      0,
      168,
      'Minimum weekly overlap of availability, in hours (0 = no rule)',
      1,
    ),
    seniorityGap: z.strictObject({
      min: field(z.int(), 'Smallest allowed mentor level minus mentee level', 1),
      max: field(z.int(), 'Largest allowed gap', 4),
      mode: oneOf(RULE_MODES, 'Whether the gap is ignored, preferred or required', 'prefer'),
    }),
    differentDepartment: oneOf(
      RULE_MODES,
      'Different departments: ignore, prefer or require',
      'prefer',
    ),
    sameCohort: oneOf(RULE_MODES, 'Same cohort: ignore, prefer or require', 'ignore'),
    excludeManagerLine: flag('Never match someone with their own manager or direct report', true),
    excludeSameManagerTeam: flag('Also never match two people with the same manager', false),
    requireTraining: flag('Mentors must have completed training', false),
  }),
  attributeRules: list(
    attributeRuleSchema,
    'Rules on extra attributes (e.g. gender, location)',
    [],
  ),
  reverse: flag('Reverse mentoring: the junior side offers the topics', false),
  autoApprove: z.optional(
    field(
      z.boolean(),
      'Approve pairs as `match` stores them (no review step); absent means true, init writes false',
    ),
  ),
  mentorsPerMentee: whole(1, 10, 'Team model: distinct mentors per mentee', 1),
});

const hoursSchema = (
  startDescription: string,
  endDescription: string,
  start: string,
  end: string,
) => z.strictObject({ start: clock(startDescription, start), end: clock(endDescription, end) });

const scheduleSchema = z.strictObject({
  meetingMinutes: whole(10, 480, 'Length of a meeting in minutes', 45),
  frequency: oneOf(['weekly', 'biweekly', 'monthly'], 'How often a pair meets', 'biweekly'),
  count: z.optional(whole(1, 200, 'Number of meetings (default: until the program end)')),
  anchor: oneOf(
    ['mentor', 'mentee'],
    'Whose local time stays fixed across daylight-saving changes',
    'mentor',
  ),
  preferredHours: hoursSchema('Preferred earliest start', 'Preferred latest end', '10:00', '16:00'),
  workingHours: z.strictObject({
    start: clock('Assumed day start when no availability was given', '09:00'),
    end: clock('Assumed day end', '17:00'),
    days: list(whole(1, 7, 'ISO weekday'), 'ISO weekdays 1=Mon..7=Sun', [1, 2, 3, 4, 5]),
  }),
  maxMeetingsPerDay: whole(1, 20, 'Most program meetings one person has on a day', 2),
  noCommonTime: oneOf(
    ['fallback', 'unscheduled'],
    'A pair with no common time: use the fallback slot or list it as unscheduled',
    'unscheduled',
  ),
  fallback: z.strictObject({
    day: whole(1, 7, 'ISO weekday', 2),
    time: clock("Start time in the anchor person's zone", '12:00'),
  }),
  blackoutDates: list(isoDate('A date without meetings'), 'Dates without meetings', []),
  holidayCalendar: z.optional(
    text('Path of an .ics holiday calendar (relative to the program folder)'),
  ),
  onBlackout: oneOf(
    ['skip', 'next-free-day'],
    'A meeting on a blackout date is skipped or moved',
    'next-free-day',
  ),
  location: text('LOCATION template; {pairId}, {mentor}, {mentee} are replaced', 'Video call'),
  url: text(
    'URL template, e.g. a video-call link pattern',
    'https://meet.example.com/mentoring-{pairId}',
  ),
  checkInWeeks: list(
    whole(1, 104, 'Week after the program start'),
    'Weeks after the program start when the manager checks in with each pair',
    [6, 16],
  ),
  checkInMinutes: whole(5, 240, 'Length of a manager check-in', 20),
});

/** One session of a milestone for the people in some time zones (README "Milestones"). */
const milestoneRegionSchema = z.strictObject({
  name: field(z.string().check(z.minLength(1)), 'Region name, shown in the event title, e.g. APAC'),
  timezone: text("IANA time zone of this session's date and time, e.g. Australia/Sydney"),
  zones: z.optional(
    list(
      z.string(),
      'Time zones of the people who go to this session: IANA names or an area such as "Asia/*" (default: timezone only)',
    ),
  ),
  date: z.optional(isoDate('Date of this session (default: the milestone date)')),
  time: z.optional(clock('Start in the region time zone (default: the milestone time)')),
});

const milestoneSchema = z.strictObject({
  id: field(
    z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')),
    'Stable identifier (used in calendar UIDs)',
  ),
  name: text('Event title'),
  date: isoDate('Date in the program time zone'),
  time: clock('Start time in the program time zone'),
  durationMinutes: whole(5, 1440, 'Length in minutes'),
  audience: oneOf(['everyone', 'mentors', 'mentees', 'manager'], 'Who is invited'),
  description: z.optional(text('Event description')),
  location: z.optional(text('Event location')),
  localTime: z.optional(
    flag(
      "Held at date and time in each attendee's own time zone (one session per local start) instead of in program.timezone",
      false,
    ),
  ),
  regions: z.optional(
    list(
      milestoneRegionSchema,
      'Sessions for people in some time zones; everyone else keeps date and time in program.timezone',
      [],
    ),
  ),
});

const waveSchema = z.strictObject({
  name: field(
    z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, _ and -')),
    'Wave name, e.g. kickoff, midpoint, final',
  ),
  /** ISO date the wave opens; responses from then on belong to it when no --wave is given. */
  opens: isoDate('Date the wave opens'),
});

/** A custom rating question that flags a pair when either side answers it low. */
const riskItemSchema = z.strictObject({
  question: field(
    z.string().check(z.minLength(1)),
    'Words of the question (or of a grid row, as "Question [Row]"), found in its header ignoring case',
  ),
  atMost: field(
    z.number(),
    "Flag the pair when a side's latest answer is this value or lower, on the question's own scale",
  ),
});
export type RiskItem = z.infer<typeof riskItemSchema>;

const share = (description: string, def: number) => num(0, 1, description, def);
const kpiTargetsSchema = z.strictObject({
  matchRate: share('Share of mentees matched (0-1)', 0.9),
  mentorUtilisation: share('Share of mentor capacity used (0-1)', 0.75),
  trainingCompletion: share('Share of mentors trained (0-1)', 0.9),
  meetingsHeldRate: share('Meetings held / scheduled to date (0-1)', 0.75),
  responseRate: share('Survey response rate (0-1)', 0.7),
  satisfaction: num(1, 5, 'Average satisfaction (1-5)', 4),
  nps: num(-100, 100, 'Net Promoter Score (-100..100)', 30),
  goalProgress: num(1, 5, 'Average goal progress (1-5)', 3.5),
  retention: share('Share of participants still active (0-1)', 0.85),
  relationships: field(z.int().check(z.gte(0)), 'Mentoring relationships to establish', 25),
});

const emailSchema = z.strictObject({
  from: z.optional(
    field(
      z.string().check(z.regex(EMAIL_RE, 'an email address')),
      'Sender address (default: program.manager.email); the name is program.manager.name',
    ),
  ),
  smtp: z.optional(
    z.strictObject({
      host: field(z.string().check(z.minLength(1)), 'SMTP server, e.g. smtp.office365.com'),
      port: whole(1, 65535, 'SMTP port: 587 (STARTTLS) or 465 (TLS)', 587),
      secure: flag('true for TLS from the start (port 465); false upgrades with STARTTLS', false),
      user: z.optional(
        text('Login name; the password comes from MENTOR_SMTP_PASSWORD or a prompt'),
      ),
    }),
  ),
  perMinute: z.optional(whole(1, 10000, 'Most messages sent per minute', 30)),
  maxAttempts: z.optional(whole(1, 10, 'Tries per message before it counts as failed', 4)),
  retryDelaySeconds: z.optional(
    num(0, 600, 'Wait before the first retry; doubled for each further one', 5),
  ),
});

const reminderRule = <T extends Record<string, z.ZodMiniType>>(description: string, extra: T) =>
  z.optional(
    z.strictObject({
      enabled: z.optional(flag(`Send the ${description} reminder`, true)),
      ...extra,
    }),
  );

/** `remind`'s rules; every key is optional (configs written before reminders existed load). */
const remindersSchema = z.strictObject({
  catchUpDays: z.optional(
    whole(
      0,
      30,
      'A reminder missed by up to this many days is still sent (if its event is ahead)',
      2,
    ),
  ),
  survey: reminderRule('survey (to people who have not answered the open wave)', {
    afterDays: z.optional(
      list(whole(1, 60, 'Days after the wave opens'), 'Days after a wave opens', [3, 7]),
    ),
    url: z.optional(text('Survey link put in the reminder; {wave} is replaced by the wave name')),
  }),
  noMeeting: reminderRule('no-meeting (a pair whose survey answers report no meeting)', {
    afterDays: z.optional(
      whole(1, 365, 'Days after a pair starts before a report of no meeting triggers it', 21),
    ),
  }),
  firstMeeting: reminderRule('first-meeting', {
    daysBefore: z.optional(whole(1, 30, "Days before a pair's first meeting", 2)),
  }),
  training: reminderRule('training (mentors whose training is not completed)', {
    daysBefore: z.optional(whole(1, 90, 'Days before the program starts', 7)),
  }),
  milestone: reminderRule('milestone', {
    daysBefore: z.optional(whole(1, 30, 'Days before each milestone', 1)),
  }),
});
/** The `reminders` section of the config (every key optional; see core/reminders/settings.ts). */
export type RemindersConfig = z.infer<typeof remindersSchema>;

const configShape = z.strictObject({
  $schema: z.optional(
    text('Path of this JSON Schema, for editor autocompletion', './mentor.config.schema.json'),
  ),
  program: programSchema,
  participants: z.strictObject({
    defaultCapacity: whole(1, 50, 'Mentees per mentor when the sign-up gives no capacity', 2),
    sensitiveAttributes: list(
      z.string(),
      'Attributes that may drive matching but are left out of exports and reports',
      ['gender', 'ethnicity'],
    ),
    levelWords: z.optional(
      field(
        z.record(z.string(), z.int().check(z.gte(0), z.lte(99))),
        'Words a level cell may hold instead of a number, and the level each means (replaces the built-in table)',
        { ...DEFAULT_LEVEL_WORDS },
      ),
    ),
  }),
  import: z.optional(
    z.strictObject({
      rejectOn: z.optional(
        list(
          z.enum(REJECT_ON_FIELDS),
          'Fields whose unreadable value rejects the row instead of keeping the person for attention',
          [],
        ),
      ),
    }),
  ),
  matching: matchingSchema,
  schedule: scheduleSchema,
  milestones: list(milestoneSchema, 'Program-wide events'),
  surveys: z.strictObject({
    waves: list(waveSchema, 'Survey waves, used to assign responses to a wave'),
    // Optional in the file (configs written before it existed stay valid); [] when absent.
    riskItems: z._default(
      list(
        riskItemSchema,
        'Your own rating questions that also put a pair at risk (README "Pairs at risk")',
        [],
      ),
      [],
    ),
  }),
  kpiTargets: kpiTargetsSchema,
  email: z.optional(emailSchema),
  reminders: z.optional(remindersSchema),
});

export type ProgramConfig = z.infer<typeof configShape>;
export type MentoringModel = ProgramConfig['program']['model'];
export type MatchingConfig = z.infer<typeof matchingSchema>;
/** A rule on an extra attribute (a column kept under `attributes`). */
export type AttributeRule = z.infer<typeof attributeRuleSchema>;
export type ScheduleConfig = z.infer<typeof scheduleSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
/** How `send` delivers mail: sender, SMTP server, pace and retries (all optional). */
export type EmailConfig = z.infer<typeof emailSchema>;
export type SurveyWave = z.infer<typeof waveSchema>;

/** An error found by a cross-field rule, with the fix to suggest. */
interface RuleIssue {
  path: (string | number)[];
  message: string;
  hint: string;
}

/** Years a program may run before mentor-cli warns (2) or refuses (10). */
const SPAN_WARN_YEARS = 2;
const SPAN_MAX_YEARS = 10;

/** `date` moved `years` years on (29 February becomes 1 March), as YYYY-MM-DD. */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  t.setUTCFullYear(y + years); // Date.UTC maps years 0-99 to 1900-1999
  return t.toISOString().slice(0, 10);
}

/** The rules across fields that a JSON Schema cannot express; run once the shape is right. */
function crossFieldIssues(config: ProgramConfig): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const { program, schedule } = config;
  if (program.endDate < program.startDate) {
    issues.push({
      path: ['program', 'endDate'],
      message: `program.endDate ${program.endDate} is before program.startDate ${program.startDate}`,
      hint: 'Set an end date after the start date',
    });
  } else if (program.endDate > addYears(program.startDate, SPAN_MAX_YEARS)) {
    issues.push({
      path: ['program', 'endDate'],
      message:
        `program.endDate ${program.endDate} is more than ${SPAN_MAX_YEARS} years after ` +
        `program.startDate ${program.startDate}`,
      hint: 'A program runs at most ten years: check the year of both dates',
    });
  }
  if (!isValidTimeZone(program.timezone)) {
    issues.push({
      path: ['program', 'timezone'],
      message: `program.timezone "${program.timezone}" is not a known IANA time zone`,
      hint: 'Use a name such as "Europe/London" or "America/New_York"',
    });
  }
  const { manager } = program;
  if (manager.timezone !== undefined && !isValidTimeZone(manager.timezone)) {
    issues.push({
      path: ['program', 'manager', 'timezone'],
      message: `program.manager.timezone "${manager.timezone}" is not a known IANA time zone`,
      hint: 'Use a name such as "America/New_York", or remove it to use program.timezone',
    });
  }
  (manager.availability ?? []).forEach((w, i) => {
    if (w.start >= w.end)
      issues.push({
        path: ['program', 'manager', 'availability', i, 'start'],
        message: `program.manager.availability[${i}].start ${w.start} is not before its end ${w.end}`,
        hint: 'Use e.g. {"days": [1, 2, 3, 4, 5], "start": "09:00", "end": "17:00"}',
      });
  });
  const gap = config.matching.rules.seniorityGap;
  if (gap.min > gap.max) {
    issues.push({
      path: ['matching', 'rules', 'seniorityGap', 'min'],
      message: `matching.rules.seniorityGap.min (${gap.min}) is above max (${gap.max})`,
      hint: 'Make min at most max',
    });
  }
  for (const key of ['preferredHours', 'workingHours'] as const) {
    const { start, end } = schedule[key];
    if (start >= end) {
      issues.push({
        path: ['schedule', key, 'start'],
        message: `schedule.${key}.start ${start} is not before its end ${end}`,
        hint:
          key === 'preferredHours'
            ? 'Use e.g. {"start": "10:00", "end": "16:00"}'
            : 'Use e.g. {"start": "09:00", "end": "17:00"} (hours past midnight are not supported)',
      });
    }
  }
  const ids = new Map<string, number>();
  config.milestones.forEach((m, i) => {
    const first = ids.get(m.id);
    if (first === undefined) ids.set(m.id, i);
    else
      issues.push({
        path: ['milestones', i, 'id'],
        message: `milestone id "${m.id}" is used by milestones[${first}] and milestones[${i}]`,
        hint: 'Give each milestone its own id: it becomes the calendar event UID',
      });
    issues.push(...milestoneRegionIssues(m, i));
  });
  const waves = new Set<string>();
  config.surveys.waves.forEach((w, i) => {
    if (waves.has(w.name))
      issues.push({
        path: ['surveys', 'waves', i, 'name'],
        message: `survey wave "${w.name}" is listed twice`,
        hint: 'Give each wave a unique name',
      });
    waves.add(w.name);
  });
  return issues;
}

/** A region's zone pattern: an IANA name, or an area with a wildcard (`Asia/*`). */
const ZONE_AREA = /^[A-Za-z_]+(?:\/[A-Za-z_]+)*\/\*$/;

/** The rules of one milestone's `localTime` and `regions`. */
function milestoneRegionIssues(m: Milestone, i: number): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const regions = m.regions ?? [];
  if (m.localTime && regions.length)
    issues.push({
      path: ['milestones', i, 'regions'],
      message: `milestones[${i}] has both "localTime": true and regions`,
      hint: 'Use localTime for a session at the same local time everywhere, or regions for set times per region, not both',
    });
  const names = new Set<string>();
  regions.forEach((r, j) => {
    const at = `milestones[${i}].regions[${j}]`;
    if (names.has(r.name))
      issues.push({
        path: ['milestones', i, 'regions', j, 'name'],
        message: `${at}.name "${r.name}" is used twice in milestones[${i}]`,
        hint: 'Give each region of a milestone its own name: it becomes part of the event UID',
      });
    names.add(r.name);
    if (!isValidTimeZone(r.timezone))
      issues.push({
        path: ['milestones', i, 'regions', j, 'timezone'],
        message: `${at}.timezone "${r.timezone}" is not a known IANA time zone`,
        hint: 'Use a name such as "Australia/Sydney"',
      });
    (r.zones ?? []).forEach((z, k) => {
      if (!ZONE_AREA.test(z) && !isValidTimeZone(z))
        issues.push({
          path: ['milestones', i, 'regions', j, 'zones', k],
          message: `${at}.zones[${k}] "${z}" is neither an IANA time zone nor an area such as "Asia/*"`,
          hint: 'List zones such as "Asia/Tokyo" or whole areas such as "Australia/*"',
        });
    });
  });
  return issues;
}

/** The whole schema: shape, bounds and formats, then the cross-field rules. */
export const configSchema = configShape.check(
  z.superRefine((config, ctx) => {
    if (ctx.issues.length) return; // the shape is wrong: its issue comes first
    for (const issue of crossFieldIssues(config))
      ctx.issues.push({
        code: 'custom',
        path: issue.path,
        message: issue.message,
        params: { hint: issue.hint, whole: true },
        input: config,
      });
  }),
);
z.globalRegistry.add(configSchema, { title: 'mentor-cli program configuration' });

/** Things worth a warning in a valid config (e.g. a program that runs for years). */
export function configWarnings(config: ProgramConfig): string[] {
  const { startDate, endDate } = config.program;
  if (endDate <= addYears(startDate, SPAN_WARN_YEARS)) return [];
  return [
    `program runs from ${startDate} to ${endDate}, more than ${SPAN_WARN_YEARS} years: ` +
      'check program.endDate in mentor.config.json (every series runs to it)',
  ];
}

/** The JSON Schema of the config (draft-07), as `init` writes mentor.config.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-07', io: 'input' });
  const { $schema, title, ...rest } = withoutSafeIntegerBounds(schema) as Record<string, unknown>;
  return { $schema, $id: 'https://mentor-cli.dev/mentor.config.schema.json', title, ...rest };
}

/** Drops the ±2^53 bounds zod gives every integer: noise for a person reading the schema. */
function withoutSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSafeIntegerBounds);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const bound = (key === 'minimum' || key === 'maximum') && Math.abs(value as number);
    if (bound !== Number.MAX_SAFE_INTEGER) out[key] = withoutSafeIntegerBounds(value);
  }
  return out;
}

/** The `default` metadata of `schema` and, for an object, of each of its fields. */
function defaultsOf(schema: z.ZodMiniType): unknown {
  const meta = z.globalRegistry.get(schema) as FieldMeta | undefined;
  if (meta && 'default' in meta) return structuredClone(meta.default);
  const def = schema.def as {
    type: string;
    shape?: Record<string, z.ZodMiniType>;
    innerType?: z.ZodMiniType;
  };
  if (def.type === 'optional' && def.innerType) return defaultsOf(def.innerType);
  if (def.type === 'array') return [];
  if (def.type !== 'object' || !def.shape) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(def.shape)) {
    const value = defaultsOf(inner);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A complete config with sensible defaults for a six-month one-to-one program. */
export function defaultConfig(
  overrides: { name?: string; startDate?: string; endDate?: string; timezone?: string } = {},
): ProgramConfig {
  const config = defaultsOf(configShape) as ProgramConfig;
  // Sending is set up by the user (an SMTP server has no sensible default): init writes no email
  // section.
  delete config.email;
  // defaultsOf leaves a defaulted optional list out; the KPIs read it as a list.
  config.surveys.riskItems = [];
  const program = config.program;
  program.name = overrides.name ?? program.name;
  program.startDate = overrides.startDate ?? program.startDate;
  program.endDate = overrides.endDate ?? program.endDate;
  program.timezone = overrides.timezone ?? program.timezone;
  const { startDate, endDate } = program;
  const mid = midpoint(startDate, endDate);
  // Milestones fall on working days: kickoff moves on, closing moves back, the midpoint to the
  // nearest one (a Saturday to Friday, a Sunday to Monday).
  const saturday = new Date(`${mid}T00:00:00Z`).getUTCDay() === 6;
  const [kickoff, middle, closing] = [
    workingDay(startDate, 1),
    workingDay(mid, saturday ? -1 : 1),
    workingDay(endDate, -1),
  ];
  const everyone = 'everyone' as const;
  config.milestones = [
    {
      id: 'kickoff',
      name: 'Program kickoff',
      date: kickoff,
      time: '15:00',
      durationMinutes: 60,
      audience: everyone,
    },
    {
      id: 'mentor-training',
      name: 'Mentor training',
      date: kickoff,
      time: '11:00',
      durationMinutes: 90,
      audience: 'mentors',
    },
    {
      id: 'midpoint',
      name: 'Mid-point check-in',
      date: middle,
      time: '15:00',
      durationMinutes: 45,
      audience: everyone,
    },
    {
      id: 'closing',
      name: 'Closing celebration',
      date: closing,
      time: '16:00',
      durationMinutes: 90,
      audience: everyone,
    },
  ];
  config.surveys.waves = [
    { name: 'kickoff', opens: startDate },
    { name: 'midpoint', opens: mid },
    { name: 'final', opens: endDate },
  ];
  return config;
}

/** `date` if it is Monday to Friday, else the nearest working day in `direction` (1 or -1). */
function workingDay(date: string, direction: 1 | -1): string {
  const t = new Date(`${date}T00:00:00Z`);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6) t.setUTCDate(t.getUTCDate() + direction);
  return t.toISOString().slice(0, 10);
}

function midpoint(start: string, end: string): string {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}
