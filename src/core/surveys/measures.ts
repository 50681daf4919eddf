/** The documented survey measures and the mapping of survey-export headers onto them. */

import { UsageError } from '../../errors.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary.js';

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
 * The fields whose header patterns are tried, in this order; the first field a header matches
 * claims it, and a field takes the first header that matches. The patterns (every language) are in
 * vocabulary.json: Google Forms "Timestamp", "Email Address"; Microsoft Forms "ID, Start time,
 * Completion time, Email, Name" (German "Startzeit, Fertigstellungszeit, E-Mail"); SurveyMonkey
 * "Respondent ID ... End Date, Email Address"; Typeform "#, ..., Submit Date (UTC), Network ID".
 */
const FIELD_ORDER: readonly SurveyField[] = [
  'email',
  'submittedAt',
  'startedAt',
  'name',
  'wave',
  'recommend',
  'meetingsHeld',
  'goalProgress',
  'skillsImproved',
  'wouldContinue',
  'satisfaction',
  'concerns',
];

/** The pattern of a field in a vocabulary (identity fields anchored, measures as substrings). */
const patternOf = (vocab: Vocabulary, f: SurveyField): RegExp | undefined =>
  vocab.headers.get(f) ?? vocab.measures.get(f);

/** What `--map "Header=..."` asks for: a field, or a column kind, optionally on a scale. */
export interface SurveyMapTarget {
  field?: SurveyField;
  kind?: ColumnKindName;
  /** "1-10" as [1, 10], or a label scale id ("agreement"). */
  scale?: [number, number] | string;
}

/** Column kinds a `--map` can force. */
export type ColumnKindName =
  'identity' | 'measure' | 'rating' | 'matrix' | 'choice' | 'checkbox' | 'text';
const KINDS: readonly ColumnKindName[] = ['identity', 'rating', 'choice', 'checkbox', 'text'];

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

/** Cleans a header for matching: lower case, single spaces, no trailing "?", ":" or "*". */
export const cleanHeader = clean;

/**
 * Parses `--map "Header=target"` flags: a survey field ("email", "satisfaction"), a column kind
 * ("rating", "choice", "checkbox", "text", "identity"), optionally with a scale after a colon
 * ("rating:1-10", "satisfaction:1-10", "rating:agreement"). Throws UsageError on anything else.
 */
export function parseSurveyMapFlags(
  values: readonly string[],
  labelScales: readonly string[] = DEFAULT_VOCABULARY.labelScales.map((s) => s.id),
): Map<string, SurveyMapTarget> {
  const map = new Map<string, SurveyMapTarget>();
  for (const v of values) {
    const eq = v.lastIndexOf('=');
    const header = eq > 0 ? v.slice(0, eq).trim() : '';
    const [name, scaleText] = (eq > 0 ? v.slice(eq + 1).trim() : '').split(':');
    const field = SURVEY_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
    const kind = KINDS.find((k) => k === name.toLowerCase());
    let scale: SurveyMapTarget['scale'];
    if (scaleText !== undefined) {
      const m = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(scaleText.trim());
      if (m && +m[1] < +m[2]) scale = [+m[1], +m[2]];
      else if (labelScales.includes(scaleText.trim().toLowerCase()))
        scale = scaleText.trim().toLowerCase();
    }
    if (!header || (!field && !kind) || (scaleText !== undefined && scale === undefined)) {
      throw new UsageError(
        `--map "${v}" is not "Header=field" with a survey field or a column kind`,
        `Fields: ${SURVEY_FIELDS.join(', ')}; kinds: ${KINDS.join(', ')}; a scale after a colon, e.g. "Q3=rating:1-10" or "Q4=rating:agreement"`,
      );
    }
    const target: SurveyMapTarget = field ? { field } : { kind };
    if (scale !== undefined) target.scale = scale;
    map.set(clean(header), target);
  }
  return map;
}

/** Maps survey headers to fields: --map flags first, then the vocabulary's patterns. */
export function mapSurveyHeaders(
  headers: readonly string[],
  flags: ReadonlyMap<string, SurveyMapTarget> = new Map(),
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): SurveyMapping {
  const columns = new Map<SurveyField, number>();
  const claimed = new Set<number>();
  headers.forEach((h, i) => {
    const t = flags.get(clean(h));
    if (t) claimed.add(i);
    if (t?.field && !columns.has(t.field)) columns.set(t.field, i);
  });
  const other = vocab.headers.get('other');
  headers.forEach((h, i) => {
    if (claimed.has(i)) return;
    const text = clean(h);
    if (other?.test(text)) return;
    for (const field of FIELD_ORDER) {
      if (!patternOf(vocab, field)?.test(text)) continue;
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
        /e-?mail|correo/.test(clean(h)) &&
        !/manager|mentor|mentee|partner|vorgesetzt/.test(clean(h)),
    );
    if (i >= 0) {
      columns.set('email', i);
      claimed.add(i);
    }
  }
  return { columns, unmapped: headers.filter((_, i) => !claimed.has(i)) };
}
