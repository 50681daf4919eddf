import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

// Fixes that stick (issue 9, section 5): import -> fix in rejected.csv / attention.csv / set ->
// re-import -> re-import the original export, which must not undo any fix.

let cwd: string;
beforeEach(() => {
  cwd = tempDir();
  const init = ['init', '.', '--start', '2027-01-11', '--end', '2027-06-25'];
  expect(runCli([...init, '--timezone', 'Europe/London'], { cwd }).code).toBe(0);
});
afterEach(() => removeDir(cwd));

interface Person {
  email: string;
  name: string;
  timezone?: string;
  level?: number;
  availability: unknown[];
  submittedAt?: string;
}
const state = (name: string) =>
  JSON.parse(readFileSync(join(cwd, '.mentor', `${name}.json`), 'utf8')).data;
const byEmail = (email: string): Person =>
  (state('participants') as Person[]).find((p) => p.email === email)!;
const write = (name: string, lines: string[]) => {
  writeFileSync(join(cwd, name), lines.join('\r\n') + '\r\n');
  return name;
};
const rows = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(cwd, name), 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
const saveRows = (name: string, data: Array<Record<string, string>>) =>
  writeFileSync(join(cwd, name), Papa.unparse(data));
const NOW = ['--now', '2026-12-02T04:00:00Z'];

// A form whose headers need the saved mapping: "Joining as" is a loose guess for the role, and
// "Grade" would not be read as the level without it.
const HEADER = 'Timestamp,Work mail,Full name,Joining as,Time zone,When are you free?,Grade';
const FORM = [
  HEADER,
  '2026/11/01 9:00:00 AM GMT,ana@acme.com,Ana Ruiz,Mentor,Europe/Madrid,ask my assistant,L5',
  '2026/11/02 9:00:00 AM GMT,bo@acme,Bo Chen,Mentee,Europe/London,Mon 9-11,2',
  '2026/11/03 9:00:00 AM GMT,cy@acme.com,Cy Diaz,Mentee,Londn,Tue 9-11,wizard',
];
const MAP = ['--map', 'Work mail=email', '--map', 'Joining as=role', '--map', 'Grade=level'];

