/** The reminder rules in force: the config's `reminders` section with the documented defaults. */

import type { RemindersConfig } from '../config.js';

/** The rules with every default filled in (a rule switched off has `enabled: false`). */
export interface ReminderSettings {
  catchUpDays: number;
  survey: { enabled: boolean; afterDays: number[]; url?: string };
  noMeeting: { enabled: boolean; afterDays: number };
  firstMeeting: { enabled: boolean; daysBefore: number };
  training: { enabled: boolean; daysBefore: number };
  milestone: { enabled: boolean; daysBefore: number };
}

/** The settings of `config.reminders` (absent in configs written before reminders existed). */
export function reminderSettings(config: RemindersConfig | undefined): ReminderSettings {
  const c = config ?? {};
  return {
    catchUpDays: c.catchUpDays ?? 2,
    survey: {
      enabled: c.survey?.enabled ?? true,
      afterDays: [...new Set(c.survey?.afterDays ?? [3, 7])].sort((a, b) => a - b),
      ...(c.survey?.url ? { url: c.survey.url } : {}),
    },
    noMeeting: { enabled: c.noMeeting?.enabled ?? true, afterDays: c.noMeeting?.afterDays ?? 21 },
    firstMeeting: {
      enabled: c.firstMeeting?.enabled ?? true,
      daysBefore: c.firstMeeting?.daysBefore ?? 2,
    },
    training: { enabled: c.training?.enabled ?? true, daysBefore: c.training?.daysBefore ?? 7 },
    milestone: { enabled: c.milestone?.enabled ?? true, daysBefore: c.milestone?.daysBefore ?? 1 },
  };
}
