/** Rendering the program's own survey questions (survey-items.ts) for status and Markdown. */

import type { SurveyItemStats } from '../core/kpi/survey-items.js';

const num = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const pct = (v: number | null) => (v === null ? '-' : `${Math.round(v * 1000) / 10}%`);

/** "1: 0, 2: 1, 3: 2 ..." or "Career: 4, Networking: 2". */
function itemBreakdown(i: SurveyItemStats): string {
  if (i.distribution)
    return i.distribution
      .map((d) => `${d.value}${d.label ? ` ${d.label}` : ''}: ${d.count}`)
      .join(', ');
  if (i.options) return i.options.map((o) => `${o.option}: ${o.count}`).join(', ');
  return i.texts ? `${i.texts.length} free-text answer(s)` : '';
}

/** The item's name: question, with the grid row. */
const itemName = (i: SurveyItemStats): string => (i.row ? `${i.question} [${i.row}]` : i.question);

/** Rows of the survey-questions table: wave, side, question, kind/scale, answers, mean, share. */
function itemRows(items: readonly SurveyItemStats[], rowFirst = false): string[][] {
  return items.map((i) => [
    i.wave,
    i.side === 'mentee' ? 'mentees' : 'mentors',
    // A narrow terminal column keeps the grid row readable when the question is cut.
    rowFirst && i.row ? `${i.row} (${i.question})` : itemName(i),
    i.scale ? `${i.kind} (${i.scale})` : i.kind,
    String(i.answers),
    num(i.mean),
    pct(i.favourable),
    itemBreakdown(i),
  ]);
}

/** The headers of itemRows. */
const ITEM_HEADERS = [
  'Wave',
  'Side',
  'Question',
  'Kind',
  'Answers',
  'Mean',
  'Favourable (top 2)',
  'Distribution / counts',
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** The "Survey questions" section of the Markdown report. */
export function surveyItemsMarkdown(items: readonly SurveyItemStats[]): string[] {
  const out = ['## Survey questions', ''];
  if (!items.length) return [...out, 'No questions beyond the standard measures.', ''];
  const rows = itemRows(items.filter((i) => i.kind !== 'text' && i.answers > 0));
  out.push(
    `| ${ITEM_HEADERS.join(' | ')} |`,
    `|${ITEM_HEADERS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  );
  const texts = items.filter((i) => i.kind === 'text' && i.texts?.length);
  if (texts.length) {
    out.push('### Free-text answers', '');
    for (const i of texts) {
      out.push(`**${cell(i.question)}** (${i.wave}, ${i.side}s)`, '');
      for (const t of i.texts!) out.push(`- ${cell(t.name)}: ${cell(t.text)}`);
      out.push('');
    }
  }
  return out;
}

/**
 * The status block: the current wave's rated and choice questions (all waves with --verbose), as
 * one table; empty when there are none.
 */
export function surveyItemsStatus(
  items: readonly SurveyItemStats[],
  currentWave: string | undefined,
  all: boolean,
  render: (headers: string[], rows: string[][]) => string,
): string[] {
  const shown = items.filter(
    (i) => i.kind !== 'text' && i.answers > 0 && (all || i.wave === currentWave),
  );
  if (!shown.length) return [];
  const title = all ? 'Survey questions' : `Survey questions: ${currentWave ?? ''}`;
  return ['', title, render(ITEM_HEADERS, itemRows(shown, true))];
}
