/**
 * Per-person profiles for the fast kernel: interned ids in typed arrays, so scoring a pair
 * allocates nothing.
 */

import type { AttributeRule } from '../config.js';
import type { Participant } from '../types.js';
import { commonMinutes, toUtcWeekIntervals } from '../availability/overlap.js';
import {
  MEETING_GRID_MINUTES,
  attributeOf,
  meetingMinutesOf,
  splitValues,
  windowsFor,
  type MatchSettings,
} from './score.js';
import { norm } from '../keys.js';

/** Maps text to small integer ids (1-based, so 0 can mean "none" in scratch arrays). */
export class Interner {
  private map = new Map<string, number>();
  id(s: string): number {
    let v = this.map.get(s);
    if (v === undefined) {
      v = this.map.size + 1;
      this.map.set(s, v);
    }
    return v;
  }
  get size(): number {
    return this.map.size;
  }
}

function pack(
  people: Participant[],
  get: (p: Participant) => string[] | undefined,
  interner: Interner,
): { off: Int32Array; ids: number[] } {
  const off = new Int32Array(people.length + 1);
  const ids: number[] = [];
  people.forEach((p, i) => {
    off[i] = ids.length;
    const seen = new Set<string>();
    for (const raw of get(p) ?? []) {
      const t = norm(raw);
      if (t && !seen.has(t)) {
        seen.add(t);
        ids.push(interner.id(t));
      }
    }
  });
  off[people.length] = ids.length;
  return { off, ids };
}

/** One side (mentees or mentors) as flat arrays. */
export class Side {
  topicOff: Int32Array;
  topicIds: Int32Array;
  intOff: Int32Array;
  intIds: Int32Array;
  langOff: Int32Array;
  langIds: Int32Array;
  avOff: Int32Array;
  av: Int32Array;
  minRun: number;
  level: Float64Array;
  dept: Int32Array;
  cohort: Int32Array;
  prefs: string[][];

  constructor(
    people: Participant[],
    topics: Interner,
    words: Interner,
    langs: Interner,
    depts: Interner,
    cohorts: Interner,
    s: MatchSettings,
  ) {
    const t = pack(people, (p) => p.topics, topics),
      w = pack(people, (p) => p.interests, words),
      l = pack(people, (p) => p.languages, langs);
    [this.topicOff, this.topicIds] = [t.off, Int32Array.from(t.ids)];
    [this.intOff, this.intIds] = [w.off, Int32Array.from(w.ids)];
    [this.langOff, this.langIds] = [l.off, Int32Array.from(l.ids)];
    this.avOff = new Int32Array(people.length + 1);
    const av: number[] = [];
    people.forEach((p, i) => {
      this.avOff[i] = av.length;
      for (const x of toUtcWeekIntervals(
        windowsFor(p, s).windows,
        p.timezone || s.defaultTimezone,
        s.refDate,
      ))
        av.push(x);
    });
    this.avOff[people.length] = av.length;
    this.av = Int32Array.from(av);
    this.minRun = meetingMinutesOf(s);
    this.level = Float64Array.from(people, (p) => (typeof p.level === 'number' ? p.level : NaN));
    this.dept = Int32Array.from(people, (p) =>
      norm(p.department) ? depts.id(norm(p.department)) : -1,
    );
    this.cohort = Int32Array.from(people, (p) =>
      norm(p.cohort) ? cohorts.id(norm(p.cohort)) : -1,
    );
    this.prefs = people.map((p) => [...new Set((p.preferences ?? []).map(norm).filter(Boolean))]);
  }

  /**
   * Common minutes (stretches that fit a meeting) between intervals [a0,a1) of this side's array
   * and person j of the other side.
   */
  overlapWith(this: Side, a0: number, a1: number, other: Side, j: number): number {
    return commonMinutes(
      this.av,
      a0,
      a1,
      other.av,
      other.avOff[j],
      other.avOff[j + 1],
      this.minRun,
      MEETING_GRID_MINUTES,
    );
  }
}

/** Interned attribute values for one rule, with a fast `holds(mentee, mentor)`. */
export function internAttr(
  rule: AttributeRule,
  mentees: Participant[],
  mentors: Participant[],
): { holds: (i: number, j: number) => boolean } {
  const I = new Interner();
  if (rule.compare === 'overlap') {
    const a = mentees.map((p) =>
      Int32Array.from(new Set(splitValues(attributeOf(p, rule.attribute)).map((v) => I.id(v)))),
    );
    const b = mentors.map((p) =>
      Int32Array.from(new Set(splitValues(attributeOf(p, rule.attribute)).map((v) => I.id(v)))),
    );
    return {
      holds: (i, j) => {
        const x = a[i],
          y = b[j];
        for (let p = 0; p < x.length; p++)
          for (let q = 0; q < y.length; q++) if (x[p] === y[q]) return true;
        return false;
      },
    };
  }
  const val = (p: Participant) => {
    const v = norm(attributeOf(p, rule.attribute));
    return v ? I.id(v) : -1;
  };
  const a = Int32Array.from(mentees, val),
    b = Int32Array.from(mentors, val);
  return rule.compare === 'same'
    ? { holds: (i, j) => a[i] >= 0 && a[i] === b[j] }
    : { holds: (i, j) => a[i] >= 0 && b[j] >= 0 && a[i] !== b[j] };
}
