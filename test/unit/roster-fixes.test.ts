import { describe, expect, it } from 'vitest';
import { formSignature, mapHeaders } from '../../src/core/roster/header-map.js';
import { planImport, rejectedTable } from '../../src/core/roster/import-plan.js';
import { planSet } from '../../src/core/roster/edit.js';
import { fixesAfter, rowKey, typedText, type Fixes } from '../../src/core/roster/fixes.js';
import { savedMappingFor } from '../../src/core/roster/import-rules.js';
import type { Participant, SourceTable } from '../../src/core/types.js';

const HEADERS = ['Timestamp', 'Email', 'Name', 'Role', 'Time zone', 'Availability', 'Level'];
const ROWS = [
  ['2026-11-01 09:00', 'ana@x.org', 'Ana', 'mentor', 'Europe/Madrid', 'ask my assistant', 'L5'],
  ['2026-11-02 09:00', 'bo@x', 'Bo', 'mentee', 'Europe/London', 'Mon 9-11', '2'],
  ['2026-11-03 09:00', 'cy@x.org', 'Cy', 'mentee', 'Londn', 'Tue 9-11', 'wizard'],
];
const table = (rows: string[][], file = 'form.csv', headers = HEADERS): SourceTable => ({
  file,
  headerRow: 1,
  headers,
  notes: [],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const NOW = '2026-12-02T04:00:00.000Z';
const OPTS = { defaultCapacity: 2, defaultTimezone: 'Europe/London', now: NOW };
const plan = (t: SourceTable, existing: Participant[], fixes?: Fixes) =>
  planImport([{ table: t, mapping: mapHeaders(t.headers).mapping }], existing, {
    ...OPTS,
    fixes,
  });
const person = (people: Participant[], email: string) => people.find((p) => p.email === email)!;

describe('rowKey', () => {
  it('is stable, 16 hex digits, and tells cell boundaries apart', () => {
    expect(rowKey(['a', 'b'])).toMatch(/^[0-9a-f]{16}$/);
    expect(rowKey(['a', 'b'])).toBe(rowKey(['a', 'b']));
    expect(rowKey(['ab', ''])).not.toBe(rowKey(['a', 'b']));
    expect(rowKey(['a', 'b'])).not.toBe(rowKey(['a', 'c']));
  });
});

describe('typedText', () => {
  it('gives the kept original text, else the stored value as text', () => {
    const p = {
      email: 'a@x.org',
      name: 'Ana',
      role: 'mentor',
      level: 5,
      topics: ['Python', 'Design'],
      availability: [{ day: 1, start: 540, end: 600 }],
      source: { file: 'f.csv', row: 2, text: { timezone: 'Londn' } },
    } as unknown as Participant;
    expect(typedText(p, 'timezone')).toBe('Londn');
    expect(typedText(p, 'level')).toBe('5');
    expect(typedText(p, 'topics')).toBe('Python, Design');
    expect(typedText(p, 'availability')).toBe('');
    expect(typedText(p, 'goals')).toBe('');
  });
});

describe('rejected.csv carries what a fixed re-import needs', () => {
  it('adds submission time, source form, row key and when it was listed', () => {
    const first = plan(table(ROWS), []);
    const t = rejectedTable(first.rejected, new Date('2026-12-02T04:00:00.500Z'));
    expect(t.headers.slice(HEADERS.length)).toEqual([
      'Rejection reason',
      'Source file',
      'Source row',
      'Submitted at',
      'Source form',
      'Source key',
      'Listed at',
    ]);
    expect(t.rows[0].slice(HEADERS.length + 1)).toEqual([
      'form.csv',
      '3',
      '2026-11-02T09:00:00.000Z',
      formSignature(HEADERS),
      rowKey(ROWS[1]),
      '2026-12-02T04:00:00Z',
    ]);
  });

  it('savedMappingFor applies the source form mapping to a fixed file, its own time first', () => {
    const fixed = [...HEADERS, 'Rejection reason', 'Source file', 'Source row', 'Submitted at'];
    const saved = { abc: { Timestamp: 'submittedAt', Email: 'email', Level: 'level', X: 'name' } };
    expect(savedMappingFor(fixed, saved, 'zzz', ['abc'])).toEqual({
      Timestamp: 'ignore',
      Email: 'email',
      Level: 'level',
    });
    // A file of the user's own with the same column names is not a fixed file.
    expect(savedMappingFor(['Email', 'Source file', 'Source row'], saved, 'zzz', ['abc'])).toBe(
      undefined,
    );
    expect(savedMappingFor(fixed, saved, 'abc', [])).toBe(saved.abc);
  });
});

describe('fixes that stick', () => {
  // The original import, then the rejected row fixed in rejected.csv and imported.
  const first = plan(table(ROWS), []);
  const rej = rejectedTable(first.rejected, new Date(NOW));
  rej.rows[0][1] = 'bo@x.org';
  const fixedRejected = plan(
    table(rej.rows, 'rejected.csv', rej.headers),
    first.merge.participants,
  );
  // The attention items fixed in attention.csv-like rows (Needs attention marks a fixed file).
  const attHeaders = ['Email', 'Name', 'Availability', 'Level', 'Needs attention', 'Source file'];
  const att = table(
    [
      ['ana@x.org', 'Ana', 'Thu 9-10', '', 'x', 'form.csv'],
      ['cy@x.org', 'Cy', '', 'Senior', 'x', 'form.csv'],
    ],
    'attention.csv',
    [...attHeaders, 'Source row'],
  );
  const fixedAttention = plan(att, fixedRejected.merge.participants, fixedRejected.fixes);

  it('records the row a rejected.csv fix replaced, and the values an attention.csv fix replaced', () => {
    expect(fixedRejected.merge.added).toEqual(['bo@x.org']);
    expect(fixedRejected.fixes.rows).toEqual([
      {
        key: rowKey(ROWS[1]),
        email: 'bo@x.org',
        file: 'form.csv',
        row: 3,
        by: 'rejected.csv',
        at: NOW,
      },
    ]);
    expect(fixedAttention.fixes.fields).toEqual([
      {
        email: 'ana@x.org',
        field: 'availability',
        was: 'ask my assistant',
        by: 'attention.csv',
        at: NOW,
      },
      { email: 'cy@x.org', field: 'level', was: 'wizard', by: 'attention.csv', at: NOW },
    ]);
    expect(fixedAttention.attention).toEqual([]);
  });

  it('re-importing the unchanged original keeps every fix, with notices and no attention', () => {
    const again = plan(table(ROWS), fixedAttention.merge.participants, fixedAttention.fixes);
    expect(again.merge.updated).toEqual([]);
    expect(again.rejected).toEqual([]);
    expect(again.attention).toEqual([]);
    expect(again.files[0]).toMatchObject({ accepted: 2, rejected: 0, attention: 0 });
    const people = again.merge.participants;
    expect(person(people, 'ana@x.org').availability).toEqual([{ day: 4, start: 540, end: 600 }]);
    expect(person(people, 'cy@x.org').level).toBe(5);
    expect(person(people, 'bo@x.org').name).toBe('Bo');
    expect(again.problems.filter((p) => p.code.startsWith('fix')).map((p) => p.code)).toEqual([
      'fixed-row-skipped',
      'fix-kept',
      'fix-kept',
    ]);
    expect(again.fixes).toBe(fixedAttention.fixes);
  });

  it('a changed answer in the source wins over the fix, with a warning naming it', () => {
    const changed = ROWS.map((r) => r.slice());
    changed[0][5] = 'Fri 14-15';
    changed[1][5] = 'Wed 9-10';
    const again = plan(table(changed), fixedAttention.merge.participants, fixedAttention.fixes);
    const ana = person(again.merge.participants, 'ana@x.org');
    expect(ana.availability).toEqual([{ day: 5, start: 840, end: 900 }]);
    const warning = again.problems.find((p) => p.code === 'fix-replaced')!;
    expect(warning.message).toBe(
      'Ana changed their answer for availability to "Fri 14-15"; it replaces the fix made with attention.csv on 2026-12-02 (the source said "ask my assistant")',
    );
    expect(again.problems.find((p) => p.code === 'fixed-row-changed')!.message).toMatch(
      /this row changed since it was fixed in rejected.csv on 2026-12-02 \(imported as bo@x.org\)/,
    );
    // The changed row is read again (its email is still invalid: rejected again).
    expect(again.rejected.map((r) => r.line)).toEqual([3]);
    expect(again.fixes.fields.map((f) => f.field)).toEqual(['level']);
    expect(again.fixes.rows).toEqual([]);
  });

  it('a fix made with set sticks too, and a second set keeps what the source said', () => {
    const people = fixedAttention.merge.participants;
    const opts = { ...OPTS, fixes: fixedAttention.fixes };
    const set1 = planSet(
      people,
      [{ email: 'cy@x.org', values: [['timezone', 'Asia/Tokyo']] }],
      opts,
    );
    expect(set1.plan.fixes.fields.at(-1)).toEqual({
      email: 'cy@x.org',
      field: 'timezone',
      was: 'Londn',
      by: 'set',
      at: NOW,
    });
    const opts2 = { ...OPTS, fixes: set1.plan.fixes };
    const set2 = planSet(
      set1.plan.merge.participants,
      [{ email: 'cy@x.org', values: [['timezone', 'Asia/Seoul']] }],
      opts2,
    );
    expect(set2.plan.fixes.fields.filter((f) => f.field === 'timezone')).toEqual([
      { email: 'cy@x.org', field: 'timezone', was: 'Londn', by: 'set', at: NOW },
    ]);
    const again = plan(table(ROWS), set2.plan.merge.participants, set2.plan.fixes);
    expect(person(again.merge.participants, 'cy@x.org').timezone).toBe('Asia/Seoul');
  });

  it('an older submission never replaces a newer one, with a warning', () => {
    const newer = ROWS.map((r) => r.slice());
    newer[0][0] = '2026-11-20 09:00';
    newer[0][6] = 'L6';
    const stored = plan(table(newer), []).merge.participants;
    const old = plan(table(ROWS), stored);
    expect(person(old.merge.participants, 'ana@x.org').level).toBe(6);
    expect(old.problems.find((p) => p.code === 'older-submission')!.message).toBe(
      'Ana: form.csv row 2 was submitted 2026-11-01T09:00:00.000Z, before the stored submission from form.csv row 2 (2026-11-20T09:00:00.000Z); kept the newer one',
    );
  });
});

describe('fixesAfter', () => {
  const fix = (email: string, field: string, was: string) => ({
    email,
    field,
    was,
    by: 'set',
    at: NOW,
  });
  it('drops replaced fixes and earlier fixes of the same field, keeps the rest', () => {
    const stored: Fixes = { fields: [fix('a', 'level', 'x'), fix('b', 'level', 'y')], rows: [] };
    const out = fixesAfter(
      stored,
      { added: [fix('a', 'level', 'x2'), fix('gone', 'level', 'z')], replaced: [stored.fields[1]] },
      { added: [], replaced: [] },
      (e) => e !== 'gone',
    );
    expect(out.fields).toEqual([fix('a', 'level', 'x2')]);
    expect(
      fixesAfter(stored, { added: [], replaced: [] }, { added: [], replaced: [] }, () => true),
    ).toBe(stored);
  });
});
