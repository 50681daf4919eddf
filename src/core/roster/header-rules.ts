/** Keyword rules that score how well a header (or a whole form question) names a field. */

import type { FieldName } from './fields.js';

export interface FieldRule {
  /** Folded header texts that name the field outright (score 100). */
  exact: string[];
  /** [words that must all appear, score]: the best matching phrase gives the score. */
  phrases: Array<[string, number]>;
  /** Any of these words rules the field out (e.g. "manager" for email). */
  not?: string[];
  /** Any of `if` lifts the `not` words in `lifts` ("Who would you like? (name or email)"). */
  unless?: { if: string[]; lifts: string[] };
}

const PEOPLE_REFS = [
  'manager',
  'managers',
  'supervisor',
  'supervisors',
  'boss',
  'preferred',
  'prefer',
  'avoid',
  'mentors',
  'mentees',
  'who',
  'whom',
  'anyone',
  'someone',
  'paired',
  'matched',
];

/**
 * Why these words: the phrasings of Google Forms, Microsoft Forms, Typeform, SurveyMonkey and HR
 * exports.
 */
export const FIELD_RULES: Record<FieldName, FieldRule> = {
  email: {
    exact: [
      'email',
      'e mail',
      'email address',
      'e mail address',
      'mail',
      'username',
      'user name',
      'work email',
      'your email',
    ],
    phrases: [
      ['email', 60],
      ['mail address', 55],
      ['e mail', 60],
      ['emailaddress', 60],
    ],
    not: PEOPLE_REFS,
  },
  name: {
    exact: [
      'name',
      'full name',
      'your name',
      'participant name',
      'employee name',
      'display name',
      'preferred name',
      'name surname',
      // "<role> name": the respondent's own name on a form for one role.
      'mentor name',
      'mentee name',
      'coach name',
      'coachee name',
      'protege name',
      'learner name',
      'participant full name',
    ],
    phrases: [
      ['full name', 70],
      ['your name', 60],
      ['name', 40],
    ],
    not: [
      'first',
      'given',
      'last',
      'surname',
      'family',
      'user',
      'username',
      'manager',
      'managers',
      'company',
      'team',
      'department',
      'project',
      // A helper column about the name ("Chars in name", "Name length") is never the name.
      'length',
      'count',
      'number',
      'num',
      'chars',
      'characters',
      'letters',
      'words',
      'mentor',
      'mentee',
      'mentors',
      'mentees',
      'file',
    ],
  },
  firstName: {
    exact: ['first', 'forename'],
    phrases: [
      ['first name', 80],
      ['given name', 80],
      ['forename', 80],
    ],
  },
  lastName: {
    exact: ['last', 'surname'],
    phrases: [
      ['last name', 80],
      ['surname', 80],
      ['family name', 80],
    ],
  },
  role: {
    exact: [
      'role',
      'participant type',
      'type',
      'participation',
      'mentor mentee',
      'i want to be a',
      'join as',
    ],
    phrases: [
      ['mentor mentee', 80],
      ['join as', 60],
      ['want to be', 60],
      ['sign up as', 60],
      ['register as', 60],
      ['participate as', 60],
      ['participant type', 80],
      ['role', 45],
      ['apply as', 60],
    ],
    not: ['job', 'current', 'title'],
  },
  department: {
    exact: ['department', 'dept', 'team', 'business unit', 'division', 'function', 'org unit'],
    phrases: [
      ['department', 80],
      ['business unit', 80],
      ['division', 70],
      ['team', 50],
      ['org unit', 70],
      ['organisational unit', 70],
      ['organizational unit', 70],
    ],
    not: ['manager', 'managers', 'size'],
  },
  title: {
    exact: ['title', 'job title', 'position', 'job', 'designation', 'job role'],
    phrases: [
      ['job title', 90],
      ['position', 60],
      ['job role', 80],
      ['title', 50],
      ['designation', 60],
    ],
  },
  level: {
    exact: ['level', 'grade', 'seniority', 'band', 'career level', 'job level'],
    phrases: [
      ['level', 60],
      ['grade', 60],
      ['seniority', 80],
      ['band', 50],
    ],
    not: ['training', 'language', 'english', 'experience'],
  },
  managerEmail: {
    exact: [
      'manager email',
      'line manager email',
      'managers email',
      'line managers email',
      'manager',
    ],
    phrases: [
      ['manager email', 90],
      ['managers email', 90],
      ['manager', 50],
      ['managers', 50],
      ['supervisor', 50],
      ['reports to', 60],
    ],
  },
  timezone: {
    exact: ['time zone', 'timezone', 'tz', 'zone'],
    phrases: [
      ['time zone', 90],
      ['timezone', 90],
      ['zone', 50],
    ],
  },
  languages: {
    exact: ['languages', 'language', 'languages spoken', 'spoken languages'],
    phrases: [
      ['language', 70],
      ['languages', 70],
      ['speak', 40],
    ],
  },
  topics: {
    exact: [
      'topics',
      'skills',
      'expertise',
      'areas of interest',
      'development areas',
      'focus areas',
    ],
    phrases: [
      ['topics', 80],
      ['topic', 80],
      ['skills', 70],
      ['skill', 70],
      ['expertise', 70],
      ['help with', 70],
      ['areas of interest', 75],
      ['develop', 60],
      ['development', 60],
      ['subjects', 60],
      ['focus areas', 70],
      ['learn', 50],
      ['areas', 45],
    ],
  },
  interests: {
    exact: ['interests', 'hobbies', 'personal interests'],
    phrases: [
      ['hobbies', 80],
      ['hobby', 80],
      ['interests', 65],
      ['interest', 55],
      ['outside work', 60],
    ],
  },
  goals: {
    exact: ['goals', 'goal', 'objectives'],
    phrases: [
      ['hope to achieve', 80],
      ['goals', 75],
      ['goal', 75],
      ['achieve', 60],
      ['objectives', 70],
      ['get out of', 60],
      ['expectations', 50],
    ],
  },
  capacity: {
    exact: ['capacity', 'max mentees', 'maximum mentees'],
    phrases: [
      ['how many mentees', 90],
      ['max mentees', 90],
      ['maximum mentees', 90],
      ['number of mentees', 90],
      ['capacity', 90],
      ['mentees can you', 80],
    ],
  },
  availability: {
    exact: ['availability', 'available', 'when are you available'],
    phrases: [
      ['availability', 90],
      ['available', 70],
      ['time slots', 60],
      ['free time', 50],
      ['best times', 60],
      ['best time', 60],
      ['when are you free', 80],
      ['when can you meet', 80],
      ['times that work', 60],
    ],
  },
  preferences: {
    exact: [
      'preferences',
      'preferred mentors',
      'preferred mentees',
      'preferred mentor',
      'preferred mentee',
    ],
    phrases: [
      ['preferred', 60],
      ['preference', 70],
      ['preferences', 70],
      ['like to be matched with', 70],
      ['who would you like', 80],
      ['would you like to be paired with', 80],
      ['like to work with', 70],
      ['anyone in mind', 75],
      ['someone in mind', 75],
      ['paired with', 55],
      ['matched with', 55],
    ],
    unless: { if: ['who', 'whom', 'anyone', 'someone'], lifts: ['name', 'contact'] },
    not: [
      'not',
      'avoid',
      'rather',
      'name',
      'language',
      'languages',
      'meeting',
      'format',
      'contact',
      'time',
      'times',
      'pronouns',
      'day',
      'days',
      'location',
    ],
  },
  avoid: {
    exact: ['avoid', 'do not match', 'conflicts'],
    phrases: [
      ['avoid', 80],
      ['rather not', 90],
      ['do not match', 90],
      ['dont match', 90],
      ['not be matched', 90],
      ['exclude', 60],
    ],
  },
  cohort: {
    exact: ['cohort', 'intake', 'batch', 'wave'],
    phrases: [
      ['cohort', 90],
      ['intake', 90],
      ['batch', 60],
    ],
  },
  trainingCompleted: {
    exact: ['training completed', 'completed training', 'trained', 'training'],
    phrases: [
      ['training completed', 90],
      ['completed training', 90],
      ['training', 60],
      ['trained', 60],
    ],
  },
  status: {
    exact: ['status', 'participant status', 'active'],
    phrases: [['status', 70]],
    not: ['marital', 'employment', 'visa', 'relationship', 'training'],
  },
  submittedAt: {
    exact: [
      'timestamp',
      'submitted at',
      'submitted',
      'completion time',
      'submit date',
      'submission date',
      'date submitted',
    ],
    phrases: [
      ['timestamp', 90],
      ['submitted', 80],
      ['submit', 80],
      ['submission', 70],
      ['completion time', 90],
      ['response date', 70],
    ],
  },
};
