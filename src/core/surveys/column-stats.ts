/** Quick figures per column of one merged file, for the merge summary: answers and mean on scale. */

import type { ColumnInfo } from './classify.js';
import { readOnScale } from './scale-detect.js';
import type { SurveyResponse } from './state.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary.js';

/** Answers (non-empty responses) and, for rating and matrix columns, the mean on their scale. */
export function columnFigures(
  columns: readonly ColumnInfo[],
  responses: readonly SurveyResponse[],
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): Array<{ answers: number; mean?: number }> {
  return columns.map((c, i) => {
    let answers = 0;
    let sum = 0;
    let n = 0;
    for (const r of responses) {
      const text = (r.answers[i] ?? '').trim();
      if (r.empty || !text) continue;
      answers++;
      if (!c.scale || (c.kind !== 'rating' && c.kind !== 'matrix')) continue;
      const v = readOnScale(text, c.scale, vocab);
      if (v.kind === 'value') {
        sum += v.value;
        n++;
      }
    }
    return n ? { answers, mean: Math.round((sum / n) * 100) / 100 } : { answers };
  });
}
