/** What `match approve` and `match reject` print. */

import type { Match, Participant } from '../core/types.js';
import type { Output } from './output.js';

/** The pairs approved and what is left to review. */
export function renderApproved(
  out: Output,
  r: { approved: Match[]; counts: { proposed: number; approved: number }; dryRun: boolean },
): void {
  if (out.json)
    return out.resultJson({
      dryRun: r.dryRun,
      approved: r.approved.map((m) => ({ id: m.id, mentee: m.mentee, mentor: m.mentor })),
      counts: r.counts,
    });
  out.result(
    `${r.dryRun ? 'Would approve' : 'Approved'} ${r.approved.length} pair(s); ` +
      `${r.counts.approved} approved and ${r.counts.proposed} still proposed.`,
  );
  if (!r.dryRun && !r.counts.proposed)
    out.info('Next: `mentor-cli schedule` books the meetings of the approved pairs.');
}

/** The pair sent back. */
export function renderRejected(out: Output, m: Match, dryRun: boolean): void {
  if (out.json)
    return out.resultJson({ dryRun, rejected: { id: m.id, mentee: m.mentee, mentor: m.mentor } });
  out.result(
    `${dryRun ? 'Would reject' : 'Rejected'} the pair ${m.mentee} – ${m.mentor}; ` +
      'run `mentor-cli match --keep` to find new partners for them',
  );
}

/**
 * One status line on the review step; empty when there are no pairs. "Introduced" (not "active",
 * which the headline above it uses for every pair still together) counts pairs whose intro email
 * was sent.
 */
export function stagesLine(s: { proposed: number; approved: number; active: number }): string {
  if (!s.proposed && !s.approved) return '';
  const next = s.proposed ? ' (review them, then `mentor-cli match approve`)' : '';
  return `Pairs: ${s.proposed} proposed${next}, ${s.approved} approved, ${s.active} introduced (intro email sent)`;
}

/** Names by lower-case email, for the review report (people shown by name, not id). */
export function nameLookup(people: readonly Participant[]): (email: string) => string {
  const names = new Map(people.map((p) => [p.email.toLowerCase(), p.name]));
  return (email) => names.get(email.toLowerCase()) || email;
}

/** What `match approve --file` changed: approvals, rejections and swaps, then the counts. */
export function renderDecisions(
  out: Output,
  r: {
    approved: Match[];
    rejected: Match[];
    swapped: Array<{ from: Match; to: Match }>;
    counts: { proposed: number; approved: number };
    dryRun: boolean;
    names: (email: string) => string;
  },
): void {
  const pair = (m: Match) => ({ id: m.id, mentee: m.mentee, mentor: m.mentor });
  if (out.json)
    return out.resultJson({
      dryRun: r.dryRun,
      approved: r.approved.map(pair),
      rejected: r.rejected.map(pair),
      swapped: r.swapped.map((s) => ({ from: pair(s.from), to: pair(s.to) })),
      counts: r.counts,
    });
  const n = r.names;
  const lines = [
    ...r.rejected.map((m) => `rejected  ${n(m.mentee)} – ${n(m.mentor)}`),
    ...r.swapped.map(
      (s) => `swapped   ${n(s.from.mentee)}: ${n(s.from.mentor)} -> ${n(s.to.mentor)} (approved)`,
    ),
  ];
  if (lines.length) out.result(lines.join('\n'));
  const verb = r.dryRun ? 'Would approve' : 'Approved';
  out.result(
    `${verb} ${r.approved.length} pair(s), ${r.dryRun ? 'would reject' : 'rejected'} ` +
      `${r.rejected.length}, ${r.dryRun ? 'would swap' : 'swapped'} ${r.swapped.length}; ` +
      `${r.counts.approved} approved and ${r.counts.proposed} still proposed.`,
  );
  if (r.rejected.length && !r.dryRun)
    out.info('Run `mentor-cli match --keep` to find new partners for the rejected pairs.');
}
