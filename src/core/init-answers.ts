/** The questions `init` asks (or takes as flags), checked by the config schema, and the config. */

import { defaultConfig, type ProgramConfig } from './config.js';
import { checkConfigData } from './config-check.js';
import { assignConfigValue, valueProblem } from './config-keys.js';

/** One setting init asks for: its flag, its config key and the question. */
export interface InitField {
  option: InitOption;
  flag: string;
  key: string;
  question: string;
  choices?: readonly string[];
}

export type InitOption =
  | 'name'
  | 'start'
  | 'end'
  | 'timezone'
  | 'managerName'
  | 'managerEmail'
  | 'frequency'
  | 'meetingMinutes';

/** The settings in the order init asks for them. */
export const INIT_FIELDS: readonly InitField[] = [
  { option: 'name', flag: '--name', key: 'program.name', question: 'Program name' },
  {
    option: 'start',
    flag: '--start',
    key: 'program.startDate',
    question: 'First day (YYYY-MM-DD)',
  },
  { option: 'end', flag: '--end', key: 'program.endDate', question: 'Last day (YYYY-MM-DD)' },
  {
    option: 'timezone',
    flag: '--timezone',
    key: 'program.timezone',
    question: 'Time zone of the program (IANA name, e.g. Europe/London)',
  },
  {
    option: 'managerName',
    flag: '--manager-name',
    key: 'program.manager.name',
    question: 'Your name (invitations and emails come from you)',
  },
  {
    option: 'managerEmail',
    flag: '--manager-email',
    key: 'program.manager.email',
    question: 'Your email address',
  },
  {
    option: 'frequency',
    flag: '--frequency',
    key: 'schedule.frequency',
    question: 'How often do pairs meet?',
    choices: ['weekly', 'biweekly', 'monthly'],
  },
  {
    option: 'meetingMinutes',
    flag: '--meeting-minutes',
    key: 'schedule.meetingMinutes',
    question: 'Length of a meeting in minutes',
  },
];

/** Answers as typed (flags or prompts); absent ones take the default. */
export type InitAnswers = Partial<Record<InitOption, string>>;

/** The value each question offers given the answers so far (the name comes from the folder). */
export function initDefaults(name: string, answers: InitAnswers = {}): Record<InitOption, string> {
  const c = defaultConfig({ name });
  const start = answers.start ?? c.program.startDate;
  return {
    name,
    start,
    end: defaultEnd(start) ?? c.program.endDate,
    timezone: c.program.timezone,
    managerName: c.program.manager.name,
    managerEmail: c.program.manager.email,
    frequency: c.schedule.frequency,
    meetingMinutes: String(c.schedule.meetingMinutes),
  };
}

/** Days from the default start (a Monday) to the default end (the Friday of week 24). */
const DEFAULT_SPAN_DAYS = 165;

/** The end date offered for `start`: 24 weeks on, on a Friday or earlier working day. */
function defaultEnd(start: string): string | undefined {
  const t = new Date(`${start}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(t.getTime())) return undefined;
  t.setUTCDate(t.getUTCDate() + DEFAULT_SPAN_DAYS);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6) t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/**
 * Why an answer is wrong given the answers before it (its type and range, then the rules across
 * fields, e.g. an end before the start), or undefined when it can be used.
 */
export function initAnswerProblem(
  field: InitField,
  raw: string,
  before: InitAnswers,
): string | undefined {
  const wrong = valueProblem(defaultConfig(), field.key, raw);
  if (wrong) return wrong;
  const built = buildInitConfig({ ...before, [field.option]: raw }, 'Program');
  return built.ok ? undefined : built.message;
}

/** The config for `answers`, or the first wrong answer as one line naming its flag. */
export function buildInitConfig(
  answers: InitAnswers,
  name: string,
): { ok: true; config: ProgramConfig } | { ok: false; message: string; hint: string } {
  // Each answer on its own first: the milestones are computed from the dates.
  for (const field of INIT_FIELDS) {
    const raw = answers[field.option];
    const wrong = raw === undefined ? undefined : valueProblem(defaultConfig(), field.key, raw);
    if (wrong)
      return { ok: false, message: `${field.flag}: ${wrong}`, hint: 'Nothing was written' };
  }
  const config = defaultConfig({
    name: answers.name ?? name,
    startDate: answers.start,
    // Only a start given: the program runs the default 24 weeks from it.
    endDate: answers.end ?? (answers.start ? defaultEnd(answers.start) : undefined),
    timezone: answers.timezone,
  });
  // A new program reviews its pairs before anything goes out (`match approve`); a config without
  // the key (made before the review step) keeps the one-step flow.
  config.matching.autoApprove = false;
  let data: unknown = config;
  for (const field of INIT_FIELDS.slice(4)) {
    const raw = answers[field.option];
    const set = raw === undefined ? undefined : assignConfigValue(data, field.key, raw);
    if (set?.ok) data = set.data;
  }
  const check = checkConfigData(data);
  if (!check.ok) return { ok: false, message: check.message, hint: check.hint };
  return { ok: true, config: check.config };
}
