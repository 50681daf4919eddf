import { describe, expect, it } from 'vitest';
import {
  headerChoices,
  missingFields,
  splitImportWarnings,
} from '../../src/core/roster/import-rules.js';
import type { Problem } from '../../src/core/types.js';

describe('headerChoices', () => {
  it("ignores the columns rejected.csv adds, before the user's --map", () => {
    const headers = ['Email', 'Name', 'Rejection reason', 'Source file', 'Source row'];
    expect(headerChoices(headers, [{ header: 'Name', field: 'name' }])).toEqual([
      { header: 'Rejection reason', field: 'ignore' },
      { header: 'Source file', field: 'ignore' },
      { header: 'Source row', field: 'ignore' },
      { header: 'Name', field: 'name' },
    ]);
    expect(headerChoices(['Email'], [])).toEqual([]);
  });
});

describe('missingFields', () => {
  it('--role stands in for a missing role column only', () => {
    expect(missingFields(['email', 'role'], 'mentee')).toEqual(['email']);
    expect(missingFields(['email', 'role'], undefined)).toEqual(['email', 'role']);
  });
});

describe('splitImportWarnings', () => {
  const problem = (code: string, severity: Problem['severity']): Problem => ({
    code,
    severity,
    message: code,
  });

  it('folds unknown managers out of the warnings', () => {
    const manager = problem('manager-unknown', 'warning');
    const tz = problem('timezone-guess', 'warning');
    const bad = problem('email-invalid', 'error');
    expect(splitImportWarnings([manager, tz, bad])).toEqual({
      warnings: [tz],
      unknownManagers: [manager],
    });
  });
});
