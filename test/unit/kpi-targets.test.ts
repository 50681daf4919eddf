import { describe, expect, it } from 'vitest';
import { countTargetsMet } from '../../src/core/kpi/targets.js';
import type { Kpi } from '../../src/core/kpi/types.js';

const kpi = (met: boolean | null | undefined): Kpi => ({
  id: 'x',
  section: 'Pairs',
  label: 'x',
  value: 1,
  format: 'number',
  ...(met === undefined ? {} : { target: 1, met }),
});

describe('countTargetsMet', () => {
  it('counts KPIs with a target, and only met === true as met', () => {
    expect(countTargetsMet([kpi(true), kpi(false), kpi(null), kpi(undefined), kpi(true)])).toEqual({
      met: 2,
      targets: 4,
    });
  });

  it('is 0 of 0 without targets', () => {
    expect(countTargetsMet([kpi(undefined)])).toEqual({ met: 0, targets: 0 });
    expect(countTargetsMet([])).toEqual({ met: 0, targets: 0 });
  });
});
