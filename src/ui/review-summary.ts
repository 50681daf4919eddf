/** What `match approve` and `match reject` print. */

import type { Match } from '../core/types.js';
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
