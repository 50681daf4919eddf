/** The growth section of `report --format md`: each baseline question compared per person. */

import type { Growth } from '../core/kpi/growth.js';

const two = (v: number | null) => (v === null ? '-' : v.toFixed(2));

/** Markdown lines (none without growth). Aggregates only. */
export function growthMarkdown(g: Growth | undefined): string[] {
  if (!g) return [];
  const rows = g.items.map((i) =>
    [
      i.side === 'mentee' ? 'mentees' : 'mentors',
      (i.row ? `${i.question}: ${i.row}` : i.question).replace(/\|/g, '\\|'),
      String(i.people),
      two(i.before),
      two(i.after),
      two(i.change),
      `${i.improved} / ${i.same} / ${i.declined}`,
    ].join(' | '),
  );
  return [
    `## Growth from ${g.fromWave} to ${g.toWave}`,
    '',
    `${g.all.people} people answered the baseline questions in both waves ` +
      `(mentees ${g.mentee.people}, mentors ${g.mentor.people}).`,
    '',
    `| Side | Question | People | ${g.fromWave} | ${g.toWave} | Change | Rose / same / fell |`,
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
    '',
  ];
}
