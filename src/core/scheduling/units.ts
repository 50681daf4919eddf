/**
 * Turning active matches into meeting units (pairs, or one group per mentor) and checking their
 * people.
 */

import type { ProgramConfig } from '../config.js';
import type { Match, Participant, Problem } from '../types.js';
import { isValidTimeZone } from '../timezones/valid.js';
import type { MeetingUnit } from './model.js';
import { stableHash } from './ids.js';

/**
 * Builds the units to schedule; problems name people without email, unknown zones or missing
 * records.
 */
export function buildUnits(
  matches: Match[],
  participants: Participant[],
  config: ProgramConfig,
): { units: MeetingUnit[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byEmail = new Map<string, Participant>();
  for (const p of participants) if (p.email) byEmail.set(p.email.toLowerCase(), p);
  const checked = new Set<Participant>();
  const person = (email: string, matchId: string): Participant | undefined => {
    const p = byEmail.get((email ?? '').toLowerCase());
    if (!p) {
      problems.push({
        severity: 'error',
        code: 'match-unknown-person',
        message: `match ${matchId} names "${email}", who is not a participant`,
        hint: 'Re-run `mentor-cli import` and `mentor-cli match`',
      });
      return undefined;
    }
    if (checked.has(p)) return p;
    checked.add(p);
    if (!/^[^\s@]+@[^\s@]+$/.test(p.email)) {
      problems.push({
        severity: 'error',
        code: 'person-no-email',
        message: `${p.name || 'a participant'} has no valid email address`,
        hint: 'Add their email to the sign-up data and re-run `mentor-cli import`',
        location: p.source,
      });
    }
    const tz = p.timezone || config.program.timezone;
    if (!isValidTimeZone(tz)) {
      problems.push({
        severity: 'error',
        code: 'timezone-unknown',
        message: `${p.name} (${p.email}) has unknown time zone "${tz}"`,
        hint: 'Use an IANA name such as "Europe/Berlin" and re-run `mentor-cli import`',
        location: p.source,
      });
    }
    return p;
  };
  const active = matches.filter((m) => m.status === 'active');
  const units: MeetingUnit[] = [];
  const groups = new Map<Participant, MeetingUnit>();
  for (const m of [...active].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const mentor = person(m.mentor, m.id);
    const mentee = person(m.mentee, m.id);
    if (!mentor || !mentee) continue;
    // Someone withdrawn by a re-import ends the pair here and now: its future meetings are
    // cancelled by this run, without waiting for `match` to be re-run.
    const gone = [mentor, mentee].find((p) => p.status === 'withdrawn');
    if (gone) {
      problems.push({
        severity: 'warning',
        code: 'pair-withdrawn',
        message: `${mentor.name} ↔ ${mentee.name} ends: ${gone.name} has withdrawn (their future meetings are cancelled; run \`mentor-cli match\` to find new partners)`,
      });
      continue;
    }
    if (config.program.model === 'group') {
      let unit = groups.get(mentor);
      if (!unit) {
        unit = {
          id: `group-${stableHash(mentor.email.toLowerCase()).slice(0, 10)}`,
          mentor,
          mentees: [],
          matches: [],
          anchor: mentor,
        };
        groups.set(mentor, unit);
        units.push(unit);
      }
      unit.mentees.push(mentee);
      unit.matches.push(m);
    } else {
      const anchor = config.schedule.anchor === 'mentee' ? mentee : mentor;
      units.push({ id: m.id, mentor, mentees: [mentee], matches: [m], anchor });
    }
  }
  return { units, problems };
}
