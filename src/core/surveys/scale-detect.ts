/**
 * A question's answer scale, found from its wording ("on a scale of 1-10", "(0-10)", "1 = poor,
 * 7 = excellent") and from its answers (numbers, stars, labels of a known label scale), and the
 * linear rule that puts a known measure asked on another scale onto its documented scale.
 */

import type { ScaleRead } from './scales.js';
import { DEFAULT_VOCABULARY, normAnswer, type ScaleFamily, type Vocabulary } from './vocabulary.js';

/** The scale of a rating question: numeric (min-max) or one of the vocabulary's label scales. */
export interface Scale {
  /** "numeric", or the label scale's id ("agreement", "satisfaction-surveymonkey", ...). */
  id: string;
  family: ScaleFamily;
  min: number;
  max: number;
  /** How it was found. */
  from: 'wording' | 'answers' | 'labels' | 'map' | 'documented';
}

/** The numeric scales recognised from answers alone, smallest first. */
const NUMERIC_SCALES: ReadonlyArray<readonly [number, number]> = [
  [1, 5],
  [1, 7],
  [1, 10],
  [0, 10],
];

/** A numeric scale object. */
export const numericScale = (min: number, max: number, from: Scale['from']): Scale => ({
  id: 'numeric',
  family: 'numeric',
  min,
  max,
  from,
});

/** Text of a scale for people: "1-10", "agreement 1-5". */
export const scaleText = (s: Pick<Scale, 'id' | 'min' | 'max'>): string =>
  s.id === 'numeric' ? `${s.min}-${s.max}` : `${s.id} ${s.min}-${s.max}`;

/**
 * The numeric range a question's wording names: "scale of 1-10", "1 to 7", "(0-10)", "0 bis 10",
 * "de 1 a 5", "1 = poor, 7 = excellent". Undefined when it names none (or a range that is no
 * rating scale).
 */
export function scaleFromWording(header: string): Scale | undefined {
  const h = header.toLowerCase();
  let m =
    /(?:^|[\s([,:])(\d{1,2})\s*(?:-|–|—|to|bis|à|a|até|au)\s*(\d{1,2})(?=$|[\s)\],.:;?])/u.exec(h);
  if (!m) m = /(?:^|\D)(\d{1,2})\s*=\s*[^=]+?[,;/]\s*(?:.*?\D)?(\d{1,2})\s*=/u.exec(h);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!(a === 0 || a === 1) || b <= a + 1 || b > 10) return undefined;
  return numericScale(a, b, 'wording');
}

/** A leading number of an answer: "7", "4 - Satisfied", "10 - Extremely likely", "4/5", "4,5". */
function leadingNumber(t: string): number | undefined {
  const m =
    /^(\d+(?:[.,]\d+)?)(?:\s*(?:\/|out of|von|sur|de)\s*\d+)?(?:\s*[-–:(=]\s*.*|\s+\p{L}.*)?$/u.exec(
      t,
    );
  return m ? Number(m[1].replace(',', '.')) : undefined;
}

const STARS = /^[★⭐*]+$/u;

/** The label of an answer once a number prefix is removed ("4 - Agree" -> "agree"). */
const labelPart = (t: string): string => t.replace(/^\d+\s*[-–:.=)]\s*/u, '');

/**
 * Detects the scale of a rating question from its answers (and optionally a family hint from a
 * known measure). Undefined when the answers are not ratings (most of them neither numbers nor
 * labels of one scale).
 */
export function scaleFromAnswers(
  answers: readonly string[],
  vocab: Vocabulary = DEFAULT_VOCABULARY,
  prefer?: ScaleFamily,
): Scale | undefined {
  const texts = answers.map(normAnswer).filter((t) => t !== '');
  if (texts.length === 0) return undefined;
  let numbers = 0;
  let lo = Infinity;
  let hi = -Infinity;
  const labelCounts = new Map<string, number>();
  for (const t of texts) {
    const n = STARS.test(t) ? [...t].length : leadingNumber(t);
    if (n !== undefined && Number.isInteger(n)) {
      numbers++;
      lo = Math.min(lo, n);
      hi = Math.max(hi, n);
      continue;
    }
    const label = labelPart(t);
    for (const s of vocab.labelScales)
      if (s.labels.has(label)) labelCounts.set(s.id, (labelCounts.get(s.id) ?? 0) + 1);
  }
  let best: { id: string; n: number; family: ScaleFamily } | undefined;
  for (const s of vocab.labelScales) {
    const n = labelCounts.get(s.id) ?? 0;
    // Most labels covered wins; a tie goes to the hinted family, then to the earlier scale.
    if (
      n > 0 &&
      (!best || n > best.n || (n === best.n && s.family === prefer && best.family !== prefer))
    )
      best = { id: s.id, n, family: s.family };
  }
  if (best && best.n >= numbers && best.n + numbers >= texts.length * 0.8) {
    const s = vocab.labelScales.find((x) => x.id === best.id)!;
    return { id: s.id, family: s.family, min: s.min, max: s.max, from: 'labels' };
  }
  if (numbers < texts.length * 0.8 || lo < 0 || hi > 10) return undefined;
  const range = NUMERIC_SCALES.find(([a, b]) => lo >= a && hi <= b)!;
  return numericScale(range[0], range[1], 'answers');
}

/**
 * Reads one answer on a scale: a number (leading number of a labelled answer, stars) within the
 * range, or a label of the scale (of any label scale for a numeric 1-5).
 */
export function readOnScale(
  text: string,
  scale: Pick<Scale, 'id' | 'min' | 'max'>,
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): ScaleRead<number> {
  const t = normAnswer(text);
  if (t === '') return { kind: 'empty' };
  let n = STARS.test(t) ? [...t].length : leadingNumber(t);
  if (n === undefined) {
    const label = labelPart(t);
    if (scale.id !== 'numeric')
      n = vocab.labelScales.find((s) => s.id === scale.id)?.labels.get(label);
    else if (scale.min === 1 && scale.max === 5)
      n = vocab.labelScales.find((s) => s.labels.has(label))?.labels.get(label);
  }
  if (n === undefined || !Number.isInteger(n) || n < scale.min || n > scale.max)
    return { kind: 'invalid' };
  return { kind: 'value', value: n };
}

/**
 * Puts a value from one scale onto another by the linear rule that maps endpoint to endpoint:
 * to.min + (x - from.min) * (to.max - to.min) / (from.max - from.min). A 1-10 satisfaction 7
 * becomes 1 + 6 * 4/9 = 3.67 on 1-5. Rounded to 4 decimals.
 */
export function rescale(
  x: number,
  from: Pick<Scale, 'min' | 'max'>,
  to: Pick<Scale, 'min' | 'max'>,
): number {
  if (from.min === to.min && from.max === to.max) return x;
  const v = to.min + ((x - from.min) * (to.max - to.min)) / (from.max - from.min);
  return Math.round(v * 10_000) / 10_000;
}

/** The top two boxes of a scale: the values counted as favourable. */
export const favourableFrom = (s: Pick<Scale, 'max'>): number => s.max - 1;
