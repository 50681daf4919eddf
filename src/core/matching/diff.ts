/** Which pairs changed since the last saved matching, and why (new person, withdrawn, score changed, better option). */

/** One mentee whose mentors changed (or whose score changed). */
export interface PairChange {
  mentee: string;
  kind: 'added' | 'removed' | 'changed' | 'score';
  before: Array<{ mentor: string; score: number }>;
  after: Array<{ mentor: string; score: number }>;
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
}

type P = { mentee: string; mentor: string; score: number };
const key = (s: string) => s.toLowerCase();

function group(pairs: P[]): Map<string, Array<{ mentor: string; score: number }>> {
  const m = new Map<string, Array<{ mentor: string; score: number }>>();
  for (const p of pairs) (m.get(key(p.mentee)) ?? m.set(key(p.mentee), []).get(key(p.mentee))!).push({ mentor: p.mentor, score: p.score });
  for (const v of m.values()) v.sort((a, b) => a.mentor.localeCompare(b.mentor));
  return m;
}

/** Compares the previous active pairs with the new ones, one entry per mentee that changed, sorted by mentee. */
export function diffMatchings(before: P[], after: P[], f: DiffFacts): PairChange[] {
  const b = group(before), a = group(after);
  const emails = new Map<string, string>();
  for (const p of [...before, ...after]) emails.set(key(p.mentee), p.mentee);
  const out: PairChange[] = [];
  for (const [k, mentee] of [...emails].sort((x, y) => x[0].localeCompare(y[0]))) {
    const was = b.get(k) ?? [], now = a.get(k) ?? [];
    const name = (e: string) => f.nameOf(e) || e;
    const same = was.length === now.length && was.every((x, i) => key(x.mentor) === key(now[i].mentor));
    if (same) {
      const moved = was.map((x, i) => [x, now[i]] as const).filter(([x, y]) => Math.abs(x.score - y.score) >= 0.01);
      if (moved.length) out.push({ mentee, kind: 'score', before: was, after: now, why: `score changed ${moved.map(([x, y]) => `${x.score} → ${y.score}`).join(', ')} (profiles or weights changed)` });
      continue;
    }
    let why: string;
    const gone = was.filter((x) => !now.some((y) => key(y.mentor) === key(x.mentor)));
    const came = now.filter((y) => !was.some((x) => key(x.mentor) === key(y.mentor)));
    if (!now.length) {
      const st = f.status(mentee);
      why = st === 'withdrawn' ? 'mentee withdrew' : st === 'absent' ? 'mentee is no longer in the participants' : reasonGone(gone[0]?.mentor) ?? `now unmatched: ${f.unmatchedWhy(mentee) ?? 'no allowed mentor left'}`;
    } else if (!was.length) {
      why = f.isNew(mentee) ? 'new mentee' : 'newly matched';
      const nm = came.find((y) => f.isNew(y.mentor));
      if (nm) why += `; ${name(nm.mentor)} is a new mentor`;
    } else {
      const lost = gone.map((x) => reasonGone(x.mentor)).find(Boolean);
      const nm = came.find((y) => f.isNew(y.mentor));
      const oldScore = gone[0]?.score, newScore = came[0]?.score;
      why = lost ?? (nm ? `${name(nm.mentor)} is a new mentor and fits better (score ${newScore} vs ${oldScore})`
        : `better option overall: ${name(came[0]?.mentor ?? '')} (score ${newScore}) instead of ${name(gone[0]?.mentor ?? '')} (score ${oldScore}), so more mentees are matched or the total score is higher`);
    }
    out.push({ mentee, kind: !was.length ? 'added' : !now.length ? 'removed' : 'changed', before: was, after: now, why });

    function reasonGone(mentor: string | undefined): string | undefined {
      if (!mentor) return undefined;
      const st = f.status(mentor);
      if (st === 'withdrawn') return `previous mentor ${name(mentor)} withdrew`;
      if (st === 'absent') return `previous mentor ${name(mentor)} is no longer in the participants`;
      const blocked = f.blockedWhy(mentee, mentor);
      return blocked ? `previous pair with ${name(mentor)} is no longer allowed (${blocked})` : undefined;
    }
  }
  return out;
}
