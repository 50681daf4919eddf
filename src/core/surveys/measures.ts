/** The documented survey measures and the mapping of survey-export headers onto them. */

import { UsageError } from '../../errors.js';

/** A documented survey measure. */
export type MeasureId =
  | 'satisfaction'
  | 'recommend'
  | 'meetingsHeld'
  | 'goalProgress'
  | 'skillsImproved'
  | 'wouldContinue'
  | 'concerns';
/** A column the merge understands: a measure or a fact about the response. */
export type SurveyField = MeasureId | 'email' | 'name' | 'submittedAt' | 'startedAt' | 'wave';

/** The measures, their scale and meaning (also the README table). */
export const MEASURES: ReadonlyArray<{ id: MeasureId; scale: string; description: string }> = [
  {
    id: 'satisfaction',
    scale: '1-5',
    description: 'overall satisfaction with the mentoring relationship',
  },
  {
    id: 'recommend',
    scale: '0-10',
    description: 'likelihood to recommend the program (NPS: % 9-10 minus % 0-6)',
  },
  { id: 'meetingsHeld', scale: 'count', description: 'meetings held with the partner so far' },
  { id: 'goalProgress', scale: '1-5', description: 'progress towards the goals set at kickoff' },
  { id: 'skillsImproved', scale: '1-5', description: 'skills or confidence improved' },
  {
    id: 'wouldContinue',
    scale: 'yes/no',
    description: 'would continue the relationship / join again',
  },
  {
    id: 'concerns',
    scale: 'text',
    description: 'concerns or help needed (any real text flags the pair)',
  },
];

const SURVEY_FIELDS: readonly SurveyField[] = [
  'email',
  'name',
  'submittedAt',
  'startedAt',
  'wave',
  ...MEASURES.map((m) => m.id),
];

/**
 * Header patterns, tried in this order; the first field a header matches claims it, and a field
 * takes the first header that matches. Tool columns: Google Forms "Timestamp", "Email Address";
 * Microsoft Forms "ID, Start time, Completion time, Email, Name"; SurveyMonkey "Respondent ID ...
 * End Date, Email Address"; Typeform "#, ..., Start Date (UTC), Submit Date (UTC), Network ID".
 */
const PATTERNS: ReadonlyArray<[SurveyField, RegExp]> = [
  [
    'email',
    /^(e-?mail|email address|e-mail address|your (work )?e-?mail( address)?|respondent e-?mail|work e-?mail|what(')?s your e-?mail.*|e-?mail \(.*\))$/,
  ],
  [
    'submittedAt',
    /^(timestamp|completion time|submit date( \(utc\))?|submitted at|date submitted|end date|submission date|completed at|response date)$/,
  ],
  ['startedAt', /^(start time|start date( \(utc\))?|started at)$/],
  ['name', /^(name|full name|your name|your full name|respondent name|what(')?s your name.*)$/],
  ['wave', /^(wave|survey wave)$/],
  ['recommend', /recommend|likely .* (friend|colleague)/],
  [
    'meetingsHeld',
    /how many (meetings|times|sessions|conversations)|meetings (held|attended|so far)|number of (meetings|sessions)|meetings have you (had|held)/,
  ],
  ['goalProgress', /goal/],
  ['skillsImproved', /skill|confidence/],
  ['wouldContinue', /continue|again/],
  ['satisfaction', /satisf/],
  [
    'concerns',
    /concern|worr|issue|problem|help (do )?you need|anything (else )?we should know|challenge/,
  ],
];

/** Fields per column index: which header feeds which field. */
export interface SurveyMapping {
  /** field -> column index */
  columns: Map<SurveyField, number>;
  /** Headers mapped to no field (kept as original answers). */
  unmapped: string[];
}

const clean = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[?:*]+$/, '')
    .trim();

/**
 * Parses `--map "Header=field"` flags into header -> survey field; throws UsageError on an unknown
 * field.
 */
export function parseSurveyMapFlags(values: readonly string[]): Map<string, SurveyField> {
  const map = new Map<string, SurveyField>();
  for (const v of values) {
    const eq = v.lastIndexOf('=');
    const header = eq > 0 ? v.slice(0, eq).trim() : '';
    const field = eq > 0 ? v.slice(eq + 1).trim() : '';
    const known = SURVEY_FIELDS.find((f) => f.toLowerCase() === field.toLowerCase());
    if (!header || !known) {
      throw new UsageError(
        `--map "${v}" is not "Header=field" with a survey field`,
        `Fields: ${SURVEY_FIELDS.join(', ')}`,
      );
    }
    map.set(clean(header), known);
  }
  return map;
}

/** Maps survey headers to fields: --map flags first, then the built-in patterns. */
export function mapSurveyHeaders(
  headers: readonly string[],
  flags: ReadonlyMap<string, SurveyField> = new Map(),
): SurveyMapping {
  const columns = new Map<SurveyField, number>();
  const claimed = new Set<number>();
  headers.forEach((h, i) => {
    const f = flags.get(clean(h));
    if (f && !columns.has(f)) {
      columns.set(f, i);
      claimed.add(i);
    }
  });
  headers.forEach((h, i) => {
    if (claimed.has(i)) return;
    const text = clean(h);
    for (const [field, re] of PATTERNS) {
      if (!re.test(text)) continue;
      if (!columns.has(field)) {
        columns.set(field, i);
        claimed.add(i);
      }
      break;
    }
  });
  // A loose fallback for the email column: any header mentioning e-mail that is not someone else's.
  if (!columns.has('email')) {
    const i = headers.findIndex(
      (h, j) =>
        !claimed.has(j) &&
        /e-?mail/.test(clean(h)) &&
        !/manager|mentor|mentee|partner/.test(clean(h)),
    );
    if (i >= 0) {
      columns.set('email', i);
      claimed.add(i);
    }
  }
  return { columns, unmapped: headers.filter((_, i) => !claimed.has(i)) };
}
