/**
 * What `remind` and `send reminders` work from: the program's reminder calendar (from the roster,
 * the approved pairs, the survey answers and the stored schedule) and the rules' templates.
 */

import type { Participant } from '../../core/types.js';
import { emptyMatchesState, type MatchesState } from '../../core/matching/state.js';
import { EMPTY_SURVEY_STATE, type SurveyState } from '../../core/surveys/state.js';
import { isScheduleState } from '../../core/surveys/meetings.js';
import {
  REMINDER_RULES,
  reminderCalendar,
  type Reminder,
  type ReminderRule,
} from '../../core/reminders/calendar.js';
import { reminderTemplateFile } from '../../core/reminders/message.js';
import { readState, type Program } from '../../io/store/program.js';
import { templateText } from '../../io/store/schedule-input.js';

/** The calendar, the template of each rule, and the template texts by file name. */
export interface ReminderInput {
  calendar: Reminder[];
  templates: Record<ReminderRule, string>;
  templateTexts: Record<string, string>;
}

/** Reads the state and works out every reminder of the program as it stands at `now`. */
export async function loadReminders(program: Program, now: Date): Promise<ReminderInput> {
  const [participants, matches, surveys, schedule] = await Promise.all([
    readState<Participant[]>(program, 'participants', []),
    readState<MatchesState>(program, 'matches', emptyMatchesState()),
    readState<SurveyState>(program, 'surveys', EMPTY_SURVEY_STATE),
    readState<unknown>(program, 'schedule', undefined),
  ]);
  const texts = await Promise.all(
    REMINDER_RULES.map((rule) => templateText(program, reminderTemplateFile(rule))),
  );
  const templates = Object.fromEntries(
    REMINDER_RULES.map((rule, i) => [rule, texts[i].text]),
  ) as Record<ReminderRule, string>;
  const calendar = reminderCalendar({
    config: program.config,
    participants,
    matches: Array.isArray(matches)
      ? (matches as MatchesState['matches'])
      : (matches.matches ?? []),
    responses: surveys.responses ?? [],
    ...(isScheduleState(schedule) ? { schedule } : {}),
    now,
  });
  const templateTexts = Object.fromEntries(
    REMINDER_RULES.map((rule, i) => [reminderTemplateFile(rule), texts[i].text]),
  );
  return { calendar, templates, templateTexts };
}
