/** Reading a participant's role from the many ways forms phrase it. */

import type { Role } from '../types.js';
import type { Parsed } from './normalise.js';
import { foldTokens } from './text.js';

const MENTOR_WORDS = new Set(['mentor', 'mentoring', 'coach', 'mentors']);
const MENTEE_WORDS = new Set([
  'mentee',
  'mentees',
  'protege',
  'proteges',
  'mentored',
  'learner',
  'apprentice',
  'coached',
  'coachee',
]);
const BOTH_WORDS = new Set(['both', 'either']);

/** Accepted wording, shown in the hint of an unknown role. */
export const ROLE_HINT =
  'Write mentor, mentee or both (also accepted: "I\'d like to mentor", "protégé", "learner", "either")';

/**
 * Reads a role: "Mentor", "I'd like to be mentored", "Protégé", "Both", "Mentor and mentee", ...
 */
export function parseRole(text: string): Parsed<Role> {
  if (!text.trim()) return {};
  const tokens = foldTokens(text);
  let mentor = false;
  let mentee = false;
  for (const t of tokens) {
    if (BOTH_WORDS.has(t)) return { value: 'both' };
    if (MENTOR_WORDS.has(t)) mentor = true;
    else if (MENTEE_WORDS.has(t)) mentee = true;
  }
  if (mentor && mentee) return { value: 'both' };
  if (mentor) return { value: 'mentor' };
  if (mentee) return { value: 'mentee' };
  return {
    error: {
      code: 'role-invalid',
      message: `role "${text.trim()}" is not mentor, mentee or both`,
      hint: ROLE_HINT,
    },
  };
}
