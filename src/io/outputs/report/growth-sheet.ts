/**
 * The workbook's "Growth" sheet: each baseline question compared between the first wave and the
 * close, for the people who answered both (aggregates only).
 */

import type { Growth } from '../../../core/kpi/growth.js';
import type { ColumnSpec, SheetSpec } from '../../formats/xlsx/write.js';

const col = (header: string, key: string, type: ColumnSpec['type'], width?: number) => ({
  header,
  key,
  type,
  ...(width ? { width } : {}),
});

/** The sheet spec, or undefined when no question was asked twice. */
export function growthSheet(growth: Growth | undefined): SheetSpec | undefined {
  if (!growth) return undefined;
  const { fromWave, toWave } = growth;
  return {
    name: 'Growth',
    title:
      `Self-ratings at ${fromWave} and ${toWave}, people who answered both: ` +
      `${growth.all.people} (mentees ${growth.mentee.people}, mentors ${growth.mentor.people})`,
    columns: [
      col('Side', 'side', 'text'),
      col('Question', 'question', 'text', 48),
      col('Row', 'row', 'text', 24),
      col('Scale', 'scale', 'text'),
      col('People (both waves)', 'people', 'integer'),
      col(`Mean at ${fromWave}`, 'before', 'number'),
      col(`Mean at ${toWave}`, 'after', 'number'),
      col('Mean change', 'change', 'number'),
      col('Rose', 'improved', 'integer'),
      col('Same', 'same', 'integer'),
      col('Fell', 'declined', 'integer'),
      col('People per change (points)', 'changes', 'text', 40),
    ],
    rows: growth.items.map((i) => ({
      ...i,
      side: i.side === 'mentee' ? 'mentees' : 'mentors',
      row: i.row ?? '',
      changes: i.changes
        .map((c) => `${c.people} at ${c.change > 0 ? '+' : ''}${c.change}`)
        .join('; '),
    })),
  };
}
