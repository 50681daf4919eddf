import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { P } from '../helpers/matching-gen.js';
import type { Participant } from '../../src/core/types.js';

let dir: string;
const state = (name: string, data: unknown) =>
  writeFileSync(
    join(dir, '.mentor', `${name}.json`),
    JSON.stringify({ version: 1, updatedAt: '2027-01-01T00:00:00.000Z', data }),
  );
const attrs = (x: Record<string, string>) => Object.assign(Object.create(null), x);
const people: Participant[] = [
  P('tom@x.org', {
    name: 'Tom',
    topics: ['Python', 'Leadership'],
    department: 'Sales',
    level: 2,
    attributes: attrs({ gender: 'F' }),
  }),
  P('eve@x.org', {
    name: 'Eve',
    topics: ['Leadership'],
    department: 'Sales',
    level: 1,
    attributes: attrs({ gender: 'M' }),
  }),
  P('ana@x.org', {
    name: 'Ana',
    role: 'mentor',
    capacity: 1,
    topics: ['python', 'leadership'],
    department: 'IT',
    level: 5,
    trainingCompleted: true,
    attributes: attrs({ gender: 'F' }),
  }),
  P('bob@x.org', {
    name: 'Bob',
    role: 'mentor',
    capacity: 1,
    topics: ['Leadership'],
    department: 'IT',
    level: 4,
    trainingCompleted: true,
    attributes: attrs({ gender: 'M' }),
  }),
];
const pairsOf = (stdout: string) =>
  JSON.parse(stdout).pairs.map((p: { mentee: string; mentor: string; origin: string }) => [
    p.mentee,
    p.mentor,
    p.origin,
  ]);

beforeAll(() => {
  dir = tempDir('mentor-match-features-');
  expect(runCli(['init', '.', '--yes'], { cwd: dir }).code).toBe(0);
  mkdirSync(join(dir, '.mentor'), { recursive: true });
  state('participants', people);
  const cfgFile = join(dir, 'mentor.config.json');
  const cfg = JSON.parse(readFileSync(cfgFile, 'utf8'));
  cfg.matching.attributeRules = [
    { attribute: 'gender', compare: 'same', mode: 'prefer', weight: 10 },
  ];
  writeFileSync(cfgFile, JSON.stringify(cfg, null, 2));
});
afterAll(() => removeDir(dir));

describe('match: keeping, fixing and history', () => {
  it('--manual pairs are fixed first, the rest is optimised around them', () => {
    writeFileSync(join(dir, 'manual.csv'), 'Mentee,Mentor\ntom@x.org,bob@x.org\n');
    const r = runCli(['match', '--manual', 'manual.csv', '--dry-run', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(pairsOf(r.stdout)).toEqual([
      ['tom@x.org', 'bob@x.org', 'manual'],
      ['eve@x.org', 'ana@x.org', 'optimal'],
    ]);
  });

  it('--previous reads an earlier matches export and never repeats its pairs', () => {
    writeFileSync(
      join(dir, 'prev.csv'),
      '\uFEFFmentee,menteeName,mentor,mentorName,score,reasons\r\ntom@x.org,Tom,ana@x.org,Ana,80,x\r\n',
    );
    const before = runCli(['match', '--dry-run', '--json'], { cwd: dir });
    expect(pairsOf(before.stdout)).toContainEqual(['tom@x.org', 'ana@x.org', 'optimal']);
    const r = runCli(['match', '--previous', 'prev.csv', '--dry-run', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(pairsOf(r.stdout)).toEqual([
      ['tom@x.org', 'bob@x.org', 'optimal'],
      ['eve@x.org', 'ana@x.org', 'optimal'],
    ]);
  });

  it('unmatch without --reason and without a terminal is exit 2 naming the flag', () => {
    const r = runCli(['unmatch', 'tom@x.org', 'ana@x.org'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--reason');
  });
});

describe('match: suggestions', () => {
  it('--suggest N --out writes CSV, JSON and XLSX as well as the table on stdout', async () => {
    const csv = runCli(['match', '--suggest', '2', '--out', 'sugg.csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    // Issue 15: the terminal table names people; the files keep emails.
    expect(csv.stdout).toContain('Tom');
    const lines = readFileSync(join(dir, 'sugg.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('mentee,menteeName,rank,mentor,mentorName,score,reasons');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'tom@x.org,Tom,1,ana@x.org',
      'tom@x.org,Tom,2,bob@x.org',
      'eve@x.org,Eve,1,bob@x.org',
      'eve@x.org,Eve,2,ana@x.org',
    ]);
    expect(runCli(['match', '--suggest', '1', '--out', 'sugg.json'], { cwd: dir }).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'sugg.json'), 'utf8'));
    expect(
      doc.suggestions.map((s: { mentee: string; mentors: Array<{ email: string }> }) => [
        s.mentee,
        s.mentors.map((m) => m.email),
      ]),
    ).toEqual([
      ['tom@x.org', ['ana@x.org']],
      ['eve@x.org', ['bob@x.org']],
    ]);
    expect(runCli(['match', '--suggest', '1', '--out', 'sugg.xlsx'], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'sugg.xlsx'));
    const ws = wb.getWorksheet('Suggestions')!;
    expect([
      ws.getRow(2).getCell(1).value,
      ws.getRow(2).getCell(3).value,
      ws.getRow(2).getCell(4).value,
    ]).toEqual(['tom@x.org', 1, 'ana@x.org']);
  });

  it('--out without --suggest is exit 2', () => {
    const r = runCli(['match', '--out', 'x.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out only works with --suggest');
  });
});

describe('match: output wording, sensitive reasons and warnings', () => {
  it('reasons from sensitive attributes appear only with --include-sensitive', () => {
    const hidden = JSON.parse(runCli(['match', '--dry-run', '--json'], { cwd: dir }).stdout);
    expect(JSON.stringify(hidden.pairs)).not.toMatch(/gender/i);
    const shown = JSON.parse(
      runCli(['match', '--dry-run', '--json', '--include-sensitive'], { cwd: dir }).stdout,
    );
    expect(JSON.stringify(shown.pairs)).toMatch(/gender/i);
  });

  it('the peer model counts people, not mentees', () => {
    const r = runCli(['match', '--model', 'peer', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^Dry run \(nothing saved\): paired 4 of 4 people \(peer, optimal\)$/,
    );
  });

  it('warns about a rule nobody can meet', () => {
    const r = runCli(['match', '--min-score', '1000', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no pair meets matching.minScore');
  });

  it('a --pair-scores pair listed twice: warning naming both rows, the later row wins', () => {
    writeFileSync(
      join(dir, 'dup.csv'),
      'mentee,mentor,score\ntom@x.org,ana@x.org,10\neve@x.org,bob@x.org,50\ntom@x.org,bob@x.org,40\ntom@x.org,ana@x.org,90\n',
    );
    const r = runCli(['match', '--pair-scores', 'dup.csv', '--dry-run', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'dup.csv: 1 pair(s) listed more than once (row 5 repeats tom@x.org – ana@x.org from row 2); the later row wins',
    );
    expect(
      JSON.parse(r.stdout).pairs.map((p: { mentee: string; mentor: string; score: number }) => [
        p.mentee,
        p.mentor,
        p.score,
      ]),
    ).toEqual([
      ['tom@x.org', 'ana@x.org', 90],
      ['eve@x.org', 'bob@x.org', 50],
    ]);
  });
});
