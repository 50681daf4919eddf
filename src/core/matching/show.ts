/** One pair in full for `match show`: every reason, the score by criterion, close alternatives. */

import type { Match, Participant } from '../types.js';
import { norm } from '../keys.js';
import { buildCandidates } from './candidates.js';
import { explainPair } from './explain.js';
import { scorePair, type MatchSettings } from './score.js';

/** A person as shown: the name, with the email when another person has the same name. */
interface Person {
  email: string;
  name: string;
  label: string;
}

/** `person` as a label: the name, or `name <email>` where names collide. */
function personOf(p: Participant, names: Map<string, number>): Person {
  const clash = (names.get(norm(p.name)) ?? 0) > 1;
  return { email: p.email, name: p.name, label: clash ? `${p.name} <${p.email}>` : p.name };
}

/** One pair explained. */
export interface PairDetail {
  id: string;
  status: Match['status'];
  origin: Match['origin'];
  mentee: Person;
  mentor: Person;
  /** The score stored when the pair was made, and the score with today's roster and config. */
  score: number;
  currentScore: number;
  reasons: string[];
  /** Each weighted criterion: its weight, how similar the two are (0-1), the points it gave. */
  criteria: { criterion: string; weight: number; similarity: number; points: number }[];
  /** The mentee's best other allowed mentors, best first. */
  alternatives: (Person & { score: number; difference: number; reasons: string[] })[];
}

/** The pairs a query names: a pair id, or a person's name or email (either side). */
export function findPairs(query: string, matches: Match[], people: Participant[]): Match[] {
  const q = norm(query);
  const byId = matches.filter((m) => norm(m.id) === q);
  if (byId.length) return byId;
  const who = new Set(
    people.filter((p) => norm(p.email) === q || norm(p.name) === q).map((p) => norm(p.email)),
  );
  const found = matches.filter((m) => who.has(norm(m.mentee)) || who.has(norm(m.mentor)));
  const active = found.filter((m) => m.status === 'active');
  return active.length ? active : found;
}

/** What a criterion id means to a person (an attribute rule by its attribute, unless sensitive). */
function criterionName(id: string, s: MatchSettings): string {
  const rule = /^attribute:(\d+)$/.exec(id);
  if (!rule) return id;
  const attribute = s.matching.attributeRules[Number(rule[1])]?.attribute ?? '?';
  return s.sensitive.has(norm(attribute)) ? 'a sensitive attribute' : `same ${attribute}`;
}

/** Explains `match` with the roster and settings of today; `alternatives` caps the list. */
export function pairDetail(
  match: Match,
  people: Participant[],
  mentors: Participant[],
  s: MatchSettings,
  alternatives = 3,
): PairDetail | undefined {
  const byEmail = new Map(people.map((p) => [norm(p.email), p]));
  const names = new Map<string, number>();
  for (const p of people) names.set(norm(p.name), (names.get(norm(p.name)) ?? 0) + 1);
  const mentee = byEmail.get(norm(match.mentee));
  const mentor = byEmail.get(norm(match.mentor));
  if (!mentee || !mentor) return undefined;
  const scored = scorePair(mentee, mentor, s);
  const total = scored.parts.reduce((sum, p) => sum + p.weight, 0);
  const criteria = scored.parts.map((p) => ({
    criterion: criterionName(p.id, s),
    weight: p.weight,
    similarity: Math.round(p.similarity * 100) / 100,
    points: total ? Math.round(((100 * p.weight * p.similarity) / total) * 10) / 10 : 0,
  }));
  const others = mentors.filter((m) => norm(m.email) !== norm(mentor.email));
  const graph = buildCandidates([mentee], others, s);
  const edges: number[] = [];
  for (let e = graph.offsets[0]; e < graph.offsets[1]; e++) edges.push(e);
  edges.sort((a, b) => graph.weights[b] - graph.weights[a] || graph.targets[a] - graph.targets[b]);
  return {
    id: match.id,
    status: match.status,
    origin: match.origin,
    mentee: personOf(mentee, names),
    mentor: personOf(mentor, names),
    score: match.score,
    currentScore: scored.score,
    reasons: match.reasons,
    criteria,
    alternatives: edges.slice(0, alternatives).map((e) => {
      const other = others[graph.targets[e]];
      return {
        ...personOf(other, names),
        score: graph.weights[e],
        difference: Math.round((graph.weights[e] - match.score) * 100) / 100,
        reasons: explainPair(mentee, other, s).reasons,
      };
    }),
  };
}
