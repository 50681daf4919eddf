import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

const HEAD =
  'email,name,role,department,level,timezone,languages,topics,interests,capacity,availability';
const ROWS = [
  'ana@example.com,Ana Ruiz,mentor,Engineering,5,Europe/Madrid,"Spanish, English",' +
    '"Python, Leadership, Career growth, Public speaking, Negotiation","Running, Chess",2,"Mon 09:00-17:00"',
  'raj@example.com,Raj Patel,mentor,Finance,4,Europe/London,English,' +
    '"Leadership, Negotiation, Budgeting",Chess,2,"Mon 09:00-17:00"',
  'kim@example.com,Kim Lee,mentor,Sales,4,Europe/London,English,"Sales, Python",Running,1,' +
    '"Mon 09:00-17:00"',
  'tom@example.com,Tom Lee,mentee,Marketing,2,Europe/London,English,' +
    '"Leadership, Python, Public speaking, Negotiation, Career growth","Running, Chess",,' +
    '"Mon 09:00-17:00"',
  // Two people called Sam Wu: the terminal tells them apart by email.
  'sam1@example.com,Sam Wu,mentee,Sales,1,Europe/London,English,"Budgeting, Sales",Chess,,' +
    '"Mon 09:00-17:00"',
  'sam2@example.com,Sam Wu,mentee,Sales,1,Europe/London,English,"Sales",Running,,"Mon 09:00-17:00"',
];

/** A matched program of three mentors and three mentees. */
function program(): string {
  const cwd = tempDir();
  dirs.push(cwd);
  expect(runCli(['init', '.'], { cwd }).code).toBe(0);
  writeFileSync(join(cwd, 'people.csv'), [HEAD, ...ROWS].join('\n'));
  expect(runCli(['import', 'people.csv'], { cwd }).code).toBe(0);
  expect(runCli(['match'], { cwd }).code).toBe(0);
  return cwd;
}

describe('terminal output reads like a colleague wrote it (issue 15)', () => {
  it('match show prints one pair with every reason, the score by criterion and alternatives', () => {
    const cwd = program();
    const r = runCli(['match', 'show', 'Tom Lee'], { cwd });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Tom Lee \(mentee\) with Ana Ruiz \(mentor\): score \d+(\.\d+)?$/m);
    expect(out).toContain('Why:\n  - shares ');
    expect(out).toMatch(/^Score by criterion:$/m);
    expect(out).toMatch(/^topics +40 +\d\.\d\d +\d+\.\d$/m);
    expect(out).toMatch(/^Close alternatives for Tom Lee:$/m);
    expect(out).toMatch(/^Raj Patel +[\d.]+ +-[\d.]+ +shares /m);
    expect(out).not.toMatch(/m-[0-9a-f]{8}/); // pair ids only in files (and with --verbose)
    const json = JSON.parse(runCli(['match', 'show', 'tom@example.com', '--json'], { cwd }).stdout);
    const [pair] = json.pairs;
    expect(pair.mentee).toMatchObject({ email: 'tom@example.com', name: 'Tom Lee' });
    const points = pair.criteria.reduce((s: number, c: { points: number }) => s + c.points, 0);
    expect(Math.abs(points - pair.currentScore)).toBeLessThan(0.5);
    expect(pair.alternatives[0].score).toBeLessThanOrEqual(pair.score);
    // The same pair by its id, as the files name it.
    const byId = runCli(['match', 'show', pair.id, '--verbose'], { cwd });
    expect(byId.stdout).toContain(`[pair ${pair.id}, optimal]`);
    const none = runCli(['match', 'show', 'Nobody'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: No pair found for "Nobody"\. Give a pair id, or the name/);
  });

  it('names people, with the email only where two share a name or with --verbose', () => {
    const cwd = program();
    const r = runCli(['match', '--dry-run', '--verbose'], { cwd, env: { COLUMNS: '160' } });
    expect(r.stdout).toContain('Sam Wu <sam1@example.com>');
    expect(r.stdout).toContain('Sam Wu <sam2@example.com>');
    const plain = runCli(['match', '--dry-run'], { cwd });
    expect(plain.stdout).not.toMatch(/tom@example\.com|ana@example\.com/);
  });

  for (const columns of [80, 160]) {
    it(`fits every table row in ${columns} columns, cutting the widest column only`, () => {
      const cwd = program();
      const env = { COLUMNS: String(columns) };
      for (const args of [
        ['participants'],
        ['match', '--dry-run', '--verbose'],
        ['config', 'list'],
      ]) {
        const r = runCli(args, { cwd, env });
        expect(r.code, args.join(' ')).toBe(0);
        // Table rows (columns are two spaces apart); sentences are the terminal's to wrap.
        for (const line of r.stdout.split('\n').filter((l) => l.includes('  ')))
          expect(line.length, `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(columns);
      }
      const m = runCli(['match', '--dry-run', '--verbose'], { cwd, env }).stdout;
      // The last table (Pairs) holds the reasons.
      const tom = m
        .split('\n')
        .filter((l) => l.startsWith('Tom Lee'))
        .pop()!;
      // Names (with emails on --verbose) and scores stay whole; only the reasons are cut, and only
      // when they must be.
      expect(tom).toMatch(/^Tom Lee <tom@example\.com> +Ana Ruiz <ana@example\.com> +\d/);
      if (columns === 160)
        // Well past the old 60-character cut of the reasons.
        expect(tom).toContain('shares Leadership, Python, Public speaking, Negotiation and Career');
      else expect(tom).toMatch(/ {2}shares Leadershi…$/);
    });
  }
});

describe('status before a wave opens (issue 15)', () => {
  it('says no wave is open and when the first opens, and stops saying it once one is', () => {
    const cwd = tempDir();
    dirs.push(cwd);
    expect(runCli(['init', '.'], { cwd }).code).toBe(0);
    const before = runCli(['status', '--now', '2026-12-01'], { cwd });
    expect(before.code).toBe(0);
    expect(before.stdout.split('\n')[1]).toBe(
      'No survey wave is open yet on 2026-12-01: kickoff opens 2027-01-11, so the survey ' +
        'figures have no data (use --now DATE to see the program as of another day)',
    );
    expect(before.stdout).not.toMatch(/Response rate: kickoff.* met$/m);
    const after = runCli(['status', '--now', '2027-01-12'], { cwd });
    expect(after.stdout).not.toContain('No survey wave is open yet');
    expect(after.stdout.split('\n')[0]).toContain('current survey wave: kickoff');
  });
});
