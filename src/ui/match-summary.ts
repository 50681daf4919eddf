/**
 * The terminal summary of a match run: matched N of M, scores, utilisation, weakest pairs,
 * unmatched, changes, audit.
 */

import type { MatchReport } from '../core/matching/result.js';
import type { MatchAudit } from '../core/matching/audit.js';
import type { Suggestion } from '../core/matching/suggest.js';
import { renderTable } from './table.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);

/** Plain-text summary (colour-free: the caller may emphasise). */
export function renderMatchSummary(r: MatchReport, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  // The peer model pairs people among themselves: nobody there is a "mentee".
  const counted =
    r.model === 'peer'
      ? `paired ${r.matched} of ${r.mentees} people`
      : `matched ${r.matched} of ${r.mentees} mentees`;
  lines.push(
    `${r.dryRun ? 'Dry run (nothing saved): ' : ''}${counted} (${r.model}, ${r.algorithm}${r.scores !== 'criteria' ? `, scores from ${r.scores}` : ''})`,
  );
  if (r.matched) lines.push(`average score ${r.averageScore}, lowest ${r.lowestScore}`);
  if (r.mentorUtilisation.capacity)
    lines.push(
      `mentor utilisation ${r.mentorUtilisation.used} of ${r.mentorUtilisation.capacity} places (${pct(r.mentorUtilisation.rate)})`,
    );
  if (r.stable)
    lines.push(
      r.stable.moreUnmatched
        ? `the stable matching leaves ${r.stable.moreUnmatched} more mentee${r.stable.moreUnmatched === 1 ? '' : 's'} unmatched than the optimal one (${r.stable.optimalMatched} matched)`
        : 'the stable matching matches as many mentees as the optimal one',
    );
  if (r.blockingPairs !== null && r.algorithm === 'optimal' && r.blockingPairs > 0)
    lines.push(
      `${r.blockingPairs} blocking pair${r.blockingPairs === 1 ? '' : 's'} (two people who would both rather be together; use --algorithm stable to remove them)`,
    );
  if (r.weakest.length) {
    lines.push('', 'Weakest pairs to review:');
    lines.push(
      renderTable(
        ['mentee', 'mentor', 'score'],
        r.weakest.map((w) => [w.mentee, w.mentor, String(w.score)]),
      ),
    );
  }
  if (opts.verbose && r.pairs.length) {
    lines.push('', 'Pairs:');
    lines.push(
      renderTable(
        ['mentee', 'mentor', 'score', 'reasons'],
        r.pairs.map((p) => [p.mentee, p.mentor, String(p.score), p.reasons.join('; ')]),
        { maxWidth: 80 },
      ),
    );
  }
  if (r.unmatched.length) {
    lines.push('', `Unmatched (${r.unmatched.length}):`);
    lines.push(
      renderTable(
        ['mentee', 'reason'],
        r.unmatched.slice(0, 20).map((u) => [u.email, u.reason]),
        { maxWidth: 100 },
      ),
    );
    if (r.unmatched.length > 20)
      lines.push(
        `... and ${r.unmatched.length - 20} more (see \`mentor-cli export matches --format xlsx\`)`,
      );
  }
  if (r.changes.length) {
    lines.push('', `Changes since the last saved matching (${r.changes.length}):`);
    lines.push(
      renderTable(
        ['mentee', 'before', 'after', 'why'],
        r.changes
          .slice(0, 20)
          .map((c) => [
            c.mentee,
            c.before.map((x) => x.mentor).join(', ') || '-',
            c.after.map((x) => x.mentor).join(', ') || '-',
            c.why,
          ]),
        { maxWidth: 80 },
      ),
    );
  }
  if (r.audit) lines.push('', renderAudit(r.audit));
  return lines.join('\n');
}

/** The audit as text. */
function renderAudit(a: MatchAudit): string {
  const lines = [
    'Audit:',
    `total score ${a.totalScore}, lowest ${a.minScore ?? '-'}, match rate ${pct(a.matchRate)}, blocking pairs ${a.blockingPairs ?? 'n/a'}`,
  ];
  if (a.choices.length)
    lines.push(`choices: ${a.choices.map((c) => `${c.choice} ${c.mentees}`).join(', ')}`);
  if (a.groups.length)
    lines.push(
      renderTable(
        ['field', 'value', 'mentees', 'matched', 'rate', 'avg score'],
        a.groups.map((g) => [
          g.field,
          g.value,
          String(g.mentees),
          String(g.matched),
          pct(g.matchRate),
          g.averageScore === null ? '-' : String(g.averageScore),
        ]),
      ),
    );
  return lines.join('\n');
}

/** Suggestions for self-directed programs. */
export function renderSuggestions(list: Suggestion[]): string {
  const rows: string[][] = [];
  for (const s of list) {
    if (!s.mentors.length) rows.push([s.mentee, '-', '-', '-', 'no allowed mentor']);
    for (const m of s.mentors)
      rows.push([
        m.rank === 1 ? s.mentee : '',
        String(m.rank),
        m.email,
        String(m.score),
        m.reasons.join('; '),
      ]);
  }
  return renderTable(['mentee', '#', 'mentor', 'score', 'reasons'], rows, { maxWidth: 80 });
}
