import { describe, it, expect } from 'vitest';
import { planImport } from '../../src/core/roster/import-plan.js';
import { mapHeaders } from '../../src/core/roster/header-map.js';
import type { SourceTable } from '../../src/core/types.js';

const table = (rows: string[][]): SourceTable => ({
  file: 'f.csv',
  headerRow: 1,
  headers: ['Email', 'Name', 'Role', 'Preferences'],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  notes: [],
});
const opts = { defaultCapacity: 2, defaultTimezone: 'Europe/London' };

describe('planImport cross-reference warnings', () => {
  it("warns about this run's people only, not about people imported earlier", () => {
    const first = table([['old@example.com', 'Old', 'mentee', 'ghost-one@example.com']]);
    const earlier = planImport(
      [{ table: first, mapping: mapHeaders(first.headers).mapping }],
      [],
      opts,
    );
    expect(earlier.problems.map((p) => p.message).join('\n')).toContain('ghost-one@example.com');

    const second = table([
      ['new@example.com', 'New', 'mentee', 'ghost-two@example.com; old@example.com'],
    ]);
    const plan = planImport(
      [{ table: second, mapping: mapHeaders(second.headers).mapping }],
      earlier.merge.participants,
      opts,
    );
    const text = plan.problems.map((p) => p.message).join('\n');
    expect(text).toContain('ghost-two@example.com');
    expect(text).not.toContain('ghost-one@example.com');
    expect(text).not.toMatch(/old@example\.com/);
    expect(plan.merge.participants.find((p) => p.email === 'old@example.com')?.preferences).toEqual(
      ['ghost-one@example.com'],
    );
  });
});
