/**
 * Which breakdowns a report shows: the --by fields given (checked to exist), else department and
 * cohort when anyone has them.
 */

import { UsageError } from '../../errors.js';
import type { Participant } from '../types.js';
import { BREAKDOWN_FIELDS, fieldValue } from './groups.js';

/** The attribute names used by any participant, sorted. */
export function attributeNames(participants: readonly Participant[]): string[] {
  const names = new Set<string>();
  for (const p of participants) for (const k of Object.keys(p.attributes ?? {})) names.add(k);
  return [...names].sort();
}

/**
 * Resolves the breakdown fields. A participant field (department, cohort, role, status, title,
 * level, timezone) is always accepted, even when everyone leaves it blank; any other name must be
 * an attribute someone has (matched case-insensitively), else a UsageError lists the attributes.
 * Without --by: department and cohort, when used.
 */
export function resolveBreakdownFields(
  by: readonly string[],
  participants: readonly Participant[],
): string[] {
  const used = (f: string) => participants.some((p) => fieldValue(p, f) !== '(blank)');
  const isField = (f: string) => (BREAKDOWN_FIELDS as readonly string[]).includes(f.toLowerCase());
  if (participants.length) {
    const attrs = attributeNames(participants);
    const lower = new Set(attrs.map((a) => a.toLowerCase()));
    for (const f of by) {
      if (isField(f) || lower.has(f.toLowerCase())) continue;
      throw new UsageError(
        `--by "${f}" is not a participant field or attribute`,
        `Use ${BREAKDOWN_FIELDS.slice(0, 3).join(', ')}${attrs.length ? ` or one of: ${attrs.slice(0, 12).join(', ')}${attrs.length > 12 ? ', ...' : ''}` : ''}`,
      );
    }
  }
  return by.length ? [...by] : ['department', 'cohort'].filter(used);
}
