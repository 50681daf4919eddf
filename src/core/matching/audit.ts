/**
 * Fairness audit of a matching: scores, the choice each mentee got, blocking pairs, and rates split
 * by any field.
 */

import type { Participant } from '../types.js';
import type { MatchOutcome } from './request.js';
import { attributeOf, preferenceRank, type MatchSettings } from './score.js';
import { norm } from '../keys.js';
import { ordinal } from './explain.js';

/** Match rate and average score of one group (e.g. department "Sales"). */
interface AuditGroup {
  field: string;
  value: string;
  mentees: number;
  matched: number;
  matchRate: number;
  averageScore: number | null;
  sensitive: boolean;
}

/** The audit document (also the Audit sheet). */
export interface MatchAudit {
  mentees: number;
  matched: number;
  matchRate: number;
  totalScore: number;
  averageScore: number | null;
  minScore: number | null;
  /**
   * How many mentees got their 1st, 2nd, ... choice (of their ranking, else of their score order).
   */
  choices: Array<{ choice: string; mentees: number }>;
  perMentee: Array<{
    mentee: string;
    name: string;
    mentor: string;
    choice: number | null;
    basis: 'ranking' | 'score' | null;
  }>;
  blockingPairs: number | null;
  groups: AuditGroup[];
}

/** Sensitive groups smaller than this are pooled so nobody can be singled out. */
const MIN_SENSITIVE_GROUP = 3;

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The value of a field ("department", "cohort", "level", "role", "timezone" or any attribute) for a
 * person.
 */
function fieldValue(p: Participant, field: string): string {
  const f = norm(field);
  const known: Record<string, unknown> = {
    department: p.department,
    cohort: p.cohort,
    level: p.level,
    role: p.role,
    timezone: p.timezone,
    title: p.title,
  };
  const v = f in known ? known[f] : attributeOf(p, field);
  return v === undefined || v === null || String(v).trim() === '' ? '(blank)' : String(v).trim();
}

/** Audits an outcome; `fields` are the --by fields (default department and cohort). */
export function auditMatching(o: MatchOutcome, fields: string[], s: MatchSettings): MatchAudit {
  const scores = o.pairs.map((p) => p.score);
  const byMentee = new Map<number, typeof o.pairs>();
  for (const p of o.pairs) (byMentee.get(p.i) ?? byMentee.set(p.i, []).get(p.i)!).push(p);
  const peer = o.model === 'peer';
  const matchedSet = new Set<number>(o.pairs.map((p) => p.i));
  if (peer) for (const p of o.pairs) matchedSet.add(p.j);
  const perMentee: MatchAudit['perMentee'] = [];
  const counts = new Map<string, number>();
  if (!peer) {
    o.pairs.forEach((p) => {
      const mentee = o.mentees[p.i],
        mentor = o.mentors[p.j];
      let choice: number | null = preferenceRank(mentee, mentor) || null;
      let basis: 'ranking' | 'score' | null = choice ? 'ranking' : null;
      if (!choice) {
        const g = o.graph;
        let better = 0,
          found = false;
        for (let e = g.offsets[p.i]; e < g.offsets[p.i + 1]; e++) {
          if (g.weights[e] > p.score) better++;
          if (g.targets[e] === p.j) found = true;
        }
        if (found) {
          choice = better + 1;
          basis = 'score';
        }
      }
      perMentee.push({
        mentee: mentee.email,
        name: mentee.name,
        mentor: mentor.email,
        choice,
        basis,
      });
      const key = choice ? ordinal(choice) : 'outside their candidates';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  }
  const choices = [...counts]
    .map(([choice, n]) => ({ choice, mentees: n }))
    .sort((a, b) => (parseInt(a.choice) || 1e9) - (parseInt(b.choice) || 1e9));
  const groups: AuditGroup[] = [];
  for (const field of fields) {
    const sensitive = s.sensitive.has(norm(field));
    const acc = new Map<string, { n: number; m: number; sum: number; k: number }>();
    o.mentees.forEach((p, i) => {
      const v = fieldValue(p, field);
      const a = acc.get(v) ?? acc.set(v, { n: 0, m: 0, sum: 0, k: 0 }).get(v)!;
      a.n++;
      if (matchedSet.has(i)) a.m++;
      for (const x of byMentee.get(i) ?? []) {
        a.sum += x.score;
        a.k++;
      }
    });
    if (sensitive) {
      const small = [...acc].filter(([, a]) => a.n < MIN_SENSITIVE_GROUP);
      if (small.length > 1 || (small.length === 1 && acc.size > 1)) {
        const pooled = { n: 0, m: 0, sum: 0, k: 0 };
        for (const [v, a] of small) {
          pooled.n += a.n;
          pooled.m += a.m;
          pooled.sum += a.sum;
          pooled.k += a.k;
          acc.delete(v);
        }
        acc.set(`(groups under ${MIN_SENSITIVE_GROUP} people)`, pooled);
      }
    }
    for (const [value, a] of [...acc].sort((x, y) => x[0].localeCompare(y[0]))) {
      groups.push({
        field,
        value,
        mentees: a.n,
        matched: a.m,
        matchRate: a.n ? round2(a.m / a.n) : 0,
        averageScore: a.k ? round2(a.sum / a.k) : null,
        sensitive,
      });
    }
  }
  const total = round2(scores.reduce((x, y) => x + y, 0));
  return {
    mentees: o.mentees.length,
    matched: matchedSet.size,
    matchRate: o.mentees.length ? round2(matchedSet.size / o.mentees.length) : 0,
    totalScore: total,
    averageScore: scores.length ? round2(total / scores.length) : null,
    minScore: scores.length ? scores.reduce((x, y) => Math.min(x, y)) : null,
    choices,
    perMentee,
    blockingPairs: o.blockingPairs ?? null,
    groups,
  };
}
