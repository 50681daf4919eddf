/**
 * The workbook's "Survey questions" sheet: each custom question per wave and side with its answers,
 * mean on its scale, favourable share (top two boxes) and distribution; free-text answers below
 * their question, one row each.
 */

import type { KpiReport } from '../../../core/kpi/types.js';
import type { ColumnSpec, SheetSpec } from '../../formats/xlsx/write.js';

const col = (
  header: string,
  key: string,
  type: ColumnSpec['type'] = 'text',
  width?: number,
): ColumnSpec => ({ header, key, type, ...(width ? { width } : {}) });

/**
 * The sheet spec (cells are made formula-safe by the writer). Free-text answers name their
 * respondent, so they are listed only with `withTexts` (the manager's workbook).
 */
export function surveyItemsSheet(
  report: Pick<KpiReport, 'surveyItems'>,
  withTexts: boolean,
): SheetSpec {
  const rows: Record<string, unknown>[] = [];
  for (const i of report.surveyItems) {
    const breakdown = i.distribution
      ? i.distribution.map((d) => `${d.value}${d.label ? ` ${d.label}` : ''}: ${d.count}`)
      : (i.options ?? []).map((o) => `${o.option}: ${o.count}`);
    rows.push({
      wave: i.wave,
      side: i.side === 'mentee' ? 'mentees' : 'mentors',
      question: i.question,
      row: i.row ?? '',
      kind: i.kind,
      scale: i.scale ?? '',
      answers: i.answers,
      mean: i.mean,
      favourable: i.favourable,
      breakdown: breakdown.join('; '),
    });
    for (const t of withTexts ? (i.texts ?? []) : [])
      rows.push({
        wave: i.wave,
        side: rows[rows.length - 1].side,
        question: i.question,
        kind: 'text',
        name: t.name,
        breakdown: t.text,
      });
  }
  return {
    name: 'Survey questions',
    columns: [
      col('Wave', 'wave'),
      col('Side', 'side'),
      col('Question', 'question', 'text', 48),
      col('Row', 'row', 'text', 24),
      col('Kind', 'kind'),
      col('Scale', 'scale'),
      col('Answers', 'answers', 'integer'),
      col('Mean', 'mean', 'number'),
      col('Favourable (top 2)', 'favourable', 'percent'),
      ...(withTexts ? [col('Respondent', 'name', 'text', 20)] : []),
      col('Distribution / counts / answer', 'breakdown', 'text', 60),
    ],
    rows,
  };
}
