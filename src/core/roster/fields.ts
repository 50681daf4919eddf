/** The participant fields a spreadsheet column can be mapped to. */

/** A participant field a column can be mapped to. */
export type FieldName =
  | 'email'
  | 'name'
  | 'role'
  | 'department'
  | 'title'
  | 'level'
  | 'managerEmail'
  | 'timezone'
  | 'languages'
  | 'topics'
  | 'interests'
  | 'goals'
  | 'capacity'
  | 'availability'
  | 'preferences'
  | 'avoid'
  | 'cohort'
  | 'trainingCompleted'
  | 'status'
  | 'firstName'
  | 'lastName'
  | 'submittedAt';
