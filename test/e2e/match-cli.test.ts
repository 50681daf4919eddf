import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const readMatches = () =>
  JSON.parse(readFileSync(join(dir, '.mentor', 'matches.json'), 'utf8')).data;

const people: Participant[] = [
  P('tom@x.org', {
    name: 'Tom',
    topics: ['Python', 'Leadership'],
    department: 'Sales',
    level: 2,
    preferences: ['ana@x.org'],
    availability: [{ day: 2, start: 540, end: 720 }],
  }),
  P('eve@x.org', {
    name: 'Eve',
    topics: ['Leadership'],
    department: 'Sales',
    level: 1,
    availability: [{ day: 2, start: 540, end: 720 }],
  }),
  P('ned@x.org', { name: 'Ned', topics: ['Python'], languages: ['French'], department: 'IT' }),
  P('ana@x.org', {
    name: 'Ana',
    role: 'mentor',
    capacity: 1,
    topics: ['python', 'leadership'],
    department: 'IT',
    level: 5,
    trainingCompleted: true,
    availability: [{ day: 2, start: 540, end: 720 }],
  }),
  P('bob@x.org', {
    name: 'Bob',
    role: 'mentor',
    capacity: 1,
    topics: ['Leadership'],
    department: 'IT',
    level: 4,
    trainingCompleted: true,
    availability: [{ day: 2, start: 600, end: 720 }],
  }),
];

beforeAll(() => {
  dir = tempDir('mentor-match-');
  expect(runCli(['init', '.', '--yes'], { cwd: dir }).code).toBe(0);
  mkdirSync(join(dir, '.mentor'), { recursive: true });
});
afterAll(() => removeDir(dir));

describe('mentor-cli match', () => {
  it('says to import first when there are no participants', () => {
    const r = runCli(['match'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `mentor-cli import FILE` first'.replace('run', 'Run'));
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('--dry-run shows the result and saves nothing', () => {
    state('participants', people);
    const r = runCli(['match', '--dry-run', '--json', '--now', '2027-01-05'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ dryRun: true, mentees: 3, matched: 2 });
    expect(existsSync(join(dir, '.mentor', 'matches.json'))).toBe(false);
  });

  it('matches, explains, gives every unmatched mentee a reason, and stores the pairs', () => {
    const r = runCli(['match', '--json', '--audit', '--now', '2027-01-05'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.pairs.map((p: { mentee: string; mentor: string }) => [p.mentee, p.mentor])).toEqual(
      [
        ['tom@x.org', 'ana@x.org'],
        ['eve@x.org', 'bob@x.org'],
      ].sort((a, b) => (a[0] === 'tom@x.org' ? -1 : 1) - (b[0] === 'tom@x.org' ? -1 : 1)),
    );
    const tom = doc.pairs.find((p: { mentee: string }) => p.mentee === 'tom@x.org');
    expect(tom.reasons).toEqual([
      'shares Python and Leadership',
      '3 h overlap in availability',
      'both speak English',
      'mentor is 3 levels more senior',
      'different department',
      "mentee's 1st choice",
    ]);
    expect(doc.unmatched).toEqual([
      {
        email: 'ned@x.org',
        name: 'Ned',
        code: 'no-allowed',
        reason: 'no mentor shares a language with them',
      },
    ]);
    expect(doc.mentorUtilisation).toEqual({ used: 2, capacity: 2, rate: 1 });
    expect(doc.audit.choices).toEqual([
      { choice: '1st', mentees: 1 },
      { choice: '2nd', mentees: 1 },
    ]);
    const st = readMatches();
    expect(st.matches).toHaveLength(2);
    expect(st.matches[0].createdAt).toBe('2027-01-05T12:00:00.000Z');
    expect(st.runs).toHaveLength(1);
  });

  it('exports an XLSX with Matches, Unmatched and Audit sheets', async () => {
    const r = runCli(['export', 'matches', '--format', 'xlsx', '--out', 'matches.xlsx'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'matches.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Matches', 'Unmatched', 'Audit']);
    const m = wb.getWorksheet('Matches')!;
    expect(m.getRow(1).values).toContain('Reasons');
    expect(String(m.getRow(2).getCell(6).value)).toContain('shares Python and Leadership');
    expect(wb.getWorksheet('Unmatched')!.getRow(2).getCell(3).value).toBe(
      'no mentor shares a language with them',
    );
  });

  it('rejects a --pair-scores file with a bad score: one line, exit 2', () => {
    writeFileSync(
      join(dir, 'pairs.csv'),
      'mentee,mentor,score\ntom@x.org,ana@x.org,80\neve@x.org,bob@x.org,lots\n',
    );
    const r = runCli(['match', '--pair-scores', 'pairs.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: pairs.csv, row 3, column "score": "lots" is not a number. Use a number such as 72 or 7.5',
    );
  });

  it('uses --pair-scores and reports changes since the last run', () => {
    writeFileSync(
      join(dir, 'pairs.csv'),
      'Mentee,Mentor,Score\ntom@x.org,bob@x.org,90\neve@x.org,ana@x.org,85\ntom@x.org,ana@x.org,10\n',
    );
    const r = runCli(['match', '--pair-scores', 'pairs.csv', '--json', '--diff'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(
      doc.pairs.map((p: { mentee: string; mentor: string; score: number }) => [
        p.mentee,
        p.mentor,
        p.score,
      ]),
    ).toEqual([
      ['tom@x.org', 'bob@x.org', 90],
      ['eve@x.org', 'ana@x.org', 85],
    ]);
    expect(doc.changes.map((c: { mentee: string; kind: string }) => [c.mentee, c.kind])).toEqual([
      ['eve@x.org', 'changed'],
      ['tom@x.org', 'changed'],
    ]);
  });

  it('unmatch ends a pair; --keep keeps the rest and the ended pair is not repeated', () => {
    const u = runCli(
      ['unmatch', 'tom@x.org', 'bob@x.org', '--reason', 'moved team', '--now', '2027-02-01'],
      { cwd: dir },
    );
    expect(u.code).toBe(0);
    const ended = readMatches().matches.find(
      (m: { mentee: string; mentor: string }) => m.mentee === 'tom@x.org',
    );
    expect(ended).toMatchObject({
      status: 'ended',
      endReason: 'moved team',
      endedAt: '2027-02-01T12:00:00.000Z',
    });
    const r = runCli(['match', '--keep', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.pairs.find((p: { mentee: string }) => p.mentee === 'eve@x.org')).toMatchObject({
      mentor: 'ana@x.org',
      origin: 'kept',
    });
    expect(doc.pairs.find((p: { mentee: string }) => p.mentee === 'tom@x.org')).toBeUndefined();
  });

  it('--strict exits 1 when mentees stay unmatched', () => {
    expect(runCli(['match', '--strict', '--dry-run'], { cwd: dir }).code).toBe(1);
  });
});
