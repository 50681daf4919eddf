import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/core/scheduling/plan.js';
import { stableUid } from '../../src/core/scheduling/ids.js';
import { reconcile } from '../../src/core/scheduling/reconcile.js';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { AGENDA, DESCRIPTION } from '../helpers/schedule-plan.js';

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', { availability: hours([2], '09:00', '10:00') }),
  person('ana@x.org', 'Ana Ruiz', 'mentee'),
];
const plan = (name: string, programId?: string) =>
  buildPlan({
    config: configWith({ checkInWeeks: [2] }, { name }),
    participants: people,
    matches: [match('p1', 'tom@x.org', 'ana@x.org')],
    blackout: new Set(),
    descriptionTemplate: DESCRIPTION,
    agenda: AGENDA,
    programId,
  });

describe('calendar UIDs come from stable identifiers', () => {
  it('renaming the program keeps every UID when the program id is kept', () => {
    const before = plan('Spring Mentoring', 'Spring Mentoring').events.map((e) => e.uid);
    const after = plan('Mentoring 2027', 'Spring Mentoring').events.map((e) => e.uid);
    expect(before.length).toBeGreaterThan(3);
    expect(after).toEqual(before);
  });

  it('a program scheduled before ids existed keeps its UIDs (the id defaults to the name)', () => {
    const series = plan('Spring Mentoring').events.find((e) => e.kind === 'series')!;
    expect(series.uid).toBe(stableUid('Spring Mentoring', 'series', 'p1'));
  });

  it('a milestone whose audience changes keeps its SEQUENCE and DTSTAMP', () => {
    const first = plan('P');
    const rec1 = reconcile(first.events, new Map(), undefined, new Date('2027-01-01T00:00:00Z'));
    const widened = first.events.map((e) =>
      e.kind === 'milestone' ? { ...e, audience: [...e.audience, 'new@x.org'] } : e,
    );
    const rec2 = reconcile(widened, new Map(), rec1.state, new Date('2027-02-01T00:00:00Z'));
    const milestones = rec2.events.filter((e) => e.kind === 'milestone');
    expect(milestones.length).toBeGreaterThan(0);
    for (const m of milestones) {
      expect(m.sequence).toBe(0);
      expect(m.dtstamp).toBe('2027-01-01T00:00:00.000Z');
    }
  });
});
