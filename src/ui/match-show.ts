/** `match show` as text: who, why, the score by criterion, and the mentors that came close. */

import type { PairDetail } from '../core/matching/show.js';
import { renderTable } from './table.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** One block per pair, separated by a blank line; pair ids only with --verbose. */
export function renderPairDetails(
  details: PairDetail[],
  opts: { verbose: boolean; width?: number },
): string {
  return details
    .map((d) => {
      const lines = [
        `${d.mentee.label} (mentee) with ${d.mentor.label} (mentor): score ${d.score}` +
          (d.status === 'ended' ? ' (ended)' : '') +
          (opts.verbose ? ` [pair ${d.id}, ${d.origin}]` : ''),
      ];
      if (d.currentScore !== d.score)
        lines.push(`with today's roster and config the score would be ${d.currentScore}`);
      lines.push(
        '',
        'Why:',
        ...(d.reasons.length ? d.reasons : ['(no reason recorded)']).map((r) => `  - ${r}`),
      );
      if (d.criteria.length)
        lines.push(
          '',
          'Score by criterion:',
          renderTable(
            ['criterion', 'weight', 'similarity', 'points'],
            d.criteria.map((c) => [
              c.criterion,
              String(c.weight),
              c.similarity.toFixed(2),
              c.points.toFixed(1),
            ]),
          ),
        );
      lines.push('', `Close alternatives for ${d.mentee.label}:`);
      if (!d.alternatives.length) lines.push('  none: no other mentor is allowed for this mentee');
      else
        lines.push(
          renderTable(
            ['mentor', 'score', 'vs this pair', 'why'],
            d.alternatives.map((a) => [
              a.label,
              String(a.score),
              signed(a.difference),
              a.reasons.join('; '),
            ]),
            { maxWidth: 200, width: opts.width },
          ),
        );
      return lines.join('\n');
    })
    .join('\n\n');
}
