/**
 * Self-directed programs: for each mentee, the N best allowed mentors with reasons, nothing
 * assigned.
 */

import type { Participant } from '../types.js';
import type { CandidateGraph } from './candidates.js';
import { explainPair } from './explain.js';
import type { MatchSettings } from './score.js';

/** A mentee's suggested mentors, best first. */
export interface Suggestion {
  mentee: string;
  menteeName: string;
  mentors: Array<{
    rank: number;
    email: string;
    name: string;
    score: number;
    reasons: string[];
    sensitiveReasons: string[];
  }>;
}

/** The `n` best allowed mentors per mentee (score, then input order). */
export function suggestMentors(
  g: CandidateGraph,
  mentees: Participant[],
  mentors: Participant[],
  n: number,
  s: MatchSettings,
  givenFile?: string,
): Suggestion[] {
  return mentees.map((p, i) => {
    const edges: number[] = [];
    for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) edges.push(e);
    edges.sort((a, b) => g.weights[b] - g.weights[a] || g.targets[a] - g.targets[b]);
    return {
      mentee: p.email,
      menteeName: p.name,
      mentors: edges.slice(0, n).map((e, k) => {
        const m = mentors[g.targets[e]];
        const x = explainPair(
          p,
          m,
          s,
          givenFile ? { score: g.weights[e], file: givenFile } : undefined,
        );
        return {
          rank: k + 1,
          email: m.email,
          name: m.name,
          score: g.weights[e],
          reasons: x.reasons,
          sensitiveReasons: x.sensitiveReasons,
        };
      }),
    };
  });
}
