import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, runCli, tempDir, removeDir } from '../helpers/cli.js';

// fixtures/messy/ (written by fixtures/make-messy.mjs): exports in the shapes real tools produce,
// with the phrasings of issue 9. Who is imported, kept with flags, rejected, and with what values.

let cwd: string;
beforeEach(() => {
  cwd = tempDir();
  const init = ['init', '.', '--start', '2027-01-11', '--end', '2027-06-25'];
  expect(runCli([...init, '--timezone', 'Europe/London'], { cwd }).code).toBe(0);
});
afterEach(() => removeDir(cwd));

type Person = Record<string, unknown> & { email: string };
const people = (): Person[] =>
  JSON.parse(readFileSync(join(cwd, '.mentor', 'participants.json'), 'utf8')).data;
const byEmail = (email: string) => people().find((p) => p.email === email)!;
interface ImportJson {
  added: string[];
  rejected: Array<{ row: number; reasons: Array<{ code: string }> }>;
  attention: Array<{ row: number; field: string; text: string; email: string }>;
  warnings: Array<{ code: string; row?: number }>;
  files: Array<{ sheet?: string; rows: number; accepted: number; columns: unknown }>;
}
const run = (file: string): { code: number; out: ImportJson; stderr: string } => {
  copyFixture(`messy/${file}`, cwd);
  const r = runCli(['import', file, '--json'], { cwd });
  return { code: r.code, out: JSON.parse(r.stdout) as ImportJson, stderr: r.stderr };
};
const rejectedRows = (out: ImportJson) =>
  out.rejected.map((r) => [r.row, r.reasons.map((x) => x.code)]);
const flagged = (out: ImportJson) => out.attention.map((a) => [a.row, a.field, a.text]);

describe('fixtures/messy/microsoft-forms.xlsx (43 responses behind an instructions sheet)', () => {
  it('imports 40 people from the responses sheet, flags 4 values and rejects the 2 non-people', () => {
    const { code, out, stderr } = run('microsoft-forms.xlsx');
    expect(code).toBe(1);
    expect(stderr).toMatch(/sheet "Form1" chosen: its header holds email and name/);
    expect(out.files[0]).toMatchObject({ sheet: 'Form1', rows: 43, accepted: 41 });
    expect(out.added).toHaveLength(40);
    expect(rejectedRows(out)).toEqual([
      [18, ['email-invalid']],
      [19, ['email-missing', 'name-missing']],
    ]);
    expect(flagged(out)).toEqual([
      [6, 'availability', 'ask my PA'],
      [7, 'level', 'wizard'],
      [8, 'capacity', 'lots'],
      [9, 'timezone', 'USA'],
    ]);
    expect(out.files[0].columns).toMatchObject({
      byRole: [
        { header: 'If you are a mentor, how many mentees can you take?', field: 'capacity' },
        { header: 'What can you help with? (mentors)', field: 'topics', role: 'mentor' },
        { header: 'What would you like help with? (mentees)', field: 'topics', role: 'mentee' },
        { header: 'Who would you like as a mentor? (work email)', field: 'preferences' },
      ],
    });
    const codes = (c: string) => out.warnings.filter((w) => w.code === c).map((w) => w.row);
    expect(codes('duplicate-email')).toEqual([3]);
    expect(codes('role-question-other')).toEqual([21]);
    expect(codes('timezone-near-miss')).toEqual([10]);
    expect(codes('availability-zone-converted')).toEqual([12]);

    // Values as read: level words and codes, zones by country, capacity words and ranges.
    expect(byEmail('ana.ruiz0@contoso.com')).toMatchObject({
      role: 'mentor',
      level: 5,
      capacity: 2,
      topics: ['Research, design & UX'],
      availability: [{ day: 1, start: 540, end: 660 }],
    });
    // The later submission of the same person wins (Fri 14:00-16:00).
    expect(byEmail('bo.patel1@contoso.com')).toMatchObject({
      role: 'both',
      level: 5,
      availability: [{ day: 5, start: 840, end: 960 }],
    });
    // "Leadership, Career growth" is two options: "Leadership" is chosen alone by mentors.
    expect(byEmail('chloé.novak2@contoso.com')).toMatchObject({
      role: 'mentee',
      level: 6,
      topics: ['Leadership', 'Career growth'],
      languages: ['English', 'French'],
    });
    expect(byEmail('dev.chen3@contoso.com')).toMatchObject({ timezone: 'Asia/Kolkata', level: 4 });
    expect(byEmail('emeka.okafor4@contoso.com')).toMatchObject({ availability: [] });
    expect(byEmail('fatima.sato5@contoso.com').level).toBeUndefined();
    expect(byEmail('goran.dubois6@contoso.com')).toMatchObject({ capacity: 2 });
    expect(byEmail('hana.haddad7@contoso.com')).toMatchObject({ timezone: 'Europe/London' });
    expect(byEmail('ines.ruiz8@contoso.com')).toMatchObject({
      timezone: 'America/New_York',
      availability: [],
    });
    expect(byEmail('jonas.patel9@contoso.com')).toMatchObject({ role: 'mentor', capacity: 0 });
    // "9-11am EST" from London: 14:00-16:00 London time on weekdays.
    expect(byEmail('ana.novak10@contoso.com')).toMatchObject({
      availability: [1, 2, 3, 4, 5].map((day) => ({ day, start: 840, end: 960 })),
    });
    expect(byEmail('bo.chen11@contoso.com').preferences).toEqual(['ana.ruiz0@contoso.com']);
    expect(byEmail('dev.sato13@contoso.com').preferences).toEqual(['goran.novak26@contoso.com']);
    expect(byEmail('emeka.dubois14@contoso.com').preferences).toEqual([]);
    expect(byEmail('jonas.chen19@contoso.com').topics).toEqual(['Research, design & UX']);
    expect(byEmail('ana.dubois30@contoso.com')).toMatchObject({
      topics: ['Data', 'Python'],
      capacity: 1,
      level: 3,
    });
    // What was typed is kept where the stored value does not show it.
    expect(byEmail('dev.chen3@contoso.com').source).toMatchObject({
      text: { timezone: 'India', level: 'P4' },
    });
  });
});

