/**
 * Answer scales: Likert texts, numeric and star answers turned into numbers, with the scales
 * documented as constants.
 */

/** Agreement (1-5): Strongly disagree .. Strongly agree. */
const AGREEMENT_SCALE: Readonly<Record<string, number>> = {
  'strongly disagree': 1,
  disagree: 2,
  'somewhat disagree': 2,
  'neither agree nor disagree': 3,
  neutral: 3,
  neither: 3,
  'somewhat agree': 4,
  agree: 4,
  'strongly agree': 5,
};

/** Satisfaction (1-5): Very dissatisfied .. Very satisfied. */
const SATISFACTION_SCALE: Readonly<Record<string, number>> = {
  'very dissatisfied': 1,
  'extremely dissatisfied': 1,
  dissatisfied: 2,
  'somewhat dissatisfied': 2,
  'neither satisfied nor dissatisfied': 3,
  'neither satisfied or dissatisfied': 3,
  satisfied: 4,
  'somewhat satisfied': 4,
  'very satisfied': 5,
  'extremely satisfied': 5,
};

/** Frequency (1-5): Never .. Always. */
const FREQUENCY_SCALE: Readonly<Record<string, number>> = {
  never: 1,
  rarely: 2,
  sometimes: 3,
  often: 4,
  usually: 4,
  'very often': 4,
  always: 5,
};

/** Quality (1-5): Poor .. Excellent. */
const QUALITY_SCALE: Readonly<Record<string, number>> = {
  'very poor': 1,
  poor: 1,
  fair: 2,
  good: 3,
  'very good': 4,
  excellent: 5,
};

/** Progress (1-5), for goal questions: No progress .. Fully achieved. */
const PROGRESS_SCALE: Readonly<Record<string, number>> = {
  'no progress': 1,
  none: 1,
  'a little': 2,
  'little progress': 2,
  'some progress': 3,
  some: 3,
  'good progress': 4,
  'a lot': 4,
  'significant progress': 4,
  'fully achieved': 5,
  achieved: 5,
  completely: 5,
};

/** Yes/no answers (wouldContinue); Typeform exports yes/no questions as "1"/"0". */
const YES_NO_SCALE: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  definitely: true,
  probably: true,
  'definitely yes': true,
  'probably yes': true,
  no: false,
  n: false,
  false: false,
  '0': false,
  'probably not': false,
  'definitely not': false,
};

/** Every 1-5 label in one lookup; the scales share no label with different values. */
const LIKERT_LABELS: ReadonlyMap<string, number> = new Map(
  [AGREEMENT_SCALE, SATISFACTION_SCALE, FREQUENCY_SCALE, QUALITY_SCALE, PROGRESS_SCALE].flatMap(
    (s) => Object.entries(s),
  ),
);

/** Result of reading one answer: empty, a value, or text outside the scale (kept, not counted). */
export type ScaleRead<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'invalid' };

const norm = (t: string) =>
  t
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');

/**
 * Reads a numeric answer on [min, max]: "4", "4 - Satisfied", "4/5", "4 out of 5", "★★★★", or a
 * Likert label (only when `labels` is true, i.e. on a 1-5 scale). Integers only when `integer`.
 */
export function readScale(
  text: string,
  min: number,
  max: number,
  opts: { labels?: boolean; integer?: boolean } = {},
): ScaleRead<number> {
  const t = norm(text);
  if (t === '') return { kind: 'empty' };
  let n: number | undefined;
  const stars = /^[★⭐*]+$/u.exec(t);
  if (stars) n = [...t].length;
  else {
    // A leading number wins: "4 - Satisfied", "4/5", "9 (very likely)", "10 - Extremely likely".
    const m = /^(\d+(?:[.,]\d+)?)(?:\s*(?:\/|out of)\s*\d+)?(?:\s*[-–:(]\s*.*|\s+[a-z].*)?$/.exec(
      t,
    );
    if (m) n = Number(m[1].replace(',', '.'));
    else if (opts.labels) n = LIKERT_LABELS.get(t);
  }
  if (n === undefined || !Number.isFinite(n) || n < min || n > max) return { kind: 'invalid' };
  if (opts.integer && !Number.isInteger(n)) return { kind: 'invalid' };
  return { kind: 'value', value: n };
}

/**
 * Reads a count of meetings: "3", "3 meetings", "none" (0); negative or text answers are invalid.
 */
export function readCount(text: string): ScaleRead<number> {
  const t = norm(text);
  if (t === '') return { kind: 'empty' };
  if (t === 'none' || t === 'zero' || t === 'no meetings') return { kind: 'value', value: 0 };
  const m = /^(\d+)(?:\s+[a-z].*)?$/.exec(t);
  if (!m) return { kind: 'invalid' };
  const n = Number(m[1]);
  return n <= 1000 ? { kind: 'value', value: n } : { kind: 'invalid' };
}

/** Reads a yes/no answer. */
export function readYesNo(text: string): ScaleRead<boolean> {
  const t = norm(text);
  if (t === '') return { kind: 'empty' };
  const v = YES_NO_SCALE[t] ?? (/^yes\b/.test(t) ? true : /^no\b/.test(t) ? false : undefined);
  return v === undefined ? { kind: 'invalid' } : { kind: 'value', value: v };
}

const NO_CONCERN = new Set([
  '',
  'none',
  'no',
  'n/a',
  'na',
  'nothing',
  '-',
  'no concerns',
  'none so far',
  'all good',
  'nope',
  'not really',
]);

/**
 * True when a free-text concern answer actually says something ("none", "n/a", "-" do not count).
 */
export function isRealConcern(text: string | undefined): boolean {
  return text !== undefined && !NO_CONCERN.has(norm(text));
}
