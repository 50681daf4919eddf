/**
 * The terminal summary of a match run: matched N of M, scores, utilisation, weakest pairs,
 * unmatched, changes, audit.
 */

import type { MatchReport } from '../core/matching/result.js';
import type { MatchAudit } from '../core/matching/audit.js';
import type { Suggestion } from '../core/matching/suggest.js';
import { renderTable } from './table.js';

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
const plural = (n: number) => (n === 1 ? '' : 's');

/** How a summary shows people and how wide it may be. */
interface SummaryOptions {
  verbose?: boolean;
  /** Terminal columns; tables fit them (see renderTable). */
  width?: number;
  /** An email as the person's name (see ui/people.ts); emails as they are without it. */
  label?: (email: string) => string;
}

/** Plain-text summary (colour-free: the caller may emphasise). */
export function renderMatchSummary(report: MatchReport, opts: SummaryOptions = {}): string {
  const lines: string[] = [];
  const who = opts.label ?? ((email: string) => email);
  const width = opts.width;
  // The peer model pairs people among themselves: nobody there is a "mentee".
  const counted =
    report.model === 'peer'
      ? `paired ${report.matched} of ${report.mentees} people`
      : `matched ${report.matched} of ${report.mentees} mentees`;
  const scores = report.scores !== 'criteria' ? `, scores from ${report.scores}` : '';
  const dryRun = report.dryRun ? 'Dry run (nothing saved): ' : '';
  lines.push(`${dryRun}${counted} (${report.model}, ${report.algorithm}${scores})`);
  if (report.matched)
    lines.push(`average score ${report.averageScore}, lowest ${report.lowestScore}`);
  const use = report.mentorUtilisation;
  if (use.capacity)
    lines.push(`mentor utilisation ${use.used} of ${use.capacity} places (${pct(use.rate)})`);
  if (report.stable) {
    const more = report.stable.moreUnmatched;
    lines.push(
      more
        ? `the stable matching leaves ${more} more mentee${plural(more)} unmatched ` +
            `than the optimal one (${report.stable.optimalMatched} matched)`
        : 'the stable matching matches as many mentees as the optimal one',
    );
  }
  if (report.blockingPairs !== null && report.algorithm === 'optimal' && report.blockingPairs > 0)
    lines.push(
      `${report.blockingPairs} blocking pair${plural(report.blockingPairs)} ` +
        '(two people who would both rather be together; use --algorithm stable to remove them)',
    );
  if (report.weakest.length) {
    lines.push('', 'Weakest pairs to review:');
    lines.push(
      renderTable(
        ['mentee', 'mentor', 'score'],
        report.weakest.map((w) => [who(w.mentee), who(w.mentor), String(w.score)]),
        { width },
      ),
    );
  }
  if (opts.verbose && report.pairs.length) {
    lines.push('', 'Pairs:');
    lines.push(
      renderTable(
        ['mentee', 'mentor', 'score', 'reasons'],
        report.pairs.map((p) => [
          who(p.mentee),
          who(p.mentor),
          String(p.score),
          p.reasons.join('; '),
        ]),
        { maxWidth: 80, width },
      ),
    );
  }
  if (report.unmatched.length) {
    lines.push('', `Unmatched (${report.unmatched.length}):`);
    lines.push(
      renderTable(
        ['mentee', 'reason'],
        report.unmatched.slice(0, 20).map((u) => [who(u.email), u.reason]),
        { maxWidth: 100, width },
      ),
    );
    if (report.unmatched.length > 20)
      lines.push(
        `... and ${report.unmatched.length - 20} more ` +
          '(see `mentor-cli export matches --format xlsx`)',
      );
  }
  if (report.changes.length) {
    lines.push('', `Changes since the last saved matching (${report.changes.length}):`);
    lines.push(
      renderTable(
        ['mentee', 'before', 'after', 'why'],
        report.changes
          .slice(0, 20)
          .map((c) => [
            who(c.mentee),
            c.before.map((x) => who(x.mentor)).join(', ') || '-',
            c.after.map((x) => who(x.mentor)).join(', ') || '-',
            c.why,
          ]),
        { maxWidth: 80, width },
      ),
    );
  }
  if (report.audit) lines.push('', renderAudit(report.audit));
  return lines.join('\n');
}

/** The audit as text. */
function renderAudit(audit: MatchAudit): string {
  const lines = [
    'Audit:',
    `total score ${audit.totalScore}, lowest ${audit.minScore ?? '-'}, ` +
      `match rate ${pct(audit.matchRate)}, blocking pairs ${audit.blockingPairs ?? 'n/a'}`,
  ];
  if (audit.choices.length)
    lines.push(`choices: ${audit.choices.map((c) => `${c.choice} ${c.mentees}`).join(', ')}`);
  if (audit.groups.length)
    lines.push(
      renderTable(
        ['field', 'value', 'mentees', 'matched', 'rate', 'avg score'],
        audit.groups.map((g) => [
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
export function renderSuggestions(list: Suggestion[], opts: SummaryOptions = {}): string {
  const who = opts.label ?? ((email: string) => email);
  const rows: string[][] = [];
  for (const s of list) {
    if (!s.mentors.length) rows.push([who(s.mentee), '-', '-', '-', 'no allowed mentor']);
    for (const m of s.mentors)
      rows.push([
        m.rank === 1 ? who(s.mentee) : '',
        String(m.rank),
        who(m.email),
        String(m.score),
        m.reasons.join('; '),
      ]);
  }
  return renderTable(['mentee', '#', 'mentor', 'score', 'reasons'], rows, {
    maxWidth: 80,
    width: opts.width,
  });
}

/** The note after `match` saved its pairs: the next step, review or export. */
export function savedNote(count: number, approved: boolean): string {
  return approved
    ? `saved ${count} pairs; export them with ` +
        '`mentor-cli export matches --format xlsx --out matches.xlsx`'
    : `saved ${count} pairs as a proposal: review them (\`mentor-cli export matches --format xlsx ` +
        '--out matches.xlsx`), then `mentor-cli match approve --all` (or PAIR...) before schedule';
}
