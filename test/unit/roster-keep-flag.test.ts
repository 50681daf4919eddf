import { describe, expect, it } from 'vitest';
import { buildParticipants } from '../../src/core/roster/build.js';
import { formSignature, mapHeaders } from '../../src/core/roster/header-map.js';
import { planImport, attentionAfterImport } from '../../src/core/roster/import-plan.js';
import { readCapacity, readLevel } from '../../src/core/roster/read-level-capacity.js';
import { attentionTable, countByField } from '../../src/core/roster/attention.js';
import type { Participant, SourceTable } from '../../src/core/types.js';

const table = (headers: string[], rows: string[][], file = 'signups.csv'): SourceTable => ({
  file,
  headerRow: 1,
  headers,
  notes: [],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const OPTS = { defaultCapacity: 2, defaultTimezone: 'Europe/London' };
const build = (t: SourceTable, opts: Record<string, unknown> = {}) =>
  buildParticipants(t, mapHeaders(t.headers).mapping, { ...OPTS, ...opts });
const plan = (t: SourceTable, existing: Participant[], opts: Record<string, unknown> = {}) =>
  planImport([{ table: t, mapping: mapHeaders(t.headers).mapping }], existing, {
    ...OPTS,
    ...opts,
  });

describe('keep and flag: an unreadable optional value keeps the person', () => {
  const headers = ['Email', 'Name', 'Role', 'Time zone', 'Capacity', 'Availability', 'Level'];
  it('imports the person with the fields empty or default and one attention item per value', () => {
    const r = build(
      table(headers, [
        ['ana@x.org', 'Ana', 'mentor', 'Mars/Olympus', 'lots', 'sometimes, who knows', 'wizard'],
        ['bo@x.org', 'Bo', 'mentee', 'Europe/Paris', '', 'Mon 9-11', '3'],
      ]),
    );
    expect(r.rejected).toEqual([]);
    expect(
      r.participants.map((p) => [p.email, p.timezone, p.capacity, p.availability, p.level]),
    ).toEqual([
      ['ana@x.org', 'Europe/London', 2, [], undefined],
      ['bo@x.org', 'Europe/Paris', undefined, [{ day: 1, start: 540, end: 660 }], 3],
    ]);
    expect(r.attention.map((a) => [a.email, a.name, a.field, a.text, a.row, a.column])).toEqual([
      ['ana@x.org', 'Ana', 'capacity', 'lots', 2, 'Capacity'],
      ['ana@x.org', 'Ana', 'timezone', 'Mars/Olympus', 2, 'Time zone'],
      ['ana@x.org', 'Ana', 'availability', 'sometimes, who knows', 2, 'Availability'],
      ['ana@x.org', 'Ana', 'level', 'wizard', 2, 'Level'],
    ]);
    expect(r.attention[0].fix).toMatch(/how many mentees/i);
    expect(countByField(r.attention)).toEqual([
      ['availability', 1],
      ['capacity', 1],
      ['level', 1],
      ['timezone', 1],
    ]);
  });

  it('rejectOn lists fields whose failure still rejects the row', () => {
    const r = build(table(headers, [['ana@x.org', 'Ana', 'mentor', '', '', 'sometimes', '']]), {
      rejectOn: ['availability'],
    });
    expect(r.participants).toEqual([]);
    expect(r.rejected[0].reasons.map((p) => p.code)).toEqual(['availability-invalid']);
  });

  it('still rejects what cannot be a person: bad email, no name, no role', () => {
    const r = build(
      table(headers, [
        ['nope', 'A', 'mentor', '', '', '', ''],
        ['b@x.org', '', 'mentor', '', '', '', ''],
        ['c@x.org', 'C', '', '', '', '', ''],
      ]),
    );
    expect(r.participants).toEqual([]);
    expect(r.rejected.map((x) => [x.line, x.reasons.map((p) => p.code)])).toEqual([
      [2, ['email-invalid']],
      [3, ['name-missing']],
      [4, ['role-missing']],
    ]);
  });

  it('attention.csv holds each value under its original header, ready to fix and re-import', () => {
    const r = build(
      table(headers, [['ana@x.org', 'Ana', 'mentor', 'Mars/Olympus?', '', 'TBD-ish', '']]),
    );
    const t = attentionTable(r.attention, new Date('2026-12-02T03:40:05.123Z'));
    expect(t.headers).toEqual([
      'Email',
      'Name',
      'Time zone',
      'Availability',
      'Needs attention',
      'Source file',
      'Source row',
      'Submitted at',
      'Source form',
      'Listed at',
    ]);
    expect(t.rows[0].slice(0, 4)).toEqual(['ana@x.org', 'Ana', 'Mars/Olympus?', 'TBD-ish']);
    // Where it came from (the form's saved-mapping signature too) and when the file was made.
    expect(t.rows[0].slice(5)).toEqual([
      'signups.csv',
      '2',
      '',
      formSignature(headers),
      '2026-12-02T03:40:05Z',
    ]);
  });
});

describe('level as people write it', () => {
  it.each([
    ['L5', 5],
    ['Level 5', 5],
    ['Senior (L5)', 5],
    ['IC6', 6],
    ['P4', 4],
    ['Band 3', 3],
    ['Grade 7', 7],
    ['7', 7],
    ['Junior', 2],
    ['Senior', 5],
    ['Manager', 6],
    ['Director', 8],
    ['Senior engineer', 5],
    ['Engineering Manager', 6],
  ])('%s -> %d', (text, level) => {
    expect(readLevel(text)).toEqual({ value: level });
  });
  it('unknown words are an error (flagged, never a guess); words can be configured', () => {
    expect(readLevel('wizard').error?.code).toBe('level-invalid');
    expect(readLevel('Guru', { guru: 9 })).toEqual({ value: 9 });
    expect(readLevel('')).toEqual({});
  });
});

describe('capacity as people write it', () => {
  it.each([
    ['3', 3, undefined],
    ['two', 2, undefined],
    ['up to 4 mentees', 4, undefined],
    ['1-2', 2, 'capacity-range'],
    ['2 or 3', 3, 'capacity-range'],
    ['a couple', 2, undefined],
    ['as many as needed', 5, 'capacity-as-many'],
    ['0', 0, undefined],
    ['none this round', 0, undefined],
    ['Paused', 0, undefined],
    ['', 2, undefined],
  ])('%s -> %d', (text, value, warning) => {
    const r = readCapacity(text, 2);
    expect(r.value).toBe(value);
    expect(r.warning?.code).toBe(warning);
    expect(r.error).toBeUndefined();
  });
  it('a number over 50 or a sentence is an error (the caller flags it)', () => {
    expect(readCapacity('99', 2).error?.code).toBe('capacity-invalid');
    expect(readCapacity('depends on my workload', 2).error?.code).toBe('capacity-invalid');
  });
});

const stored = (email: string, extra: Partial<Participant> = {}): Participant => ({
  email,
  name: email.split('@')[0],
  role: 'mentor',
  timezone: 'America/New_York',
  languages: ['English'],
  topics: ['Python', 'Leadership'],
  interests: [],
  availability: [{ day: 2, start: 600, end: 720 }],
  preferences: [],
  avoid: [],
  capacity: 3,
  status: 'active',
  attributes: Object.create(null),
  ...extra,
});

describe('files that update only what they say', () => {
  it('an Email, Status file withdraws without touching anything else or needing name and role', () => {
    const ana = stored('ana@x.org');
    const p = plan(table(['Email', 'Status'], [['ana@x.org', 'withdrawn']]), [ana]);
    expect(p.rejected).toEqual([]);
    expect(p.merge.updated).toEqual(['ana@x.org']);
    const after = p.merge.participants[0];
    expect(after).toMatchObject({
      ...ana,
      status: 'withdrawn',
      source: { file: 'signups.csv', row: 2 },
    });
    expect(p.merge.changes).toEqual([
      { email: 'ana@x.org', field: 'status', from: 'active', to: 'withdrawn' },
    ]);
  });

  it('a new person in such a file is rejected for lacking name and role', () => {
    const p = plan(table(['Email', 'Status'], [['new@x.org', 'withdrawn']]), []);
    expect(p.merge.participants).toEqual([]);
    expect(p.rejected.map((r) => r.reasons.map((x) => x.code))).toEqual([
      ['name-missing', 'role-missing'],
    ]);
    expect(p.files[0]).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('--role fills only new people and rows without a role; stored values are kept', () => {
    const both = stored('ana@x.org', { role: 'both' });
    const t = table(
      ['Email', 'Name', 'Training completed'],
      [
        ['ana@x.org', 'ana', 'yes'],
        ['new@x.org', 'New', 'yes'],
      ],
    );
    const p = plan(t, [both], { role: 'mentor' });
    const [ana, added] = p.merge.participants;
    expect(ana).toMatchObject({ ...both, trainingCompleted: true });
    expect(added).toMatchObject({ email: 'new@x.org', role: 'mentor', capacity: 2 });
  });

  it('a blank cell keeps the stored value; with --replace it clears, and emptying topics warns', () => {
    const ana = stored('ana@x.org');
    const t = table(
      ['Email', 'Name', 'Role', 'Topics', 'Time zone'],
      [['ana@x.org', 'ana', 'mentor', '', '']],
    );
    const kept = plan(t, [ana]);
    expect(kept.merge.unchanged).toEqual(['ana@x.org']);
    expect(kept.merge.participants[0]).toMatchObject({
      topics: ['Python', 'Leadership'],
      timezone: 'America/New_York',
    });
    const cleared = plan(t, [ana], { replace: true });
    expect(cleared.merge.participants[0].topics).toEqual([]);
    expect(cleared.merge.changes.map((c) => c.field)).toEqual(['timezone', 'topics']);
    // A cleared time zone falls back to the program's default; the emptied topics warn.
    expect(cleared.merge.participants[0].timezone).toBe('Europe/London');
    expect(cleared.problems.filter((x) => x.code === 'field-emptied')).toMatchObject([
      { message: expect.stringMatching(/^ana: topics was emptied by this import/) },
    ]);
  });

  it('an unreadable value in an update keeps the stored value and is flagged', () => {
    const ana = stored('ana@x.org');
    const t = table(['Email', 'Availability'], [['ana@x.org', 'ask my assistant']]);
    const p = plan(t, [ana]);
    expect(p.merge.participants[0].availability).toEqual(ana.availability);
    expect(p.attention).toMatchObject([{ email: 'ana@x.org', name: 'ana', field: 'availability' }]);
  });

  it('stored attention items of the fields a file has are replaced, others kept', () => {
    const ana = stored('ana@x.org');
    const old = [
      {
        email: 'ana@x.org',
        name: 'ana',
        field: 'level',
        text: 'x',
        code: 'level-invalid',
        reason: 'r',
        file: 'a.csv',
        row: 2,
      },
      {
        email: 'ana@x.org',
        name: 'ana',
        field: 'timezone',
        text: 'y',
        code: 'timezone-invalid',
        reason: 'r',
        file: 'a.csv',
        row: 2,
      },
      {
        email: 'bo@x.org',
        name: 'bo',
        field: 'level',
        text: 'z',
        code: 'level-invalid',
        reason: 'r',
        file: 'a.csv',
        row: 3,
      },
    ];
    const p = plan(table(['Email', 'Level'], [['ana@x.org', 'L4']]), [ana]);
    expect(attentionAfterImport(old, p).map((i) => [i.email, i.field])).toEqual([
      ['ana@x.org', 'timezone'],
      ['bo@x.org', 'level'],
    ]);
  });
});

describe('languages split on /, &, + and "and"', () => {
  it.each([
    ['German/English', ['German', 'English']],
    ['English & French', ['English', 'French']],
    ['Spanish and Portuguese', ['Spanish', 'Portuguese']],
    ['English, Hindi / Tamil', ['English', 'Hindi', 'Tamil']],
    ['Mandarin+Cantonese', ['Mandarin', 'Cantonese']],
  ])('%s', (text, languages) => {
    const r = build(
      table(['Email', 'Name', 'Role', 'Languages'], [['a@x.org', 'A', 'mentee', text]]),
    );
    expect(r.participants[0].languages).toEqual(languages);
  });
});
