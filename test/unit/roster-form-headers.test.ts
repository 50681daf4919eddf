import { describe, expect, it } from 'vitest';
import { buildParticipants } from '../../src/core/roster/build.js';
import {
  describeColumns,
  mapHeaders,
  mappingToSaved,
  type ColumnMapping,
} from '../../src/core/roster/header-map.js';
import { planImport } from '../../src/core/roster/import-plan.js';
import { roleQualifier } from '../../src/core/roster/role-columns.js';
import { readReferenceCell } from '../../src/core/roster/name-refs.js';
import type { Participant, SourceTable } from '../../src/core/types.js';

const table = (headers: string[], rows: string[][], file = 'form.csv'): SourceTable => ({
  file,
  headerRow: 1,
  headers,
  notes: [],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const OPTS = { defaultCapacity: 2, defaultTimezone: 'Europe/London' };
const plan = (tables: SourceTable[], existing: Participant[] = []) =>
  planImport(
    tables.map((t) => ({ table: t, mapping: mapHeaders(t.headers).mapping })),
    existing,
    OPTS,
  );
const fieldOf = (m: ColumnMapping, headers: string[], header: string) =>
  Object.entries(m.fields).find(([, c]) => headers[c] === header)?.[0];

describe('role-specific questions', () => {
  it.each([
    ['What can you help with? (mentors)', 'mentor', 'What can you help with?'],
    ['What would you like help with? (mentees)', 'mentee', 'What would you like help with?'],
    ['Availability (mentors only)', 'mentor', 'Availability'],
    ['Mentees: what are your goals?', 'mentee', 'what are your goals?'],
    ['If you are a mentee, what do you want to learn?', 'mentee', 'what do you want to learn'],
    [
      "If you're a mentor, how many mentees can you take?",
      'mentor',
      'how many mentees can you take',
    ],
    ['What topics can you help with as a mentor?', 'mentor', 'what topics can you help with'],
    ['Goals - mentees only', 'mentee', 'goals'],
    ['Preferred times for mentors', 'mentor', 'preferred times'],
    // A question about a person names the counterpart: mentees answer it.
    ['Who would you like as a mentor? (work email)', 'mentee', 'who would you like work email'],
  ])('%s is for %ss', (header, role, rest) => {
    expect(roleQualifier(header)).toEqual({ role, rest });
  });

  it.each(['Which topics can you help with?', 'How many mentees can you take on?', 'Mentor'])(
    '%s names no role',
    (header) => expect(roleQualifier(header)).toBeUndefined(),
  );

  const headers = [
    'Email',
    'Name',
    'Role',
    'What can you help with? (mentors)',
    'What would you like help with? (mentees)',
    'When are you free? (mentors)',
    'When are you free? (mentees)',
    'What do you hope to achieve? (mentees)',
    'How many mentees can you take on? (mentors)',
    'Office',
  ];

  it('maps each pair to one field, one column per role, and shows it in the column notes', () => {
    const { mapping } = mapHeaders(headers);
    expect(mapping.byRole).toEqual({
      topics: { mentor: 3, mentee: 4 },
      availability: { mentor: 5, mentee: 6 },
      goals: { mentee: 7 },
      capacity: { mentor: 8 },
    });
    expect(mapping.fields.topics).toBeUndefined();
    expect(describeColumns(headers, mapping).byRole).toEqual([
      { header: headers[3], field: 'topics', role: 'mentor' },
      { header: headers[4], field: 'topics', role: 'mentee' },
      { header: headers[5], field: 'availability', role: 'mentor' },
      { header: headers[6], field: 'availability', role: 'mentee' },
      { header: headers[7], field: 'goals', role: 'mentee' },
      { header: headers[8], field: 'capacity', role: 'mentor' },
    ]);
    expect(describeColumns(headers, mapping).attributes).toEqual(['Office']);
  });

  it('is saved as field:role and read back the same', () => {
    const { mapping } = mapHeaders(headers);
    const saved = mappingToSaved(headers, mapping);
    expect(saved[headers[4]]).toBe('topics:mentee');
    expect(mapHeaders(headers, [], saved).mapping.byRole).toEqual(mapping.byRole);
  });

  it('--map "Header=topics:mentee" sets a role column by hand', () => {
    const h = ['Email', 'Name', 'Role', 'Skills', 'Wishes'];
    const { mapping } = mapHeaders(h, [{ header: 'Wishes', field: 'topics:mentee' }]);
    expect(mapping.byRole).toEqual({ topics: { mentee: 4 } });
    expect(mapping.fields.topics).toBe(3);
  });

  it("reads each row's own role's column; both filled: its role wins with a warning", () => {
    const t = table(headers, [
      ['ana@x.org', 'Ana', 'Mentor', 'Python, SQL', '', 'Mon 9-11', '', '', '3', 'Madrid'],
      ['bo@x.org', 'Bo', 'Mentee', '', 'Design', '', 'Tue 14-15', 'Find a job', '', ''],
      ['cy@x.org', 'Cy', 'Mentee', 'Leadership', 'Hiring', '', '', '', '', ''],
      ['di@x.org', 'Di', 'Mentor', '', 'Negotiation', '', '', '', '', ''],
    ]);
    const r = buildParticipants(t, mapHeaders(headers).mapping, OPTS);
    expect(r.rejected).toEqual([]);
    expect(
      r.participants.map((p) => [p.email, p.topics, p.availability, p.goals, p.capacity]),
    ).toEqual([
      ['ana@x.org', ['Python', 'SQL'], [{ day: 1, start: 540, end: 660 }], undefined, 3],
      ['bo@x.org', ['Design'], [{ day: 2, start: 840, end: 900 }], 'Find a job', undefined],
      ['cy@x.org', ['Hiring'], [], undefined, undefined],
      ['di@x.org', ['Negotiation'], [], undefined, 2],
    ]);
    const warnings = r.problems.filter((p) => p.code === 'role-question-other');
    expect(warnings.map((w) => [w.location?.row, w.location?.column])).toEqual([
      [4, headers[3]],
      [5, headers[4]],
    ]);
    expect(warnings[0].message).toContain('answered both roles');
    expect(warnings[1].message).toContain('answered the other role');
  });
});

describe('names and numbers', () => {
  it.each([
    [['Email', 'Coach name', 'Role'], 'Coach name'],
    [['Email', 'Mentee name', 'Role'], 'Mentee name'],
    [['Email', 'Your name', 'Role'], 'Your name'],
    [['Email', 'Full name (as in Outlook)', 'Role'], 'Full name (as in Outlook)'],
    [['Email', 'Chars in name', 'Name', 'Role'], 'Name'],
    [['Email', 'Name length', 'Full name', 'Role'], 'Full name'],
    [['Email', 'Number of name changes', 'Your name', 'Role'], 'Your name'],
  ])('%j: the name is %s', (headers, name) => {
    const { mapping } = mapHeaders(headers);
    expect(headers[mapping.fields.name!]).toBe(name);
  });

  it('a column of numbers is never the name, whatever its header says', () => {
    const headers = ['Email', 'Name', 'Display name', 'Role'];
    const samples = [
      ['a@x.org', '12', 'Ana Ruiz', 'mentor'],
      ['b@x.org', '7', 'Bo Li', 'mentee'],
    ];
    const { mapping } = mapHeaders(headers, [], undefined, samples);
    expect(mapping.fields.name).toBe(2);
    expect(fieldOf(mapping, headers, 'Name')).toBeUndefined();
  });
});

describe('preference and avoid questions', () => {
  it.each([
    ['Who would you like as a mentor? (work email)', 'preferences'],
    ['Is there anyone you would like to be paired with?', 'preferences'],
    ['Do you have someone in mind? (name or email)', 'preferences'],
    ["Is there anyone you'd rather not be paired with?", 'avoid'],
    ['Anyone you would prefer not to be matched with', 'avoid'],
    ['Preferred mentors', 'preferences'],
  ])('%s -> %s', (header, field) => {
    const headers = ['Email Address', 'Full name', 'Role', header];
    const { mapping } = mapHeaders(headers);
    const all = {
      ...mapping.fields,
      ...Object.fromEntries(
        Object.entries(mapping.byRole ?? {}).map(([f, c]) => [f, c.mentor ?? c.mentee]),
      ),
    };
    expect(Object.entries(all).find(([, c]) => c === 3)?.[0]).toBe(field);
    expect(mapping.fields.email).toBe(0);
  });

  it.each([
    ['linda.chen@acme.com', ['linda.chen@acme.com'], []],
    ['Linda Chen (linda.chen@acme.com)', ['linda.chen@acme.com'], []],
    ['Linda Chen <Linda.Chen@acme.com>; bo@x.org', ['linda.chen@acme.com', 'bo@x.org'], []],
    ['Linda Chen', [], ['Linda Chen']],
    ['Linda Chen, José Núñez', [], ['Linda Chen', 'José Núñez']],
    ['no preference', [], []],
    ['None', [], []],
    ['N/A', [], []],
    ['-', [], []],
    ['No particular preference.', [], []],
  ])('%s', (text, emails, names) => {
    expect(readReferenceCell(text, 'preferences')).toEqual({ emails, names, invalid: [] });
  });

  it('a value with an @ that is no email is ignored with a warning', () => {
    expect(readReferenceCell('linda@', 'avoid').invalid.map((i) => i.code)).toEqual([
      'avoid-invalid',
    ]);
  });

  const headers = ['Email', 'Name', 'Role', 'Who would you like as a mentor?', 'Rather not with'];
  it('resolves names to roster people, case- and accent-insensitive, across files', () => {
    const mentees = table(headers, [
      ['bo@x.org', 'Bo Li', 'mentee', 'linda CHEN', 'jose nunez'],
      ['cy@x.org', 'Cy Diaz', 'mentee', 'Alex Kim', 'Nobody Known'],
    ]);
    const mentors = table(
      ['Email', 'Name', 'Role'],
      [
        ['linda.chen@acme.com', 'Linda Chen', 'mentor'],
        ['alex.kim@acme.com', 'Alex Kim', 'mentor'],
      ],
      'mentors.csv',
    );
    const stored: Participant[] = [
      {
        email: 'jose@acme.com',
        name: 'José Núñez',
        role: 'mentor',
        languages: [],
        topics: [],
        interests: [],
        availability: [],
        preferences: [],
        avoid: [],
        status: 'active',
        attributes: {},
      },
      {
        email: 'alex.kim2@acme.com',
        name: 'Alex  Kim',
        role: 'mentor',
        languages: [],
        topics: [],
        interests: [],
        availability: [],
        preferences: [],
        avoid: [],
        status: 'active',
        attributes: {},
      },
    ];
    const p = plan([mentees, mentors], stored);
    const byEmail = new Map(p.merge.participants.map((x) => [x.email, x]));
    expect(byEmail.get('bo@x.org')?.preferences).toEqual(['linda.chen@acme.com']);
    expect(byEmail.get('bo@x.org')?.avoid).toEqual(['jose@acme.com']);
    expect(byEmail.get('cy@x.org')?.preferences).toEqual([]);
    expect(p.attention.map((a) => [a.email, a.field, a.text, a.code])).toEqual([
      ['cy@x.org', 'preferences', 'Alex Kim', 'preference-name-ambiguous'],
      ['cy@x.org', 'avoid', 'Nobody Known', 'avoid-name-unknown'],
    ]);
    expect(p.attention[0].reason).toContain('alex.kim2@acme.com, alex.kim@acme.com');
  });
});
