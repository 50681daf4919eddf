import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CLI, runCli, tempDir, removeDir } from '../helpers/cli.js';

let cwd: string;
beforeAll(() => {
  cwd = tempDir();
  expect(
    runCli(
      ['init', '.', '--start', '2027-01-11', '--end', '2027-06-25', '--timezone', 'Europe/London'],
      { cwd },
    ).code,
  ).toBe(0);
  writeFileSync(
    join(cwd, 'people.csv'),
    [
      'Email,Name,Role',
      ...Array.from(
        { length: 50 },
        (_, i) =>
          `p${String(i).padStart(2, '0')}@example.com,Person ${i},${i % 2 ? 'mentee' : 'mentor'}`,
      ),
    ].join('\r\n') + '\r\n',
  );
  expect(runCli(['import', 'people.csv'], { cwd }).code).toBe(0);
});
afterAll(() => removeDir(cwd));

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

describe('usage errors: one line on stderr, exit 2', () => {
  it.each([
    [['bogus'], "error: unknown command 'bogus'. Run `mentor-cli --help` for usage."],
    [
      ['import', 'people.csv', '--bogus'],
      "error: unknown option '--bogus'. Run `mentor-cli import --help` for usage.",
    ],
    [
      ['import'],
      "error: missing required argument 'files'. Run `mentor-cli import --help` for usage.",
    ],
    [
      ['export', 'participants', '--format'],
      "error: option '--format <format>' argument missing. Run `mentor-cli export participants --help` for usage.",
    ],
  ])('%j', (args, expected) => {
    const r = runCli(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([expected]);
  });

  it("keeps commander's suggestion on the same line", () => {
    const r = runCli(['participnts'], { cwd });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      "error: unknown command 'participnts' (did you mean participants?). Run `mentor-cli --help` for usage.",
    ]);
  });
});

describe('export participants with the global --json', () => {
  it('prints JSON (not CSV) when no --format is given', () => {
    const r = runCli(['--json', 'export', 'participants'], { cwd });
    expect(r.code).toBe(0);
    const people = JSON.parse(r.stdout);
    expect(people).toHaveLength(50);
    expect(people[0]).toMatchObject({ email: 'p00@example.com', name: 'Person 0', role: 'mentor' });
  });

  it('writes the file and prints a JSON summary with --format csv --out', () => {
    const r = runCli(
      [
        'export',
        'participants',
        '--json',
        '--format',
        'csv',
        '--out',
        'out.csv',
        '--role',
        'mentee',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: join(cwd, 'out.csv'), format: 'csv', rows: 25 });
    const rows = Papa.parse<string[]>(
      readFileSync(join(cwd, 'out.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(26);
    expect(rows[1][0]).toBe('p01@example.com');
  });

  it('writes an xlsx and prints the summary', () => {
    const r = runCli(
      ['--json', 'export', 'participants', '--format', 'xlsx', '--out', 'out.xlsx'],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: join(cwd, 'out.xlsx'), format: 'xlsx', rows: 50 });
    expect(readFileSync(join(cwd, 'out.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses --format csv without --out (stdout holds one JSON document)', () => {
    const r = runCli(['--json', 'export', 'participants', '--format', 'csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'error: --json with --format csv needs --out FILE. Add --out FILE.csv, or drop --format to print JSON',
    ]);
  });
});

describe('--dry-run', () => {
  it('export says what it would write and writes nothing', () => {
    const r = runCli(['export', 'participants', '--out', 'dry.xlsx', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Dry run, nothing written\. Would write 50 row\(s\) as XLSX \(\d+ bytes\) to dry\.xlsx\.\n$/,
    );
    expect(existsSync(join(cwd, 'dry.xlsx'))).toBe(false);
  });

  it('export --dry-run still runs the overwrite check', () => {
    const outside = tempDir();
    try {
      writeFileSync(join(outside, 'mine.csv'), 'keep\n');
      const r = runCli(
        ['export', 'participants', '--out', join(outside, 'mine.csv'), '--dry-run'],
        { cwd },
      );
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([
        `error: ${join(outside, 'mine.csv')} already exists. Add --force to overwrite it, or choose another --out`,
      ]);
      const json = JSON.parse(
        runCli(
          [
            '--json',
            'export',
            'participants',
            '--out',
            join(outside, 'mine.csv'),
            '--dry-run',
            '--force',
          ],
          { cwd },
        ).stdout,
      );
      expect(json).toMatchObject({
        dryRun: true,
        file: join(outside, 'mine.csv'),
        format: 'csv',
        rows: 50,
      });
      expect(readFileSync(join(outside, 'mine.csv'), 'utf8')).toBe('keep\n');
    } finally {
      removeDir(outside);
    }
  });

  it('demo names the folder and the commands, and creates nothing', () => {
    const empty = tempDir();
    try {
      const r = runCli(['demo', '--dry-run'], { cwd: empty });
      expect(r.code).toBe(0);
      const out = r.stdout.split('\n');
      expect(out[0]).toBe(
        `Dry run, nothing written. The demo would create ${join(empty, 'mentor-demo')} and run:`,
      );
      expect(out[1]).toBe(
        `  mentor-cli init ${join(empty, 'mentor-demo')} --name 'Northwind Mentoring 2027' --start 2027-01-11 --end 2027-06-25 --timezone Europe/London --quiet`,
      );
      expect(out).toContain('  mentor-cli import sample/google-forms-mentors.csv');
      expect(out).toContain('  mentor-cli match');
      expect(readdirSync(empty)).toEqual([]);
      const json = JSON.parse(
        runCli(['--json', 'demo', 'here', '--dry-run'], { cwd: empty }).stdout,
      );
      expect(json.dryRun).toBe(true);
      expect(json.dir).toBe(join(empty, 'here'));
      expect(json.commands).toContain(`cd ${join(empty, 'here')}`);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      removeDir(empty);
    }
  });
});

describe('a closed pipe', () => {
  // Enough people that the output is far bigger than a pipe's buffer (64 KB): the writer really
  // meets EPIPE.
  let big: string;
  beforeAll(() => {
    big = tempDir();
    expect(runCli(['init', '.'], { cwd: big }).code).toBe(0);
    writeFileSync(
      join(big, 'many.csv'),
      [
        'Email,Name,Role,Department',
        ...Array.from(
          { length: 5000 },
          (_, i) => `m${i}@example.com,Member ${i},mentee,Department of Things ${i}`,
        ),
      ].join('\n') + '\n',
    );
    expect(runCli(['import', 'many.csv'], { cwd: big }).code).toBe(0);
  }, 60_000);
  afterAll(() => removeDir(big));

  it('`participants | head -1` ends quietly with exit 0', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${CLI}" participants | head -1; echo "exit=$?" >&2`,
      ],
      {
        cwd: big,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', TZ: 'UTC', CI: '1' },
      },
    );
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.stderr).toContain('exit=0');
  });

  it('a big export into `head -1` ends quietly with exit 0', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${CLI}" --json export participants | head -1; echo "exit=$?" >&2`,
      ],
      {
        cwd: big,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', TZ: 'UTC', CI: '1' },
      },
    );
    expect(r.stdout).toBe('[\n');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.stderr).toContain('exit=0');
  });
});
