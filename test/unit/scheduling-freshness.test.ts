import { describe, expect, it } from 'vitest';
import { assertScheduleCurrent } from '../../src/core/scheduling/freshness.js';
import { UsageError } from '../../src/errors.js';

const counts = (added = 0, changed = 0, cancelled = 0, unchanged = 5) => ({
  added,
  changed,
  unchanged,
  cancelled,
});

describe('assertScheduleCurrent (intro needs the schedule as written)', () => {
  it('passes when schedule ran and every event is unchanged', () => {
    expect(() => assertScheduleCurrent(true, counts())).not.toThrow();
  });

  it('refuses when schedule never ran', () => {
    expect(() => assertScheduleCurrent(false, counts())).toThrow(UsageError);
    expect(() => assertScheduleCurrent(false, counts())).toThrow(/No schedule yet/);
  });

  it.each([
    [counts(1), '1 new, 0 changed, 0 cancelled'],
    [counts(0, 2), '0 new, 2 changed, 0 cancelled'],
    [counts(0, 0, 3), '0 new, 0 changed, 3 cancelled'],
  ])('refuses a stale schedule %#', (c, text) => {
    expect(() => assertScheduleCurrent(true, c)).toThrow(`The schedule is out of date (${text}`);
  });
});
