/**
 * The recommended survey question sets (kickoff, mid-point, final), worded so that the merge maps
 * them automatically.
 */

import type { SurveyField } from './measures.js';

/** One recommended question: the wording to paste, the field it maps to, and the answer options. */
export interface TemplateQuestion {
  field: SurveyField | null;
  question: string;
  answerType:
    'email' | 'short text' | 'long text' | 'scale 1-5' | 'scale 0-10' | 'number' | 'yes/no';
  options: string;
}

const EMAIL: TemplateQuestion = {
  field: 'email',
  question: 'Email address',
  answerType: 'email',
  options: 'the email you signed up with',
};
const NAME: TemplateQuestion = {
  field: 'name',
  question: 'Your name',
  answerType: 'short text',
  options: '',
};
const SAT: TemplateQuestion = {
  field: 'satisfaction',
  question: 'How satisfied are you with your mentoring relationship?',
  answerType: 'scale 1-5',
  options:
    '1 = Very dissatisfied, 2 = Dissatisfied, 3 = Neutral, 4 = Satisfied, 5 = Very satisfied',
};
const MEETINGS: TemplateQuestion = {
  field: 'meetingsHeld',
  question: 'How many meetings have you had with your mentoring partner so far?',
  answerType: 'number',
  options: '0, 1, 2, ...',
};
const GOALS: TemplateQuestion = {
  field: 'goalProgress',
  question: 'How much progress have you made towards your goals?',
  answerType: 'scale 1-5',
  options:
    '1 = No progress, 2 = A little, 3 = Some progress, 4 = Good progress, 5 = Fully achieved',
};
const SKILLS: TemplateQuestion = {
  field: 'skillsImproved',
  question: 'My skills or confidence have improved through the program',
  answerType: 'scale 1-5',
  options: '1 = Strongly disagree, 2 = Disagree, 3 = Neutral, 4 = Agree, 5 = Strongly agree',
};
const NPS: TemplateQuestion = {
  field: 'recommend',
  question: 'How likely are you to recommend the mentoring program to a colleague?',
  answerType: 'scale 0-10',
  options: '0 = Not at all likely ... 10 = Extremely likely',
};
const CONCERNS: TemplateQuestion = {
  field: 'concerns',
  question: 'Do you have any concerns, or is there anything we should know?',
  answerType: 'long text',
  options: 'leave empty if none',
};

/**
 * Baseline self-ratings, asked at kickoff and again in the final wave with the same wording, so the
 * report can compare each person's answers (growth). Worded to avoid the measures' keywords
 * ("skills", "confidence", "goals"), which would map them to a measure instead.
 */
const BASELINE: readonly TemplateQuestion[] = [
  'speaking up in meetings',
  'planning my career',
  'giving and receiving feedback',
].map((topic) => ({
  field: null,
  question: `Self-rating: ${topic} (1 = just starting, 5 = very strong)`,
  answerType: 'scale 1-5',
  options: '1 = Just starting, 2, 3, 4, 5 = Very strong (the same question at kickoff and final)',
}));

/** Question sets by wave name (the default waves of the config). */
export const SURVEY_TEMPLATES: Readonly<
  Record<'kickoff' | 'midpoint' | 'final', readonly TemplateQuestion[]>
> = {
  kickoff: [
    EMAIL,
    NAME,
    SAT,
    {
      field: null,
      question: 'What do you want to achieve in this program?',
      answerType: 'long text',
      options: 'kept with the response, not scored',
    },
    {
      field: null,
      question: 'How often do you plan to meet?',
      answerType: 'short text',
      options: 'kept with the response, not scored',
    },
    ...BASELINE,
    CONCERNS,
  ],
  midpoint: [EMAIL, NAME, MEETINGS, SAT, GOALS, SKILLS, NPS, CONCERNS],
  final: [
    EMAIL,
    NAME,
    MEETINGS,
    SAT,
    GOALS,
    SKILLS,
    NPS,
    {
      field: 'wouldContinue',
      question: 'Would you like to continue the relationship after the program?',
      answerType: 'yes/no',
      options: 'Yes, No',
    },
    ...BASELINE,
    CONCERNS,
  ],
};
