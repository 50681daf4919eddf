/**
 * The program's own survey questions, per wave and side: rating and matrix items (answers, mean on
 * their scale, favourable share = top two boxes, the full distribution), choice and checkbox
 * questions as counts, free-text answers listed. Counted over the same responses as every other
 * survey figure (survey-counting.ts).
 */

import type { ColumnInfo } from '../surveys/classify.js';
import { emailKey } from '../keys.js';
import { favourableFrom, readOnScale, scaleText } from '../surveys/scale-detect.js';
import { DEFAULT_VOCABULARY, normAnswer, type Vocabulary } from '../surveys/vocabulary.js';
import type { ProgramFacts } from './facts.js';
import { mean, ratio } from './stats.js';
import { countedResponses } from './survey-counting.js';

/** One survey question (or one row of a grid) for one wave and one side. */
export interface SurveyItemStats {
  wave: string;
  side: 'mentee' | 'mentor';
  /** The question text (a grid's question for matrix rows). */
  question: string;
  /** Matrix row label. */
  row?: string;
  kind: 'rating' | 'matrix' | 'choice' | 'checkbox' | 'text';
  /** "1-10", "agreement 1-5" for ratings. */
  scale?: string;
  /** People who answered. */
  answers: number;
  mean: number | null;
  /** Share of answers in the top two boxes (4-5 on 1-5, 9-10 on 0-10 / 1-10). */
  favourable: number | null;
  /** Ratings: count per value, lowest first, with the most common label written for it. */
  distribution?: Array<{ value: number; label?: string; count: number }>;
  /** Choice / checkbox: count per option, most chosen first. */
  options?: Array<{ option: string; count: number }>;
  /** Free text: every non-empty answer with the respondent's name. */
  texts?: Array<{ name: string; text: string }>;
}

interface Acc {
  item: Omit<SurveyItemStats, 'answers' | 'mean' | 'favourable'>;
  col: ColumnInfo;
  values: number[];
  labels: Map<number, Map<string, number>>;
  options: Map<string, { option: string; count: number }>;
  texts: Array<{ name: string; text: string }>;
  answered: number;
}

const REPORTED = new Set(['rating', 'matrix', 'choice', 'checkbox', 'text']);

/** Item key: question, row and scale (the same wording on two scales is two items). */
const keyOf = (c: ColumnInfo): string =>
  JSON.stringify([
    c.kind,
    c.question ?? c.header,
    c.kind === 'checkbox' ? '' : (c.row ?? ''),
    c.scale ? scaleText(c.scale) : '',
  ]);

/**
 * Statistics of every custom question for every wave opened by `now` and each side. `columnSets`
 * are the stored classifications (SurveyState.columnSets), `headerSets` the stored headers.
 */
export function surveyItemStats(
  facts: Pick<ProgramFacts, 'linked' | 'byEmail' | 'waves' | 'sideOf' | 'input'>,
  columnSets: readonly ColumnInfo[][],
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): SurveyItemStats[] {
  const day = facts.input.now.toISOString().slice(0, 10);
  const out: SurveyItemStats[] = [];
  for (const w of facts.waves) {
    if (w.opens > day) continue;
    const { counted } = countedResponses(facts, w.name);
    for (const side of ['mentee', 'mentor'] as const) {
      const accs = new Map<string, Acc>();
      for (const r of counted) {
        const email = emailKey(r.email);
        if (facts.sideOf(email) !== side) continue;
        const cols = columnSets[r.headerSet] ?? [];
        const name = facts.byEmail.get(email)?.name ?? r.name ?? r.email;
        const checkboxSeen = new Set<string>();
        cols.forEach((c, i) => {
          if (!REPORTED.has(c.kind)) return;
          const text = (r.answers[i] ?? '').trim();
          const key = keyOf(c);
          let acc = accs.get(key);
          if (!acc) {
            const item: Acc['item'] = {
              wave: w.name,
              side,
              question: c.question ?? c.header,
              kind: c.kind as SurveyItemStats['kind'],
            };
            if (c.kind === 'matrix' && c.row) item.row = c.row;
            if (c.scale) item.scale = scaleText(c.scale);
            acc = {
              item,
              col: c,
              values: [],
              labels: new Map(),
              options: new Map(),
              texts: [],
              answered: 0,
            };
            accs.set(key, acc);
          }
          if (!text) return;
          if (c.kind === 'rating' || c.kind === 'matrix') {
            const v = c.scale ? readOnScale(text, c.scale, vocab) : undefined;
            if (v?.kind !== 'value') return;
            acc.values.push(v.value);
            acc.answered++;
            const labels = acc.labels.get(v.value) ?? new Map<string, number>();
            labels.set(text, (labels.get(text) ?? 0) + 1);
            acc.labels.set(v.value, labels);
          } else if (c.kind === 'choice' || c.kind === 'checkbox') {
            const chosen =
              c.row !== undefined
                ? [c.row]
                : c.separator
                  ? text
                      .split(c.separator)
                      .map((t) => t.trim())
                      .filter(Boolean)
                  : [text];
            for (const option of chosen) {
              const k = normAnswer(option);
              const o = acc.options.get(k) ?? { option, count: 0 };
              o.count++;
              acc.options.set(k, o);
            }
            // A checkbox spread over option columns counts its respondent once.
            if (c.row === undefined || !checkboxSeen.has(key)) acc.answered++;
            checkboxSeen.add(key);
          } else {
            acc.texts.push({ name, text });
            acc.answered++;
          }
        });
      }
      for (const acc of accs.values()) out.push(finish(acc));
    }
  }
  return out;
}

function finish(acc: Acc): SurveyItemStats {
  const { col } = acc;
  const s: SurveyItemStats = { ...acc.item, answers: acc.answered, mean: null, favourable: null };
  if (col.scale && (col.kind === 'rating' || col.kind === 'matrix')) {
    s.mean = mean(acc.values);
    const top = favourableFrom(col.scale);
    s.favourable = ratio(acc.values.filter((v) => v >= top).length, acc.values.length);
    s.distribution = [];
    for (let v = col.scale.min; v <= col.scale.max; v++) {
      const labels = [...(acc.labels.get(v) ?? new Map<string, number>())].sort(
        (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
      );
      const d: { value: number; label?: string; count: number } = {
        value: v,
        count: acc.values.filter((x) => x === v).length,
      };
      if (labels.length && !/^\d+$/.test(labels[0][0])) d.label = labels[0][0];
      s.distribution.push(d);
    }
  }
  if (col.kind === 'choice' || col.kind === 'checkbox')
    s.options = [...acc.options.values()].sort(
      (a, b) => b.count - a.count || (a.option < b.option ? -1 : 1),
    );
  if (col.kind === 'text') s.texts = acc.texts;
  return s;
}
