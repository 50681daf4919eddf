import { describe, expect, it } from 'vitest';
import { buildParticipants } from '../../src/core/roster/build.js';
import { mapHeaders } from '../../src/core/roster/header-map.js';
import { resolveTimeZone } from '../../src/core/timezones/resolve.js';
import { convertWindows, splitZone } from '../../src/core/availability/zone-in-text.js';
import { learnOptions, splitWithOptions } from '../../src/core/roster/options.js';
import { configSchema, defaultConfig } from '../../src/core/config.js';
import type { SourceTable } from '../../src/core/types.js';
import { participantsToJson } from '../../src/core/roster/participants-view.js';
import { planImport } from '../../src/core/roster/import-plan.js';

const table = (headers: string[], rows: string[][]): SourceTable => ({
  file: 'form.csv',
  headerRow: 1,
  headers,
  notes: [],
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});
const build = (t: SourceTable, opts: Record<string, unknown> = {}) =>
  buildParticipants(t, mapHeaders(t.headers).mapping, {
    defaultCapacity: 2,
    defaultTimezone: 'Europe/London',
    ...opts,
  });

describe('time zones people almost wrote', () => {
  it.each([
    ['Londn', 'Europe/London'],
    ['Amercia/New_York', 'America/New_York'],
    ['Europe/Berln', 'Europe/Berlin'],
    ['Sidney', 'Australia/Sydney'],
    ['Singapur', 'Asia/Singapore'],
  ])('%s is read as %s with a warning', (text, tz) => {
    const r = resolveTimeZone(text);
    expect(r.tz).toBe(tz);
    expect(r.code).toBe('timezone-near-miss');
    expect(r.warning).toContain(`read as ${tz}`);
  });

  it.each([
    ['Germany', 'Europe/Berlin'],
    ['India', 'Asia/Kolkata'],
    ['Japan', 'Asia/Tokyo'],
    ['France', 'Europe/Paris'],
    ['Spain', 'Europe/Madrid'],
  ])('the one-zone country %s is %s', (text, tz) => {
    expect(resolveTimeZone(text)).toEqual({ tz });
  });

  it.each([
    ['USA', 'America/New_York, America/Chicago, America/Denver, America/Los_Angeles'],
    ['United States', 'America/New_York, America/Chicago'],
    ['Australia', 'Australia/Sydney, Australia/Brisbane'],
    ['Brazil', 'America/Sao_Paulo, America/Manaus'],
    ['Canada', 'America/Toronto, America/Vancouver'],
  ])('the multi-zone country %s is an error listing the candidates', (text, zones) => {
    const r = resolveTimeZone(text);
    expect(r.tz).toBeUndefined();
    expect(r.code).toBe('timezone-country');
    expect(r.error).toContain(zones);
  });

  it('a word far from every zone stays unknown', () => {
    expect(resolveTimeZone('Mars/Olympus').code).toBe('timezone-invalid');
  });

  it('keeps a USA person for attention, listing the zones', () => {
    const r = build(
      table(['Email', 'Name', 'Role', 'Time zone'], [['a@x.org', 'A', 'mentee', 'USA']]),
    );
    expect(r.participants.map((p) => p.timezone)).toEqual(['Europe/London']);
    expect(r.attention.map((a) => [a.field, a.text, a.code])).toEqual([
      ['timezone', 'USA', 'timezone-country'],
    ]);
  });
});

describe('a zone written inside availability text', () => {
  it.each([
    ['9-11am EST', '9-11am', 'America/New_York'],
    ['mornings (CET)', 'mornings', 'Europe/Paris'],
    ['14:00-16:00 UTC+2', '14:00-16:00', 'Etc/GMT-2'],
    ['Tue 3pm PST', 'Tue 3pm', 'America/Los_Angeles'],
    ['Mon 9-10 Europe/Berlin time', 'Mon 9-10', 'Europe/Berlin'],
  ])('%s: %s in %s', (text, rest, zone) => {
    expect(splitZone(text)).toMatchObject({ text: rest, zone });
  });

  it.each(['Tuesday best', 'mostly afternoons', 'est. 3 hours'])('%s names no zone', (text) => {
    expect(splitZone(text).zone).toBeUndefined();
  });

  it('converts windows across midnight and the week end', () => {
    const ref = new Date('2027-01-11T12:00:00Z');
    expect(
      convertWindows(
        [{ day: 7, start: 22 * 60, end: 23 * 60 }],
        'America/New_York',
        'Europe/London',
        ref,
      ),
    ).toEqual([{ day: 1, start: 3 * 60, end: 4 * 60 }]);
    expect(
      convertWindows([{ day: 1, start: 60, end: 180 }], 'Europe/London', 'America/New_York', ref),
    ).toEqual([{ day: 7, start: 20 * 60, end: 22 * 60 }]);
    // Across midnight: Mon 23:00-01:00 in New York is Tue 04:00-06:00 in London.
    expect(
      convertWindows(
        [
          { day: 1, start: 23 * 60, end: 1440 },
          { day: 2, start: 0, end: 60 },
        ],
        'America/New_York',
        'Europe/London',
        ref,
      ),
    ).toEqual([{ day: 2, start: 4 * 60, end: 6 * 60 }]);
  });

  it("converts into the person's zone with a notice when it differs", () => {
    const r = build(
      table(
        ['Email', 'Name', 'Role', 'Time zone', 'Availability'],
        [
          ['a@x.org', 'A', 'mentee', 'Europe/London', 'Mon 9-11am EST'],
          ['b@x.org', 'B', 'mentee', 'America/New_York', 'Mon 9-11am EST'],
          ['c@x.org', 'C', 'mentee', 'Europe/Berlin', 'Tue 14:00-16:00 UTC+2'],
        ],
      ),
    );
    expect(r.participants.map((p) => p.availability)).toEqual([
      [{ day: 1, start: 14 * 60, end: 16 * 60 }],
      [{ day: 1, start: 9 * 60, end: 11 * 60 }],
      [{ day: 2, start: 13 * 60, end: 15 * 60 }],
    ]);
    const notices = r.problems.filter((p) => p.code === 'availability-zone-converted');
    expect(notices.map((n) => n.location?.row)).toEqual([2, 4]);
    expect(notices[0].message).toContain('written in America/New_York, not Europe/London');
  });
});