describe('fixes that stick', () => {
  it('round trip: fix rejected.csv, attention.csv and set; the original export undoes none', () => {
    const first = runCli(['import', write('form.csv', FORM), ...MAP, ...NOW], { cwd });
    expect(first.code).toBe(1);
    const rejected = rows('rejected.csv');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      'Work mail': 'bo@acme',
      'Source file': 'form.csv',
      'Source row': '3',
      'Submitted at': '2026-11-02T09:00:00.000Z',
      'Listed at': '2026-12-02T04:00:00Z',
    });
    expect(rejected[0]['Source form']).toMatch(/^[0-9a-f]{16}$/);
    expect(rejected[0]['Source key']).toMatch(/^[0-9a-f]{16}$/);
    const attention = rows('attention.csv');
    expect(attention.map((r) => [r.Email, r['When are you free?'], r.Grade])).toEqual([
      ['ana@acme.com', 'ask my assistant', ''],
      ['cy@acme.com', '', 'wizard'],
    ]);
    expect(attention[0]).toMatchObject({
      'Submitted at': '2026-11-01T09:00:00.000Z',
      'Listed at': '2026-12-02T04:00:00Z',
      'Source form': rejected[0]['Source form'],
    });

    // Fix attention.csv first, then import the fixed rejected.csv: that import must not rewrite
    // the attention.csv being edited. Both come back without any --map (the source form's).
    attention[0]['When are you free?'] = 'Thu 9-10';
    attention[1].Grade = 'Senior';
    saveRows('attention.csv', attention);
    rejected[0]['Work mail'] = 'bo@acme.com';
    saveRows('rejected.csv', rejected);
    const fixR = runCli(['import', 'rejected.csv', '--json'], { cwd });
    expect(fixR.code).toBe(0);
    expect(JSON.parse(fixR.stdout).added).toEqual(['bo@acme.com']);
    expect(byEmail('bo@acme.com')).toMatchObject({
      name: 'Bo Chen',
      level: 2,
      submittedAt: '2026-11-02T09:00:00.000Z',
    });
    expect(existsSync(join(cwd, 'rejected.csv'))).toBe(false);
    expect(rows('attention.csv')[0]['When are you free?']).toBe('Thu 9-10');
    const fixA = runCli(['import', 'attention.csv', '--json'], { cwd });
    expect(fixA.code).toBe(0);
    expect(JSON.parse(fixA.stdout).updated).toEqual(['ana@acme.com', 'cy@acme.com']);
    expect(existsSync(join(cwd, 'attention.csv'))).toBe(false);
    expect(state('attention')).toEqual([]);
    expect(runCli(['set', 'Cy Diaz', 'timezone=Asia/Tokyo'], { cwd }).code).toBe(0);

    // The original export again: every fix stands, nothing is rejected or flagged again.
    const again = runCli(['import', 'form.csv', '--json'], { cwd });
    expect(again.code).toBe(0);
    const out = JSON.parse(again.stdout);
    expect(out).toMatchObject({
      added: [],
      updated: [],
      unchanged: 2,
      rejected: [],
      attention: [],
    });
    expect(out.notices.map((n: { code: string; row: number }) => [n.code, n.row])).toEqual([
      ['fix-kept', 2],
      ['fixed-row-skipped', 3],
      ['fix-kept', 4],
      ['fix-kept', 4],
    ]);
    expect(again.stderr).toMatch(
      /form\.csv, row 3: this row was fixed in rejected\.csv on 2026-12-0\d \(imported as bo@acme\.com\); skipped while it is unchanged/,
    );
    expect(again.stderr).toMatch(
      /Cy Diaz: timezone keeps the fix made with set on .*; this row still says "Londn"/,
    );
    expect(byEmail('ana@acme.com').availability).toEqual([{ day: 4, start: 540, end: 600 }]);
    expect(byEmail('cy@acme.com')).toMatchObject({ level: 5, timezone: 'Asia/Tokyo' });
    expect(existsSync(join(cwd, 'rejected.csv'))).toBe(false);
    expect(existsSync(join(cwd, 'attention.csv'))).toBe(false);

    // The person changes their answer in the source: the new answer wins, with a warning.
    const edited = FORM.slice();
    edited[1] = edited[1].replace('ask my assistant', 'Fri 14-15');
    const changed = runCli(['import', write('form.csv', edited), '--json'], { cwd });
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout).updated).toEqual(['ana@acme.com']);
    expect(changed.stderr).toMatch(
      /Ana Ruiz changed their answer for availability to "Fri 14-15"; it replaces the fix made with attention\.csv/,
    );
    expect(byEmail('ana@acme.com').availability).toEqual([{ day: 5, start: 840, end: 900 }]);
    expect(
      (state('fixes').fields as Array<{ email: string; field: string }>).map(
        (f) => `${f.email} ${f.field}`,
      ),
    ).toEqual(['cy@acme.com level', 'cy@acme.com timezone']);
  });

  it('a fixed older submission never silently replaces a newer one', () => {
    runCli(['import', write('form.csv', FORM), ...MAP], { cwd });
    const rejected = rows('rejected.csv');
    // Meanwhile Bo submitted the form again, correctly, with another level.
    const later = [...FORM, '2026/11/10 9:00:00 AM GMT,bo@acme.com,Bo Chen,Mentee,Europe/Paris,,3'];
    expect(runCli(['import', write('form.csv', later)], { cwd }).code).toBe(1);
    expect(byEmail('bo@acme.com')).toMatchObject({ level: 3, timezone: 'Europe/Paris' });
    rejected[0]['Work mail'] = 'bo@acme.com';
    saveRows('old-fix.csv', rejected);
    const r = runCli(['import', 'old-fix.csv', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: [], updated: [], unchanged: 1 });
    expect(r.stderr).toMatch(
      /Bo Chen: old-fix\.csv row 2 was submitted 2026-11-02T09:00:00\.000Z, before the stored submission from form\.csv row 5 \(2026-11-10T09:00:00\.000Z\); kept the newer one/,
    );
    expect(byEmail('bo@acme.com')).toMatchObject({ level: 3, timezone: 'Europe/Paris' });
  });
});