describe('fixtures/messy/hr-system.csv (44 rows, semicolons, Windows zone names, grades)', () => {
  it('imports 41 people, flags 3 values and rejects the 3 rows that cannot be a person', () => {
    const { code, out, stderr } = run('hr-system.csv');
    expect(code).toBe(1);
    expect(out.added).toHaveLength(41);
    expect(rejectedRows(out)).toEqual([
      [14, ['email-invalid']],
      [15, ['role-missing']],
      [16, ['name-missing']],
    ]);
    expect(flagged(out)).toEqual([
      [5, 'level', 'Contractor'],
      [7, 'timezone', 'Brazil'],
      [10, 'trainingCompleted', 'maybe'],
    ]);
    // The helper column is never the name, the employee number is an attribute.
    expect(stderr).toMatch(/columns kept as extra attributes: "Employee ID", "Chars in name"/);
    expect(byEmail('ana.okafor100@contoso.com')).toMatchObject({
      name: 'Ana Okafor',
      role: 'mentor',
      level: 3,
      timezone: 'America/New_York',
      trainingCompleted: true,
      department: 'Finance',
      attributes: { 'Employee ID': '00100200', 'Chars in name': '10' },
      source: { text: { trainingCompleted: '2026-10-14', level: 'Band 3' } },
    });
    expect(byEmail('bo.sato101@contoso.com')).toMatchObject({
      level: 4,
      timezone: 'Europe/Berlin',
      managerEmail: 'emeka.ruiz104@contoso.com',
    });
    expect(byEmail('chloé.dubois102@contoso.com')).toMatchObject({
      level: 7,
      timezone: 'Europe/London',
    });
    expect(byEmail('ana.okafor140@contoso.com')).toMatchObject({
      level: 8,
      trainingCompleted: true,
    });
    expect(byEmail('ana.dubois110@contoso.com')).toMatchObject({ status: 'withdrawn', level: 6 });
    expect(people().filter((p) => p.status === 'withdrawn')).toHaveLength(4);
  });
});
