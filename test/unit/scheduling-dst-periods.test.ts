import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { dayString } from '../../src/core/timezones/clock.js';

// New York moves its clocks on 14 March 2027, Berlin on 28 March: for two weeks New York is 5 hours
// behind, not 6.
const config = configWith({
  meetingMinutes: 30,
  frequency: 'weekly',
  preferredHours: { start: '09:00', end: '17:00' },
});
const tom = person('tom@x.org', 'Tom', 'mentor', {
  timezone: 'America/New_York',
  availability: hours([2, 3], '09:00', '11:00'),
});
const plan = (anaHours: ReturnType<typeof hours>) =>
  runSchedule(
    config,
    [
      tom,
      person('ana@x.org', 'Ana', 'mentee', { timezone: 'Europe/Berlin', availability: anaHours }),
    ],
    [match('p1', 'tom@x.org', 'ana@x.org')],
  ).plan;

describe('slots across clock changes later in the program', () => {
  it('prefers a slot that fits every offset period over an earlier one that only fits the first week', () => {
    // Tue 09:00 New York = 15:00 Berlin in week 1 but 14:00 from 16 March; Wednesday 14:00-16:00
    // holds in both periods.
    const p = plan([...hours([2], '15:00', '16:00'), ...hours([3], '14:00', '16:00')]);
    const s = p.series[0];
    expect(`${dayString(s.outcome.slot!.day)} ${s.outcome.slot!.minute}`).toBe('2027-03-03 540');
    expect(s.outcome.shift).toBeUndefined();
    expect(s.event!.description).not.toContain('Note: ');
  });

  it('notes the shift in the description when no slot fits every period', () => {
    const p = plan(hours([2, 3], '15:00', '15:30'));
    const s = p.series[0];
    expect(`${dayString(s.outcome.slot!.day)} ${s.outcome.slot!.minute}`).toBe('2027-03-02 540');
    expect(s.outcome.shift).toBe(
      'from 2027-03-16 a clock change moves the meeting to 14:00 Europe/Berlin for Ana, outside their availability',
    );
    expect(s.event!.description).toContain(
      'Note: from 2027-03-16 a clock change moves the meeting to 14:00 Europe/Berlin for Ana, outside their availability.',
    );
  });

  it('no note when the other person is available through the shifted hours', () => {
    const s = plan(hours([2], '14:00', '16:00')).series[0];
    expect(`${dayString(s.outcome.slot!.day)} ${s.outcome.slot!.minute}`).toBe('2027-03-02 540');
    expect(s.outcome.shift).toBeUndefined();
  });
});
