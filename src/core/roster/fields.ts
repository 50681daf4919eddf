/** The participant fields a spreadsheet column can be mapped to. */

/**
 * What a person's stored profile holds besides the email, in the order exports list it (merge,
 * edit and export all derive their field lists from this one).
 */
export const PROFILE_FIELDS = [
  'name',
  'role',
  'department',
  'title',
  'level',
  'managerEmail',
  'timezone',
  'languages',
  'topics',
  'interests',
  'goals',
  'capacity',
  'availability',
  'preferences',
  'avoid',
  'cohort',
  'trainingCompleted',
  'status',
] as const;

/** A participant field a column can be mapped to. */
export type FieldName =
  'email' | (typeof PROFILE_FIELDS)[number] | 'firstName' | 'lastName' | 'submittedAt';
