/** The roster as `participants` shows it: one summary line, the cohorts, and a table. */

import type { Participant } from '../core/types.js';
import type { RosterSummary } from '../core/roster/participants-view.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

const HEADERS = [
  'Name',
  'Email',
  'Role',
  'Department',
  'Time zone',
  'Capacity',
  'Cohort',
  'Status',
];

/** The summary line, the cohort counts, then one row per participant. */
export function renderRoster(out: Output, summary: RosterSummary, list: Participant[]): string {
  const { color } = out;
  const { byRole, byStatus } = summary;
  const head =
    `${color.bold(String(summary.total))} participants: ${byRole.mentor} mentors, ` +
    `${byRole.mentee} mentees, ${byRole.both} both; ` +
    `${byStatus.active} active, ${byStatus.withdrawn} withdrawn; ` +
    `${summary.timezones} time zones; mentor capacity ${summary.mentorCapacity}; ` +
    `${summary.trainingCompleted} mentors trained.`;
  const cohorts = summary.byCohort.map(([cohort, n]) => `${cohort}: ${n}`).join(', ');
  const rows = list.map((p) => [
    p.name,
    p.email,
    p.role,
    p.department ?? '',
    p.timezone ?? '',
    p.role === 'mentee' ? '' : String(p.capacity ?? ''),
    p.cohort ?? '',
    p.status === 'withdrawn' ? color.dim('withdrawn') : 'active',
  ]);
  const table = renderTable(HEADERS, rows, { header: (s) => color.bold(s), width: out.width });
  return [head, `Cohorts: ${cohorts}`, '', table].join('\n');
}
