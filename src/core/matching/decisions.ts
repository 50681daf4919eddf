/**
 * The manager's decisions from the matches workbook (`match approve --file`): approve, reject or
 * swap each pair. A swap is checked against the hard rules and the new mentor's capacity; any
 * problem stops the whole file (nothing half-applied).
 */

import type { ProgramConfig } from '../config.js';
import type { Match, Participant } from '../types.js';
import { norm, pairKey } from '../keys.js';
import { brokenRules, ruleWords } from './rules.js';
import { matchSettings } from './settings.js';
import { matchId, type MatchesState } from './state.js';

/** The choices of the Decision drop-down (blank approves, as a listed pair always has). */
export const DECISIONS = ['approve', 'reject', 'swap'] as const;

/** One row of the file: the pair, the decision and the mentor to swap to. */
export interface DecisionRow {
  row: number;
  mentee: string;
  mentor: string;
  decision: string;
  swapTo: string;
}

/** A row that cannot be applied, with the column to fix. */
interface DecisionProblem {
  row: number;
  column: 'Mentee' | 'Decision' | 'Swap to mentor';
  message: string;
  hint: string;
}

/** What applying the file did (or would do). */
export interface DecisionOutcome {
  state: MatchesState;
  approved: Match[];
  rejected: Match[];
  swapped: Array<{ from: Match; to: Match }>;
  problems: DecisionProblem[];
}

/** Applies `rows` to the active pairs; with problems, `state` is the state unchanged. */
export function applyDecisions(
  st: MatchesState,
  people: readonly Participant[],
  config: ProgramConfig,
  rows: readonly DecisionRow[],
  now: Date,
  file: string,
): DecisionOutcome {
  const byEmail = new Map(people.map((p) => [norm(p.email), p]));
  const byName = new Map<string, Participant[]>();
  for (const p of people) byName.set(norm(p.name), [...(byName.get(norm(p.name)) ?? []), p]);
  const history = new Set([
    ...st.history.map((h) => pairKey(h.mentee, h.mentor)),
    ...st.matches.filter((m) => m.status === 'ended').map((m) => pairKey(m.mentee, m.mentor)),
  ]);
  const settings = matchSettings(config, config.program.model, history, {
    allowRepeat: false,
    minScore: 0,
  });
  const problems: DecisionProblem[] = [];
  const at = new Map<string, number>();
  st.matches.forEach((m, i) => {
    if (m.status === 'active') at.set(pairKey(m.mentee, m.mentor), i);
  });
  // Places each mentor has left once the file's rejects and swaps-away are counted.
  const load = new Map<string, number>();
  for (const m of st.matches)
    if (m.status === 'active') load.set(norm(m.mentor), (load.get(norm(m.mentor)) ?? 0) + 1);
  const plan: Array<{ i: number; row: DecisionRow; decision: string; to?: Participant }> = [];
  for (const row of rows) {
    const i = at.get(pairKey(row.mentee, row.mentor));
    const decision = norm(row.decision) || 'approve';
    if (i === undefined) {
      problems.push({
        row: row.row,
        column: 'Mentee',
        message: `${row.mentee} – ${row.mentor} is not a current pair`,
        hint: 'Decide only on pairs from the last `match` (see `mentor-cli export matches`)',
      });
      continue;
    }
    if (!(DECISIONS as readonly string[]).includes(decision)) {
      problems.push({
        row: row.row,
        column: 'Decision',
        message: `"${row.decision}" is not a decision`,
        hint: 'Choose approve, reject or swap from the drop-down (blank approves)',
      });
      continue;
    }
    if (decision !== 'approve') {
      const mentor = norm(row.mentor);
      load.set(mentor, (load.get(mentor) ?? 0) - 1);
    }
    plan.push({ i, row, decision });
  }
  for (const p of plan) {
    if (p.decision !== 'swap') continue;
    const { row } = p;
    const wanted = norm(row.swapTo);
    const named = byEmail.get(wanted) ?? byName.get(wanted)?.[0];
    const problem = (message: string, hint: string) =>
      problems.push({ row: row.row, column: 'Swap to mentor', message, hint });
    if (!wanted) {
      problem('is empty for a swap', 'Give the email or name of the mentor to swap to');
      continue;
    }
    if ((byName.get(wanted)?.length ?? 0) > 1 && !byEmail.has(wanted)) {
      problem(`"${row.swapTo}" names more than one person`, 'Give the mentor by email');
      continue;
    }
    if (!named || named.status !== 'active' || named.role === 'mentee') {
      problem(
        `"${row.swapTo}" is not an active mentor`,
        'Give the email of a mentor from `mentor-cli participants --role mentor`',
      );
      continue;
    }
    const mentee = byEmail.get(norm(row.mentee));
    const broken = mentee ? brokenRules(mentee, named, settings) : [];
    if (broken.length) {
      const why = broken.map((c) => ruleWords(c, settings).some).join('; ');
      problem(
        `${named.name} cannot mentor ${mentee?.name ?? row.mentee}: ${why}`,
        'Choose another mentor, or change the rule in mentor.config.json (matching.rules)',
      );
      continue;
    }
    const key = norm(named.email);
    const capacity = named.capacity ?? config.participants.defaultCapacity;
    const used = (load.get(key) ?? 0) + 1;
    if (used > capacity) {
      problem(
        `${named.name} is at capacity (${capacity} mentee${capacity === 1 ? '' : 's'})`,
        'Choose a mentor with a free place, or reject or swap one of their pairs in the same file',
      );
      continue;
    }
    load.set(key, used);
    p.to = named;
  }
  const none = { state: st, approved: [], rejected: [], swapped: [], problems };
  if (problems.length) return none;
  const matches = st.matches.slice();
  const out: DecisionOutcome = { ...none, state: st };
  const stamp = now.toISOString();
  for (const p of plan) {
    const { review: _r, ...m } = matches[p.i];
    if (p.decision === 'approve') {
      if (matches[p.i].review === 'proposed') out.approved.push(m);
      matches[p.i] = m;
      continue;
    }
    const ended: Match = {
      ...m,
      status: 'ended',
      endedAt: stamp,
      endReason:
        p.decision === 'reject'
          ? `rejected in review (${file} row ${p.row.row})`
          : `swapped in review to ${p.to!.name} (${file} row ${p.row.row})`,
    };
    matches[p.i] = ended;
    if (p.decision === 'reject') {
      out.rejected.push(ended);
      continue;
    }
    const to: Match = {
      id: matchId(m.mentee, p.to!.email),
      mentee: m.mentee,
      mentor: p.to!.email,
      score: 0,
      reasons: [`chosen by the program manager in review (${file} row ${p.row.row})`],
      status: 'active',
      origin: 'manual',
      ...(m.cohort ? { cohort: m.cohort } : {}),
      createdAt: stamp,
    };
    matches.push(to);
    out.swapped.push({ from: ended, to });
  }
  out.state = { ...st, matches };
  return out;
}
