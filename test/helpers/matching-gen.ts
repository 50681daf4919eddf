/** Random but realistic participants for matching tests and benches (seeded, deterministic). */

import type { Participant, Weekday } from '../../src/core/types.js';
import { defaultConfig } from '../../src/core/config.js';
import type { MatchSettings } from '../../src/core/matching/score.js';

/** Small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'Python',
  'Leadership',
  'Career growth',
  'Public speaking',
  'Data',
  'Design',
  'Sales',
  'Negotiation',
  'Product',
  'Writing',
  'Finance',
  'Cloud',
];
const INTERESTS = ['Running', 'Chess', 'Photography', 'Cooking', 'Music', 'Hiking', 'Reading'];
const LANGS = ['English', 'Spanish', 'French', 'German'];
const DEPTS = ['Engineering', 'Marketing', 'Sales', 'Finance', 'HR'];
const ZONES = ['Europe/London', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'UTC'];

/** A person with random profile; `role` and index make a unique email. */
export function person(
  r: () => number,
  role: Participant['role'],
  i: number,
  opts: { sparse?: boolean } = {},
): Participant {
  const pick = <T>(xs: T[], n: number) => {
    const out: T[] = [];
    for (let k = 0; k < n; k++) {
      const x = xs[Math.floor(r() * xs.length)];
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  const day = (1 + Math.floor(r() * 5)) as Weekday;
  const start = 60 * (7 + Math.floor(r() * 8));
  return {
    email: `${role}${i}@example.com`,
    name: `${role[0].toUpperCase()}${role.slice(1)} ${i}`,
    role,
    department: opts.sparse && r() < 0.2 ? undefined : pick(DEPTS, 1)[0],
    level: r() < 0.1 ? undefined : 1 + Math.floor(r() * 6),
    timezone: pick(ZONES, 1)[0],
    languages: r() < 0.1 ? [] : pick(LANGS, 1 + Math.floor(r() * 2)),
    topics: pick(TOPICS, 1 + Math.floor(r() * 4)),
    interests: pick(INTERESTS, Math.floor(r() * 3)),
    availability: r() < 0.1 ? [] : [{ day, start, end: start + 60 * (1 + Math.floor(r() * 4)) }],
    preferences: [],
    avoid: [],
    capacity: role === 'mentee' ? undefined : 1 + Math.floor(r() * 3),
    cohort: pick(['2026', '2027'], 1)[0],
    trainingCompleted: r() < 0.8,
    status: 'active',
    attributes: Object.assign(Object.create(null), {
      Gender: pick(['f', 'm', 'x', ''], 1)[0],
      Location: pick(['Paris', 'London', 'Madrid'], 2).join(', '),
    }),
  };
}

/** `nMentees` mentees and `nMentors` mentors; some mentees rank and avoid mentors. */
export function population(
  seed: number,
  nMentees: number,
  nMentors: number,
): { mentees: Participant[]; mentors: Participant[] } {
  const r = rng(seed);
  const mentors = Array.from({ length: nMentors }, (_, j) => person(r, 'mentor', j));
  const mentees = Array.from({ length: nMentees }, (_, i) => person(r, 'mentee', i));
  for (const p of mentees) {
    if (r() < 0.3 && nMentors)
      p.preferences = [
        mentors[Math.floor(r() * nMentors)].email,
        mentors[Math.floor(r() * nMentors)].name,
      ];
    if (r() < 0.1 && nMentors) p.avoid = [mentors[Math.floor(r() * nMentors)].email];
    if (r() < 0.1 && nMentors) p.managerEmail = mentors[Math.floor(r() * nMentors)].email;
  }
  for (const p of mentors)
    if (r() < 0.1 && nMentees) p.avoid = [mentees[Math.floor(r() * nMentees)].name];
  return { mentees, mentors };
}

/** Matching settings with config defaults (gender sensitive), overridable. */
export const settings = (over: Partial<MatchSettings> = {}): MatchSettings => ({
  matching: defaultConfig().matching,
  sensitive: new Set(['gender']),
  defaultTimezone: 'UTC',
  refDate: new Date('2027-01-11T12:00:00Z'),
  history: new Set(),
  allowRepeat: false,
  minScore: 10,
  ...over,
});

export const P = (email: string, over: Partial<Participant> = {}): Participant => ({
  email,
  name: email.split('@')[0],
  role: 'mentee',
  languages: ['English'],
  topics: [],
  interests: [],
  availability: [],
  preferences: [],
  avoid: [],
  status: 'active',
  attributes: Object.create(null),
  ...over,
});
