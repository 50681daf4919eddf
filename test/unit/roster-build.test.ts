import { describe, expect, it } from 'vitest';
import { buildParticipants } from '../../src/core/roster/build.js';
import { mapHeaders } from '../../src/core/roster/header-map.js';
import { detectDateOrder, parseTimestamp } from '../../src/core/roster/timestamp.js';
import type { SourceRow, SourceTable } from '../../src/core/types.js';

const table = (headers: string[], rows: Array<string[] | SourceRow>): SourceTable => ({
  file: 'signups.csv',
  headerRow: 1,
  headers,
  notes: [],
  rows: rows.map((r, i) => (Array.isArray(r) ? { line: i + 2, cells: r } : r)),
});
const build = (t: SourceTable, opts: Partial<Parameters<typeof buildParticipants>[2]> = {}) =>
  buildParticipants(t, mapHeaders(t.headers).mapping, {
    defaultCapacity: 2,
    defaultTimezone: 'Europe/London',
    ...opts,
  });

const HEADERS = [
  'Timestamp',
  'Email Address',
  'First name',
  'Last name',
  'Would you like to join as a mentor or a mentee?',
  'Time zone',
  'How many mentees can you take?',
  'When are you available?',
  'Which topics can you help with? (select all that apply)',
  'Languages',
  'Preferred mentors',
  'Level',
  'Completed mentor training?',
  'Pronouns',
  '__proto__',
];

describe('buildParticipants', () => {
  it('builds a full participant from a Google Forms row', () => {
    const t = table(HEADERS, [
      [
        '1/5/2026 9:14:03',
        ' Ana.Ruiz@Example.com ',
        'Ana',
        'Ruiz',
        'I want to be a mentor',
        '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris',
        'two',
        'Mon 9-11am; Wed afternoons',
        'Leadership, Career growth; leadership',
        'Spanish / English',
        'Bo <bo@example.com>',
        'L5',
        'yes',
        'she/her',
        'x',
      ],
    ]);
    const { participants, rejected, problems } = build(t);
    expect(rejected).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(['submitted-at-order']);
    const attributes: Record<string, string> = Object.create(null);
    attributes.Pronouns = 'she/her';
    attributes['__proto__'] = 'x';
    expect(participants).toEqual([
      {
        email: 'ana.ruiz@example.com',
        name: 'Ana Ruiz',
        role: 'mentor',
        timezone: 'Europe/Paris',
        capacity: 2,
        availability: [
          { day: 1, start: 540, end: 660 },
          { day: 3, start: 780, end: 1020 },
        ],
        topics: ['Leadership', 'Career growth'],
        languages: ['Spanish', 'English'],
        interests: [],
        preferences: ['bo@example.com'],
        avoid: [],
        level: 5,
        trainingCompleted: true,
        status: 'active',
        submittedAt: '2026-01-05T09:14:03.000Z',
        attributes,
        source: {
          file: 'signups.csv',
          row: 2,
          // Issue 9: every mapped cell keeps its original text where normalising changed it.
          text: {
            availability: 'Mon 9-11am; Wed afternoons',
            capacity: 'two',
            email: 'Ana.Ruiz@Example.com',
            languages: 'Spanish / English',
            level: 'L5',
            preferences: 'Bo <bo@example.com>',
            role: 'I want to be a mentor',
            submittedAt: '1/5/2026 9:14:03',
            timezone: '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris',
            topics: 'Leadership, Career growth; leadership',
            trainingCompleted: 'yes',
          },
        },
      },
    ]);
    expect(Object.getPrototypeOf(participants[0].attributes)).toBeNull();
    expect(Object.keys(participants[0].attributes)).toEqual(['Pronouns', '__proto__']);
  });

  it('collects every identity reason of a bad row, with header text and Excel row, and keeps the raw cells', () => {
    const headers = ['Email', 'Name', 'Role', 'Time zone', 'Capacity', 'Availability'];
    const cells = ['ana.ruiz@', '', 'sponsor', 'Mars/Olympus', '99', 'sometimes'];
    const { participants, rejected } = build(
      table(headers, [cells, ['ok@example.com', 'Ok', 'mentee', '', '', '']]),
    );
    expect(participants.map((p) => p.email)).toEqual(['ok@example.com']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ file: 'signups.csv', line: 2, headers, cells });
    expect(rejected[0].reasons.map((r) => [r.code, r.location?.column])).toEqual([
      ['email-invalid', 'Email'],
      ['name-missing', 'Name'],
      ['role-invalid', 'Role'],
    ]);
    expect(rejected[0].reasons[0]).toEqual({
      severity: 'error',
      code: 'email-invalid',
      message: 'email "ana.ruiz@" is not a valid email address',
      hint: 'Correct it to the form name@example.com',
      location: { file: 'signups.csv', sheet: undefined, row: 2, column: 'Email' },
    });
  });

  it('checks capacity of mentors only, uses the default when empty, reads 0 as paused', () => {
    const { participants, rejected, attention } = build(
      table(
        ['Email', 'Name', 'Role', 'Capacity'],
        [
          ['a@x.org', 'A', 'mentor', ''],
          ['b@x.org', 'B', 'mentee', '99'],
          ['c@x.org', 'C', 'both', '0'],
          ['d@x.org', 'D', 'both', '4'],
          ['e@x.org', 'E', 'mentor', '99'],
        ],
      ),
    );
    // Capacity 99 keeps the mentor at the default and flags the cell (it used to reject the row).
    expect(participants.map((p) => [p.email, p.capacity])).toEqual([
      ['a@x.org', 2],
      ['b@x.org', undefined],
      ['c@x.org', 0],
      ['d@x.org', 4],
      ['e@x.org', 2],
    ]);
    expect(rejected).toEqual([]);
    expect(attention.map((a) => [a.email, a.field, a.text, a.row, a.column, a.code])).toEqual([
      ['e@x.org', 'capacity', '99', 6, 'Capacity', 'capacity-invalid'],
    ]);
  });

  it('applies --role when the row has none; a row that says otherwise wins with a warning', () => {
    const t = table(
      ['Email', 'Name', 'Role'],
      [
        ['a@x.org', 'A', ''],
        ['b@x.org', 'B', 'Mentee'],
      ],
    );
    const { participants, problems } = build(t, { role: 'mentor' });
    expect(participants.map((p) => p.role)).toEqual(['mentor', 'mentee']);
    expect(problems.map((p) => [p.code, p.location?.row])).toEqual([['role-conflict', 3]]);
    const noRole = build(table(['Email', 'Name'], [['a@x.org', 'A']]));
    expect(noRole.rejected[0].reasons.map((r) => r.code)).toEqual(['role-missing']);
  });

  it('rejects a row with more values than headers', () => {
    const t = table(
      ['Email', 'Name', 'Role'],
      [{ line: 7, cells: ['a@x.org', 'Ruiz', ' Ana'], extra: ['mentor'] }],
    );
    const { rejected } = build(t);
    expect(rejected[0].line).toBe(7);
    expect(rejected[0].reasons[0].message).toBe(
      'row has 1 more value than there are column headers; a value with a comma probably needs quotes around it',
    );
  });

  it('skips blank rows, warns on fixed offsets and bad optional cells, and names blank or repeated headers', () => {
    const headers = [
      'Email',
      'Name',
      'Role',
      'Timezone',
      'Training completed',
      'Status',
      'Manager email',
      'Notes',
      'Notes',
      '',
    ];
    const { participants, problems, rejected, attention } = build(
      table(headers, [
        ['', '', '', '', '', '', '', '', '', ''],
        ['a@x.org', 'A', 'mentee', 'UTC+2', 'maybe', 'left', 'boss@', 'n1', 'n2', 'n3'],
      ]),
    );
    expect(rejected).toEqual([]);
    expect(participants[0]).toMatchObject({ timezone: 'Etc/GMT-2', status: 'withdrawn' });
    expect(participants[0].trainingCompleted).toBeUndefined();
    expect(participants[0].managerEmail).toBeUndefined();
    expect({ ...participants[0].attributes }).toEqual({
      Notes: 'n1',
      'Notes (2)': 'n2',
      'Column 10': 'n3',
    });
    expect(problems.map((p) => [p.code, p.location?.column])).toEqual([
      ['timezone-fixed-offset', 'Timezone'],
      ['manager-email-invalid', 'Manager email'],
    ]);
    // An unreadable yes/no is an attention item now, not a plain warning.
    expect(attention.map((a) => [a.field, a.text, a.code])).toEqual([
      ['trainingCompleted', 'maybe', 'boolean-invalid'],
    ]);
  });

  it('builds 3,000 rows with repeated texts quickly and identically', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `p${i}@x.org`,
      `P ${i}`,
      i % 2 ? 'mentor' : 'mentee',
      'EST',
      'Mon 9-11am',
    ]);
    const { participants } = build(
      table(['Email', 'Name', 'Role', 'Time zone', 'Availability'], rows),
    );
    expect(participants).toHaveLength(3000);
    expect(participants[2999].availability).toEqual([{ day: 1, start: 540, end: 660 }]);
  });
});

