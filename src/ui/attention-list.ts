/** `participants --attention`: the values that could not be read, person by person. */

import { countByField, type AttentionItem } from '../core/roster/attention.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

/** A headline with the counts by field, then one table row per item. */
export function renderAttention(out: Output, items: readonly AttentionItem[]): string {
  const { color: c } = out;
  if (!items.length) return 'Nothing needs attention: every imported value could be read.';
  const people = new Set(items.map((i) => i.email)).size;
  const byField = countByField(items)
    .map(([f, n]) => `${f} ${n}`)
    .join(', ');
  return [
    `${c.bold(String(people))} participant(s) need attention (${byField}). They are imported with these fields empty;`,
    'fix them in attention.csv and import it, or with `mentor-cli set EMAIL field=value`.',
    '',
    renderTable(
      ['Name', 'Email', 'Field', 'Typed', 'Where', 'Fix'],
      items.map((i) => [
        i.name,
        i.email,
        i.field,
        i.text,
        `${i.sheet ? `${i.file} [${i.sheet}]` : i.file} row ${i.row}`,
        i.fix ?? i.reason,
      ]),
      { header: (s) => c.bold(s), maxWidth: 40 },
    ),
  ].join('\n');
}

/** The documented JSON of `participants --attention --json`. */
export function attentionJson(items: readonly AttentionItem[]) {
  return {
    people: new Set(items.map((i) => i.email)).size,
    byField: Object.fromEntries(countByField(items)),
    attention: items,
  };
}
