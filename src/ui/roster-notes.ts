/** Roster notes for `status`: people who need attention and paused mentors. */

import type { AttentionItem } from '../core/roster/attention.js';
import type { Participant } from '../core/types.js';

/** Counts for `status`: people with attention items, and mentors paused this round (capacity 0). */
export function rosterNotes(
  participants: readonly Participant[],
  attention: readonly AttentionItem[],
) {
  return {
    needAttention: new Set(attention.map((a) => a.email)).size,
    pausedMentors: participants.filter(
      (p) => p.status === 'active' && p.role !== 'mentee' && p.capacity === 0,
    ).length,
  };
}

/** The status line, or '' when there is nothing to say. */
export function rosterNotesLine(notes: ReturnType<typeof rosterNotes>): string {
  const parts: string[] = [];
  if (notes.needAttention)
    parts.push(
      `${notes.needAttention} participant(s) need attention (\`mentor-cli participants --attention\`)`,
    );
  if (notes.pausedMentors) parts.push(`${notes.pausedMentors} mentor(s) paused this round`);
  return parts.join('; ');
}
