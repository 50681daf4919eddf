/** `schedule` for people: how many pairs and meetings, the events that changed, pairs to check. */

import type { ScheduleSummary } from '../core/scheduling/summary.js';
import { printable } from './printable.js';

/** The summary lines; `where` is the output folder as the user should read it. */
export function renderScheduleSummary(summary: ScheduleSummary, where: string): string {
  const { events, dryRun } = summary;
  const folders =
    'all.ics for you, people/ for each person, pairs/ to send as invitations' +
    (summary.cancellations ? ', cancellations/ to send' : '');
  return [
    `${dryRun ? 'Would schedule' : 'Scheduled'} ${summary.scheduled} of ${summary.pairs} pairs: ` +
      `${summary.meetings} meetings.`,
    `Events: ${events.added} new, ${events.changed} changed, ${events.unchanged} unchanged, ` +
      `${events.cancelled} cancelled.`,
    ...summary.fallback.map((u) => `  fallback slot: ${u.pair} (${u.reason})`),
    ...summary.unscheduled.map((u) => `  unscheduled: ${u.pair} (${u.reason})`),
    ...summary.shifted.map((u) => `  clock change: ${u.pair} (${u.reason})`),
    ...movedLine(summary),
    ...summary.notes.map((n) => `  ${n}`),
    `${dryRun ? 'Would write' : 'Wrote'} ${summary.files.length} files to ${where}/ (${folders}).`,
  ]
    .map(printable)
    .join('\n');
}

function movedLine(summary: ScheduleSummary): string[] {
  const moved = summary.conflicts.filter((c) => c.movedTo).length;
  if (!moved) return [];
  return [
    `  ${moved} meeting${moved > 1 ? 's' : ''} moved within ${moved > 1 ? 'their' : 'its'} week ` +
      'to avoid a double booking, a milestone or a clock change (see schedule.csv, status moved).',
  ];
}