describe('parseTimestamp', () => {
  it.each<[string, 'mdy' | 'dmy', string | undefined]>([
    ['2026/01/05 9:14:03 AM GMT', 'mdy', '2026-01-05T09:14:03.000Z'],
    ['2026/01/05 9:14:03 PM GMT+1', 'mdy', '2026-01-05T20:14:03.000Z'],
    ['1/5/2026 9:14:03', 'mdy', '2026-01-05T09:14:03.000Z'],
    ['05/01/2026 09:14', 'dmy', '2026-01-05T09:14:00.000Z'],
    ['13/01/2026 09:14', 'mdy', '2026-01-13T09:14:00.000Z'],
    ['1/5/26 9:14 PM', 'mdy', '2026-01-05T21:14:00.000Z'],
    ['2026-01-05T09:14:03Z', 'mdy', '2026-01-05T09:14:03.000Z'],
    ['2026-01-05T10:14:03+01:00', 'mdy', '2026-01-05T09:14:03.000Z'],
    ['2026-01-05 09:14:03', 'mdy', '2026-01-05T09:14:03.000Z'],
    ['2026-01-05', 'mdy', '2026-01-05T00:00:00.000Z'],
    ['31/02/2026', 'dmy', undefined],
    ['yesterday', 'mdy', undefined],
    ['', 'mdy', undefined],
  ])('%j (%s) -> %s', (input, order, expected) => {
    expect(parseTimestamp(input, order)).toBe(expected);
  });

  it.each<[string[], { order: 'mdy' | 'dmy'; ambiguous: boolean }]>([
    [['05/01/2026', '13/01/2026'], { order: 'dmy', ambiguous: false }],
    [['05/01/2026', '01/13/2026'], { order: 'mdy', ambiguous: false }],
    [['05/01/2026', '01/02/2026'], { order: 'mdy', ambiguous: true }],
    [['2026-01-05T09:14:03Z'], { order: 'mdy', ambiguous: false }],
  ])('detectDateOrder %j', (values, expected) => {
    expect(detectDateOrder(values)).toEqual(expected);
  });
});
