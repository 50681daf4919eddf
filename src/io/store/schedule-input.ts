/**
 * Loading what `schedule` and `intro` need from a program folder: people, active matches,
 * templates, blackout dates.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import type { Match, Participant } from '../../core/types.js';
import type { Agenda } from '../../core/scheduling/describe.js';
import type { PlanInput } from '../../core/scheduling/plan.js';
import { readState, TEMPLATES_DIR, type Program } from './program.js';
import { readHolidayCalendar } from '../formats/ics/holidays.js';
import { isApproved } from '../../core/matching/review.js';

/** Template texts, from the program folder's templates/ when present, else the built-in ones. */
export interface ScheduleTemplates {
  description: string;
  agenda: Agenda;
  intro: string;
  announcement: string;
}

/** A template's text: the program folder's templates/NAME when present, else the built-in one. */
export async function templateText(
  program: Program,
  name: string,
): Promise<{ text: string; file: string }> {
  const own = join(program.dir, 'templates', name);
  const file = existsSync(own) ? own : join(TEMPLATES_DIR, name);
  try {
    return { text: await readFile(file, 'utf8'), file };
  } catch {
    throw new InputError(
      'template cannot be read',
      { file },
      'Restore it from the mentor-cli templates folder',
    );
  }
}

/** Reads the four templates; a broken agenda.json is a one-line error. */
async function readScheduleTemplates(program: Program): Promise<ScheduleTemplates> {
  const [description, agendaText, intro, announcement] = await Promise.all(
    ['meeting-description.txt', 'agenda.json', 'intro-email.txt', 'announcement.txt'].map((n) =>
      templateText(program, n),
    ),
  );
  let agenda: Agenda;
  try {
    const a = JSON.parse(agendaText.text) as Partial<Agenda>;
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    agenda = {
      meetings: list(a.meetings),
      later: String(a.later ?? ''),
      last: String(a.last ?? ''),
      groundRules: list(a.groundRules),
      expectations: list(a.expectations),
    };
  } catch (err) {
    throw new InputError(
      `is not valid JSON (${(err as Error).message})`,
      { file: agendaText.file },
      'Fix the syntax or delete it to use the built-in agenda',
    );
  }
  return {
    description: description.text,
    agenda,
    intro: intro.text,
    announcement: announcement.text,
  };
}

/** The matches document, read defensively: a Match[] or an object holding `matches` or `pairs`. */
function matchesOf(data: unknown): Match[] | undefined {
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object'
      ? ((data as { matches?: unknown }).matches ?? (data as { pairs?: unknown }).pairs)
      : undefined;
  if (!Array.isArray(list)) return undefined;
  return list
    .filter(
      (m): m is Match =>
        Boolean(m) &&
        typeof m === 'object' &&
        typeof (m as Match).mentor === 'string' &&
        typeof (m as Match).mentee === 'string',
    )
    .map((m) => ({
      ...m,
      status: m.status ?? 'active',
      id: String(m.id ?? `${m.mentor}|${m.mentee}`),
      reasons: Array.isArray(m.reasons) ? m.reasons : [],
    }));
}

/**
 * Everything for planning; throws when there are no matches or the holiday calendar is unreadable.
 */
export async function readScheduleInput(
  program: Program,
): Promise<PlanInput & { templates: ScheduleTemplates }> {
  const { config } = program;
  const participants = await readState(program, 'participants', [] as Participant[]);
  const stored = matchesOf(await readState<unknown>(program, 'matches', undefined));
  if (!stored || !stored.some((m) => m.status === 'active')) {
    throw new UsageError('No active matches in this program yet', 'Run `mentor-cli match` first');
  }
  // Only pairs the manager approved are scheduled, introduced or sent.
  const matches = stored.filter(isApproved);
  if (!matches.some((m) => m.status === 'active')) {
    const proposed = stored.filter((m) => m.status === 'active').length;
    throw new UsageError(
      `No approved pairs yet: the ${proposed} pair(s) of the last match are a proposal`,
      'Review them, then run `mentor-cli match approve --all` (or `match approve PAIR...`)',
    );
  }
  const blackout = new Set(config.schedule.blackoutDates);
  if (config.schedule.holidayCalendar) {
    const path = resolve(program.dir, config.schedule.holidayCalendar);
    // Holidays are looked up a week past the end so a meeting moved from the last date still sees
    // them.
    const end = new Date(Date.parse(`${config.program.endDate}T00:00:00Z`) + 400 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const d of await readHolidayCalendar(path, config.program.startDate, end)) blackout.add(d);
  }
  const templates = await readScheduleTemplates(program);
  return {
    config,
    participants,
    matches,
    blackout,
    descriptionTemplate: templates.description,
    agenda: templates.agenda,
    templates,
  };
}
