import { describe, expect, it } from 'vitest';
import { printable } from '../../src/ui/printable.js';
import { renderScheduleSummary } from '../../src/ui/schedule-summary.js';
import { reportWrittenLine } from '../../src/ui/report-md.js';
import type { ScheduleSummary } from '../../src/core/scheduling/summary.js';

describe('printable', () => {
  it('turns every run of control characters into one space', () => {
    expect(printable('Ana\r\nforged line')).toBe('Ana forged line');
    expect(printable('a\u001b[31mred\u007f')).toBe('a [31mred ');
    expect(printable('plain – text')).toBe('plain – text');
  });
});

describe('renderScheduleSummary', () => {
  const summary: ScheduleSummary = {
    outDir: '/p/schedule',
    dryRun: false,
    pairs: 3,
    scheduled: 2,
    fallback: [{ pairId: 'p1', pair: 'Ana & Bo', reason: 'no common time' }],
    unscheduled: [{ pairId: 'p2', pair: 'Cy\nEvil: yes', reason: 'no slot' }],
    shifted: [],
    meetings: 24,
    events: { added: 2, changed: 0, unchanged: 0, cancelled: 1 },
    conflicts: [],
    notes: [],
    cancellations: 1,
    files: ['all.ics', 'schedule.csv'],
  };

  it('counts, notes each pair on one line, and names the folders', () => {
    expect(renderScheduleSummary(summary, 'schedule').split('\n')).toEqual([
      'Scheduled 2 of 3 pairs: 24 meetings.',
      'Events: 2 new, 0 changed, 0 unchanged, 1 cancelled.',
      '  fallback slot: Ana & Bo (no common time)',
      '  unscheduled: Cy Evil: yes (no slot)',
      'Wrote 2 files to schedule/ (all.ics for you, people/ for each person, pairs/ to send as ' +
        'invitations, cancellations/ to send).',
    ]);
  });

  it('says would with --dry-run', () => {
    const text = renderScheduleSummary({ ...summary, dryRun: true, cancellations: 0 }, '.');
    expect(text).toMatch(/^Would schedule 2 of 3 pairs/);
    expect(text).toContain(
      'Would write 2 files to ./ (all.ics for you, people/ for each person, ' +
        'pairs/ to send as invitations).',
    );
  });
});

describe('reportWrittenLine', () => {
  it('names the file, the targets met and the pairs at risk', () => {
    expect(
      reportWrittenLine({ file: 'report.xlsx', dryRun: false, met: 3, targets: 5, atRisk: 2 }),
    ).toBe('Wrote report.xlsx: 3 of 5 KPI targets met, 2 pair(s) at risk.');
    expect(reportWrittenLine({ file: 'r.md', dryRun: true, met: 0, targets: 0, atRisk: 0 })).toBe(
      'Would write r.md: 0 of 0 KPI targets met, 0 pair(s) at risk.',
    );
  });
});
