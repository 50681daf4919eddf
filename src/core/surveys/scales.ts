/**
 * Reading single answers: ratings on a 1-5 or 0-10 range, meeting counts (numbers and counting
 * words), yes/no (with "maybe" as an explicit not-counted answer) and "no concern" texts, in every
 * language of the vocabulary.
 */

import { DEFAULT_VOCABULARY, normAnswer, type Vocabulary } from './vocabulary.js';

/**
 * Result of reading one answer: empty, a value, text outside the scale (kept, not counted, warned
 * about), or an answer that deliberately counts for nothing ("maybe", a neutral agreement).
 */
export type ScaleRead<T> =
  { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'invalid' } | { kind: 'not-counted' };

/** Every label of the non-SurveyMonkey label scales in one lookup (the first scale wins). */
function likertLabels(vocab: Vocabulary): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of vocab.labelScales)
    if (!s.id.includes('surveymonkey'))
      for (const [l, n] of s.labels) if (!out.has(l)) out.set(l, n);
  return out;
}
const LIKERT = likertLabels(DEFAULT_VOCABULARY);

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
  const t = normAnswer(text);
  if (t === '') return { kind: 'empty' };
  let n: number | undefined;
  if (/^[★⭐*]+$/u.test(t)) n = [...t].length;
  else {
    // A leading number wins: "4 - Satisfied", "4/5", "9 (very likely)", "10 - Extremely likely".
    const m = /^(\d+(?:[.,]\d+)?)(?:\s*(?:\/|out of)\s*\d+)?(?:\s*[-–:(]\s*.*|\s+\p{L}.*)?$/u.exec(
      t,
    );
    if (m) n = Number(m[1].replace(',', '.'));
    else if (opts.labels) n = LIKERT.get(t);
  }
  if (n === undefined || !Number.isFinite(n) || n < min || n > max) return { kind: 'invalid' };
  if (opts.integer && !Number.isInteger(n)) return { kind: 'invalid' };
  return { kind: 'value', value: n };
}

/** Numbers written in a count: "4", "4,5" is not a count; "4 or 5", "4-5", "5+" give 4 and 5. */
const RANGE =
  /^(\d{1,4})(?:\s*(?:\+|or more|oder mehr|ou plus|o más|ou mais))?(?:\s*(?:-|–|to|or|oder|bis|ou|o|a|y)\s*(\d{1,4}))?(?:\s+\p{L}.*)?$/u;

/**
 * Reads a count of meetings: "3", "3 meetings", "none", "never", "once", "twice", "a couple of
 * times", "einmal", "deux fois", "about 4", "~4", "5+" (5), "4 or 5" and "4-5" (the lower bound,
 * 4). "maybe" / "not sure" count for nothing; negative or other text is invalid.
 */
export function readCount(text: string, vocab: Vocabulary = DEFAULT_VOCABULARY): ScaleRead<number> {
  let t = normAnswer(text);
  if (t === '') return { kind: 'empty' };
  if (vocab.maybe.has(t)) return { kind: 'not-counted' };
  for (const a of vocab.approximately)
    if (t.startsWith(`${a} `) || (a === '~' && t.startsWith('~'))) t = t.slice(a.length).trim();
  const word =
    vocab.counts.get(t) ??
    vocab.counts.get(t.replace(/\s+(times|mal|fois|veces|vezes|meetings?|treffen)$/u, ''));
  if (word !== undefined) return { kind: 'value', value: word };
  const m = RANGE.exec(t);
  if (!m) return { kind: 'invalid' };
  const n = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) < n) return { kind: 'invalid' };
  return n <= 1000 ? { kind: 'value', value: n } : { kind: 'invalid' };
}

/** Reads a yes/no answer; "maybe", "vielleicht", "peut-être", "talvez" count for nothing. */
export function readYesNo(
  text: string,
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): ScaleRead<boolean> {
  const t = normAnswer(text);
  if (t === '') return { kind: 'empty' };
  if (vocab.maybe.has(t)) return { kind: 'not-counted' };
  if (vocab.yes.has(t)) return { kind: 'value', value: true };
  if (vocab.no.has(t)) return { kind: 'value', value: false };
  const first = t.split(/[\s,;.!]+/u)[0];
  if (first && first !== t && vocab.yes.has(first) && !/^\d/.test(first))
    return { kind: 'value', value: true };
  if (first && first !== t && vocab.no.has(first) && !/^\d/.test(first))
    return { kind: 'value', value: false };
  return { kind: 'invalid' };
}

/**
 * A yes/no measure asked as agreement: agree / strongly agree (4-5) = yes, disagree / strongly
 * disagree (1-2) = no, neutral (3) counts for nothing.
 */
export function agreementAsYesNo(value: number): ScaleRead<boolean> {
  if (value >= 4) return { kind: 'value', value: true };
  if (value <= 2) return { kind: 'value', value: false };
  return { kind: 'not-counted' };
}

/**
 * True when a free-text concern answer actually says something ("none", "n/a", "-", "Nichts",
 * "Rien à signaler", "Ninguno", "Nenhum" do not count).
 */
export function isRealConcern(
  text: string | undefined,
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): boolean {
  return text !== undefined && !vocab.noConcern.has(normAnswer(text));
}
