/** The state files a program folder keeps under .mentor/ (and that `restore` can put back). */
export const STATE_NAMES = [
  'participants',
  'matches',
  'mappings',
  'schedule',
  'surveys',
  'attention',
  'outcomes',
  'fixes',
] as const;
