/**
 * Rows for `export matches`: pairs with names and plain-word reasons, and the audit as a flat
 * sheet.
 */

import type { Match, Participant } from '../types.js';
import type { MatchAudit } from './audit.js';
import { norm } from '../keys.js';

/** One exported pair. */
export type MatchRow = {
  mentee: string;
  menteeName: string;
  mentor: string;
  mentorName: string;
  score: number;
  reasons: string;
  origin: string;
  status: string;
  cohort: string;
  createdAt: string;
  endedAt: string;
  endReason: string;
};

/** Pairs in stored order; sensitive reasons only when asked. */
export function matchRows(
  matches: Match[],
  people: Participant[],
  includeSensitive: boolean,
): MatchRow[] {
  const name = new Map(people.map((p) => [norm(p.email), p.name]));
  return matches.map((m) => ({
    mentee: m.mentee,
    menteeName: name.get(norm(m.mentee)) ?? '',
    mentor: m.mentor,
    mentorName: name.get(norm(m.mentor)) ?? '',
    score: m.score,
    reasons: [...m.reasons, ...(includeSensitive ? (m.sensitiveReasons ?? []) : [])].join('; '),
    origin: m.origin,
    status: m.review === 'proposed' ? 'proposed' : m.status,
    cohort: m.cohort ?? '',
    createdAt: m.createdAt,
    endedAt: m.endedAt ?? '',
    endReason: m.endReason ?? '',
  }));
}

/**
 * The audit as rows (section, item, value, counts): summary, choices, each mentee's choice, groups.
 */
export function auditRows(a: MatchAudit, people: Participant[]): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [
    { section: 'summary', item: 'mentees', value: a.mentees },
    { section: 'summary', item: 'matched', value: a.matched },
    { section: 'summary', item: 'match rate', value: a.matchRate },
    { section: 'summary', item: 'total score', value: a.totalScore },
    { section: 'summary', item: 'average score', value: a.averageScore ?? '' },
    { section: 'summary', item: 'lowest score', value: a.minScore ?? '' },
    { section: 'summary', item: 'blocking pairs', value: a.blockingPairs ?? 'n/a' },
  ];
  for (const c of a.choices)
    rows.push({ section: 'choice received', item: c.choice, mentees: c.mentees });
  for (const g of a.groups)
    rows.push({
      section: `by ${g.field}`,
      item: g.value,
      mentees: g.mentees,
      matched: g.matched,
      rate: g.matchRate,
      avg: g.averageScore ?? '',
    });
  const name = new Map(people.map((p) => [norm(p.email), p.name]));
  for (const m of a.perMentee)
    rows.push({
      section: 'choice per mentee',
      item: `${m.mentee}${name.get(norm(m.mentee)) ? ` (${name.get(norm(m.mentee))})` : ''}`,
      value: m.choice
        ? `${m.choice} (${m.basis === 'ranking' ? 'their ranking' : 'by score'})`
        : 'outside their candidates',
    });
  return rows;
}
