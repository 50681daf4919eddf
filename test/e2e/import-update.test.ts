import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { copyFixture, runCli, tempDir, removeDir } from '../helpers/cli.js';

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
  role: string;
  status: string;
  timezone?: string;
  topics: string[];
  capacity?: number;
  availability: unknown[];
  attributes: Record<string, string>;
}
const state = (name: string) =>
  JSON.parse(readFileSync(join(cwd, '.mentor', `${name}.json`), 'utf8')).data;
const people = (): Person[] => state('participants');
const byEmail = (email: string) => people().find((p) => p.email === email)!;
const write = (name: string, lines: string[]) => {
  writeFileSync(join(cwd, name), lines.join('\r\n') + '\r\n');
  return name;
};
const csv = (name: string) =>
  Papa.parse<string[]>(readFileSync(join(cwd, name), 'utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;

const FULL = [
  'Email,Name,Role,Time zone,Topics,Availability,Capacity,Level',
  'ana@acme.com,Ana Ruiz,mentor,Europe/Madrid,"Python, Leadership",Mon 9-11,3,L5',
  'bo@acme.com,Bo Chen,mentee,America/New_York,Python,Tue 14:00-16:00,,2',
  'cy@acme.com,Cy Diaz,mentor,Asia/Tokyo,Design,ask my assistant,paused,wizard',
];

describe('files that update only what they say', () => {
  it('a partial file withdraws or fills one field without wiping profiles; blanks keep; --replace clears', () => {
    expect(runCli(['import', write('full.csv', FULL)], { cwd }).code).toBe(0);
    const before = byEmail('ana@acme.com');
    // Email + Status: no name or role needed for people already stored.
    const r = runCli(
      ['import', write('left.csv', ['Email,Status', 'ana@acme.com,withdrawn']), '--json'],
      { cwd },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.updated).toEqual(['ana@acme.com']);
    expect(out.changes).toEqual([
      { email: 'ana@acme.com', field: 'status', from: 'active', to: 'withdrawn' },
    ]);
    expect(byEmail('ana@acme.com')).toMatchObject({
      ...before,
      status: 'withdrawn',
      source: { file: 'left.csv', row: 2 },
    });
    // A training list with --role mentor: only trainingCompleted changes; a new name is added.
    const training = write('trained.csv', [
      'Email,Name,Training completed',
      'bo@acme.com,Bo Chen,yes',
    ]);
    runCli(['import', training, '--role', 'mentor'], { cwd });
    expect(byEmail('bo@acme.com')).toMatchObject({
      role: 'mentee',
      timezone: 'America/New_York',
      topics: ['Python'],
    });
    // A blank Topics cell keeps the stored topics; --replace clears them, with a warning.
    const blank = write('blank.csv', ['Email,Name,Topics', 'bo@acme.com,Bo Chen,']);
    runCli(['import', blank], { cwd });
    expect(byEmail('bo@acme.com').topics).toEqual(['Python']);
    const replaced = runCli(['import', blank, '--replace'], { cwd });
    expect(byEmail('bo@acme.com').topics).toEqual([]);
    expect(replaced.stderr).toMatch(/Bo Chen: topics was emptied by this import/);
  });
});

describe('keep and flag, then fix', () => {
  it('flags unreadable values, lists them, and set fixes them; withdraw keeps everything else', () => {
    const r = runCli(['import', write('full.csv', FULL)], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 imported, 1 need attention: availability 1, level 1/);
    expect(byEmail('cy@acme.com')).toMatchObject({ capacity: 0, availability: [] });
    expect(csv('attention.csv')[0]).toEqual([
      'Email',
      'Name',
      'Availability',
      'Level',
      'Needs attention',
      'Source file',
      'Source row',
      'Submitted at',
      'Source form',
      'Listed at',
    ]);
    const list = JSON.parse(runCli(['participants', '--attention', '--json'], { cwd }).stdout);
    expect(list).toMatchObject({ people: 1, byField: { availability: 1, level: 1 } });
    expect(list.attention[0]).toMatchObject({
      email: 'cy@acme.com',
      name: 'Cy Diaz',
      field: 'availability',
      text: 'ask my assistant',
      file: 'full.csv',
      row: 4,
      column: 'Availability',
    });
    const table = runCli(['participants', '--attention'], { cwd });
    expect(table.stdout).toMatch(/Cy Diaz/);
    // A value set reads like an import; a bad one changes nothing and exits 2.
    const bad = runCli(['set', 'Cy Diaz', 'availability=sometimes'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/availability "sometimes" could not be read; nothing was changed/);
    const dry = runCli(
      ['set', 'cy@acme.com', 'availability=Wed 10-12', 'level=Senior', '--dry-run'],
      { cwd },
    );
    expect(dry.stdout).toMatch(/Cy Diaz <cy@acme.com>: availability \(empty\) -> .*Dry run/s);
    expect(byEmail('cy@acme.com').availability).toEqual([]);
    const set = runCli(['set', 'cy diaz', 'availability=Wed 10-12', 'level=Senior', '--json'], {
      cwd,
    });
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).changes.map((c: { field: string }) => c.field)).toEqual([
      'level',
      'availability',
    ]);
    expect(byEmail('cy@acme.com').availability).toEqual([{ day: 3, start: 600, end: 720 }]);
    expect(state('attention')).toEqual([]);
    const w = runCli(['withdraw', 'bo@acme.com', '--reason', 'moved teams'], { cwd });
    expect(w.code).toBe(0);
    expect(byEmail('bo@acme.com')).toMatchObject({
      status: 'withdrawn',
      topics: ['Python'],
      attributes: { 'Withdrawal reason': 'moved teams' },
    });
    const status = runCli(['status'], { cwd });
    expect(status.stdout).toMatch(/1 mentor\(s\) paused this round/);
  });

  it('re-importing the fixed attention.csv clears the items; a clean import removes stale files', () => {
    runCli(['import', write('full.csv', FULL)], { cwd });
    const rows = csv('attention.csv');
    rows[1][2] = 'Thu 9-10';
    rows[1][3] = 'L6';
    writeFileSync(join(cwd, 'attention.csv'), Papa.unparse(rows));
    const again = runCli(['import', 'attention.csv', '--json'], { cwd });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).updated).toEqual(['cy@acme.com']);
    expect(byEmail('cy@acme.com')).toMatchObject({ level: 6, topics: ['Design'], capacity: 0 });
    expect(state('attention')).toEqual([]);
    expect(existsSync(join(cwd, 'attention.csv'))).toBe(false);
  });
});

describe('fixtures/messy/google-forms.csv (42 sign-ups typed as people really type)', () => {
  it('rejects only the two rows that cannot be a person and flags the rest', () => {
    copyFixture('messy/google-forms.csv', cwd);
    const r = runCli(['import', 'google-forms.csv', '--json'], { cwd });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.added).toHaveLength(40);
    expect(out.rejected.map((x: { row: number }) => x.row)).toEqual([42, 43]);
    const fields = out.attention.map(
      (a: { field: string; text: string }) => `${a.field}:${a.text}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'availability:ask my assistant',
        'level:wizard',
        'capacity:lots',
        'timezone:Mars/Olympus',
      ]),
    );
    const ger = people().find((p) => p.email.startsWith('ana.ruiz0@'))!;
    expect(ger).toMatchObject({ role: 'mentor', timezone: 'Europe/London', capacity: 2, level: 5 });
    expect((ger as unknown as { languages: string[] }).languages).toEqual(['German', 'English']);
  });
});
