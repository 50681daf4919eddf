/**
 * Which pairs changed since the last saved matching, and why (new person, withdrawn, score changed,
 * better fit, stability).
 */

import { ordinal } from './explain.js';

/** One mentee whose mentors changed (or whose score changed). */
export interface PairChange {
  mentee: string;
  kind: 'added' | 'removed' | 'changed' | 'score';
  before: Array<{ mentor: string; score: number; origin?: string }>;
  after: Array<{ mentor: string; score: number; origin?: string }>;
  why: string;
}

/** What the diff needs to know about people and pairs now. */
export interface DiffFacts {
  /** 'active', 'withdrawn', or 'absent' (no longer in the participants). */
  status(email: string): 'active' | 'withdrawn' | 'absent';
  /** True when the person was not an active participant at the previous run. */
  isNew(email: string): boolean;
  /** Why a pair is no longer allowed (plain words), or undefined when it still is. */
  blockedWhy(mentee: string, mentor: string): string | undefined;
  /** Why a mentee is unmatched now. */
  unmatchedWhy(mentee: string): string | undefined;
  nameOf(email: string): string;
  /**
   * The algorithm of the new run: the reason for a moved pair differs (score optimum vs stability).
   */
  algorithm?: 'optimal' | 'stable';
  /** 1-based position of `mentor` in the mentee's own ranking, 0 when not ranked. */
  preferenceRank?(mentee: string, mentor: string): number;
}

type P = { mentee: string; mentor: string; score: number; origin?: string };
const key = (s: string) => s.toLowerCase();

function group(pairs: P[]): Map<string, Array<{ mentor: string; score: number; origin?: string }>> {
  const m = new Map<string, Array<{ mentor: string; score: number; origin?: string }>>();
  for (const p of pairs)
    (m.get(key(p.mentee)) ?? m.set(key(p.mentee), []).get(key(p.mentee))!).push({
      mentor: p.mentor,
      score: p.score,
      ...(p.origin ? { origin: p.origin } : {}),
    });
  for (const v of m.values()) v.sort((a, b) => a.mentor.localeCompare(b.mentor));
  return m;
}

/**
 * Compares the previous active pairs with the new ones, one entry per mentee that changed, sorted
 * by mentee.
 */
export function diffMatchings(before: P[], after: P[], f: DiffFacts): PairChange[] {
  const b = group(before),
    a = group(after);
  const emails = new Map<string, string>();
  for (const p of [...before, ...after]) emails.set(key(p.mentee), p.mentee);
  const out: PairChange[] = [];
  for (const [k, mentee] of [...emails].sort((x, y) => x[0].localeCompare(y[0]))) {
    const was = b.get(k) ?? [],
      now = a.get(k) ?? [];
    const name = (e: string) => f.nameOf(e) || e;
    const same =
      was.length === now.length && was.every((x, i) => key(x.mentor) === key(now[i].mentor));
    if (same) {
      const moved = was
        .map((x, i) => [x, now[i]] as const)
        .filter(([x, y]) => Math.abs(x.score - y.score) >= 0.01);
      if (moved.length)
        out.push({
          mentee,
          kind: 'score',
          before: was,
          after: now,
          why: `score changed ${moved.map(([x, y]) => `${x.score} → ${y.score}`).join(', ')} (profiles or weights changed)`,
        });
      continue;
    }
    let why: string;
    const gone = was.filter((x) => !now.some((y) => key(y.mentor) === key(x.mentor)));
    const came = now.filter((y) => !was.some((x) => key(x.mentor) === key(y.mentor)));
    if (!now.length) {
      const st = f.status(mentee);
      why =
        st === 'withdrawn'
          ? 'mentee withdrew'
          : st === 'absent'
            ? 'mentee is no longer in the participants'
            : (reasonGone(gone[0]?.mentor) ??
              `now unmatched: ${f.unmatchedWhy(mentee) ?? 'no allowed mentor left'}`);
    } else if (!was.length) {
      why = f.isNew(mentee) ? 'new mentee' : 'newly matched';
      const nm = came.find((y) => f.isNew(y.mentor));
      if (nm) why += `; ${name(nm.mentor)} is a new mentor`;
    } else {
      const lost = gone.map((x) => reasonGone(x.mentor)).find(Boolean);
      const nm = came.find((y) => f.isNew(y.mentor));
      const fixed = came.find((y) => y.origin === 'manual');
      why =
        lost ??
        (fixed
          ? `fixed by --manual: ${name(fixed.mentor)} (score ${fixed.score})${gone[0] ? ` instead of ${name(gone[0].mentor)}` : ''}`
          : nm
            ? `${name(nm.mentor)} is a new mentor and fits better (score ${nm.score}${gone[0] ? ` vs ${gone[0].score}` : ''})`
            : movedWhy(mentee, came[0], gone[0], f, name));
    }
    out.push({
      mentee,
      kind: !was.length ? 'added' : !now.length ? 'removed' : 'changed',
      before: was,
      after: now,
      why,
    });

    function reasonGone(mentor: string | undefined): string | undefined {
      if (!mentor) return undefined;
      const st = f.status(mentor);
      if (st === 'withdrawn') return `previous mentor ${name(mentor)} withdrew`;
      if (st === 'absent')
        return `previous mentor ${name(mentor)} is no longer in the participants`;
      const blocked = f.blockedWhy(mentee, mentor);
      return blocked
        ? `previous pair with ${name(mentor)} is no longer allowed (${blocked})`
        : undefined;
    }
  }
  return out;
}

/**
 * Why a mentee moved from `old` to `now` when the old pair is still allowed: never calls a lower
 * score "better".
 */
function movedWhy(
  mentee: string,
  now: { mentor: string; score: number } | undefined,
  old: { mentor: string; score: number } | undefined,
  f: DiffFacts,
  name: (e: string) => string,
): string {
  if (!now || !old) return 'mentors changed';
  const was = `${name(old.mentor)} (score ${old.score})`,
    is = `${name(now.mentor)} (score ${now.score})`;
  if (f.algorithm === 'stable') {
    // Mentee-proposing deferred acceptance: a mentee ends with a mentor ranked below the old one
    // only when the old mentor turned them down for mentees that mentor ranks higher.
    const rn = f.preferenceRank?.(mentee, now.mentor) ?? 0,
      ro = f.preferenceRank?.(mentee, old.mentor) ?? 0;
    const ranked = rn > 0 || ro > 0;
    const prefersNew = ranked ? rn > 0 && (ro === 0 || rn < ro) : now.score > old.score;
    if (prefersNew)
      return `stable matching: the mentee ranks ${is} above ${was}${ranked ? ` (their ${rankWords(rn)} vs ${rankWords(ro)})` : ''} and got them`;
    return `stable matching: ${name(old.mentor)} is full with mentees they rank higher, so now ${is} instead of ${was}`;
  }
  if (now.score > old.score) return `better fit: ${is} instead of ${was}`;
  if (now.score === old.score)
    return `equally good: ${name(now.mentor)} instead of ${name(old.mentor)} (both score ${now.score}; a tie)`;
  return `${is} instead of ${was}: ${name(old.mentor)}'s places now go to other mentees, so that more mentees are matched or the total score is higher`;
}

const rankWords = (r: number): string => (r === 0 ? 'unranked' : `${ordinal(r)} choice`);