describe('checkbox options that contain a comma', () => {
  const cells = [
    'Research, design & UX',
    'Python, Research, design & UX',
    'Python',
    'Leadership, Python',
    'Leadership',
  ];
  it('learns the options from the column, then splits around them', () => {
    expect(learnOptions(cells)).toEqual(['Research, design & UX']);
    const options = learnOptions(cells);
    expect(splitWithOptions('Python, Research, design & UX', options)).toEqual([
      'Python',
      'Research, design & UX',
    ]);
    expect(splitWithOptions('Research, design & UX, Leadership', options)).toEqual([
      'Research, design & UX',
      'Leadership',
    ]);
    expect(splitWithOptions('Leadership, Python', options)).toEqual(['Leadership', 'Python']);
  });

  it('never learns two options that are also chosen alone', () => {
    expect(learnOptions(['Python, SQL', 'Python, SQL', 'Python', 'SQL'])).toEqual([]);
  });

  it('an import keeps the option whole', () => {
    const r = build(
      table(
        ['Email', 'Name', 'Role', 'Topics'],
        cells.map((c, i) => [`p${i}@x.org`, `P${i}`, 'mentee', c]),
      ),
    );
    expect(r.participants[1].topics).toEqual(['Python', 'Research, design & UX']);
    expect(r.participants[3].topics).toEqual(['Leadership', 'Python']);
  });
});

describe('config: import.rejectOn and participants.levelWords', () => {
  it('has documented defaults and validates', () => {
    const c = defaultConfig();
    expect(c.import?.rejectOn).toEqual([]);
    expect(c.participants.levelWords?.senior).toBe(5);
    expect(configSchema.safeParse(c).success).toBe(true);
    const bad = { ...c, import: { rejectOn: ['email'] } };
    expect(configSchema.safeParse(bad).success).toBe(false);
  });

  it('levelWords replaces the built-in words; rejectOn rejects an unreadable level', () => {
    const t = table(
      ['Email', 'Name', 'Role', 'Level'],
      [
        ['a@x.org', 'A', 'mentor', 'Rockstar'],
        ['b@x.org', 'B', 'mentor', 'Wizard'],
      ],
    );
    const r = build(t, { levelWords: { rockstar: 7 } });
    expect(r.participants.map((p) => p.level)).toEqual([7, undefined]);
    const strict = build(t, { levelWords: { rockstar: 7 }, rejectOn: ['level'] });
    expect(strict.rejected.map((x) => x.line)).toEqual([3]);
  });
});

describe('every mapped cell keeps its original text', () => {
  const headers = ['Email', 'Name', 'Role', 'Time zone', 'Availability', 'Level', 'Topics'];
  it('keeps what was typed where the stored value does not show it', () => {
    const r = build(
      table(headers, [
        ['Ana@X.org', 'Ana', 'Mentor', 'Londn', 'after 3pm', 'Senior (L5)', 'Python, SQL'],
      ]),
    );
    expect(r.participants[0].source?.text).toEqual({
      email: 'Ana@X.org',
      role: 'Mentor',
      timezone: 'Londn',
      availability: 'after 3pm',
      level: 'Senior (L5)',
    });
    const json = participantsToJson(r.participants, { includeSensitive: false, sensitive: [] });
    expect((json[0].source as { text: Record<string, string> }).text.availability).toBe(
      'after 3pm',
    );
  });

  it('a partial update keeps the typed text of the fields it does not give', () => {
    const first = table(headers, [['ana@x.org', 'Ana', 'mentor', 'Londn', 'after 3pm', '5', '']]);
    const stored = build(first).participants;
    const update = table(['Email', 'Level'], [['ana@x.org', 'Staff (L6)']]);
    const p = planImport([{ table: update, mapping: mapHeaders(update.headers).mapping }], stored, {
      defaultCapacity: 2,
      defaultTimezone: 'Europe/London',
    }).merge.participants[0];
    expect(p.source?.text).toEqual({
      timezone: 'Londn',
      availability: 'after 3pm',
      level: 'Staff (L6)',
    });
  });
});
