import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir, removeDir, FIXTURES } from '../helpers/cli.js';
import { participants, setUpProgram } from '../helpers/survey-program.js';

const TRAPS = join(FIXTURES, 'surveys-traps');
const NOW = ['--now', '2027-04-20'];
let cwd: string;
const report = (...args: string[]) => runCli(['report', ...args, ...NOW], { cwd });
const count = (text: string, needle: string) => text.split(needle).length - 1;

beforeEach(async () => {
  cwd = tempDir();
  await setUpProgram(cwd, { withMatches: true });
  const m = runCli(
    ['survey', 'merge', join(TRAPS, 'google-forms.csv'), join(TRAPS, 'unknown-emails.csv')],
    { cwd },
  );
  expect(m.code).toBe(0);
});
afterEach(() => removeDir(cwd));

describe('report --out, --format, --json and --dry-run', () => {
  it('--json --out r.xlsx writes the workbook and prints the JSON document', () => {
    const r = report('--json', '--out', 'r.xlsx');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).program).toBe('Pilot');
    expect(r.stderr).toMatch(/^Wrote r\.xlsx: \d+ of \d+ KPI targets met, 1 pair\(s\) at risk\.$/m);
    expect(existsSync(join(cwd, 'r.xlsx'))).toBe(true);
  });

  it('--json alone still writes report.xlsx in the program folder', () => {
    const r = report('--json');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toContain('kpis');
    expect(existsSync(join(cwd, 'report.xlsx'))).toBe(true);
  });

  it('--format md --out x.md and --out k.json write the document to the file, not stdout', () => {
    const md = report('--format', 'md', '--out', 'x.md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^Wrote x\.md: \d+ of \d+ KPI targets met, 1 pair\(s\) at risk\.\n$/);
    expect(readFileSync(join(cwd, 'x.md'), 'utf8')).toContain('## At-risk pairs (1)');
    const json = report('--out', 'k.json');
    expect(json.stdout).toMatch(/^Wrote k\.json: /);
    expect(JSON.parse(readFileSync(join(cwd, 'k.json'), 'utf8')).atRiskPairs[0].pair).toBe('m2');
  });

  it('--dry-run computes and prints but writes nothing', () => {
    const r = report('--dry-run', '--out', 'r.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Would write r\.xlsx: \d+ of \d+ KPI targets met, 1 pair\(s\) at risk\.\n$/,
    );
    const md = report('--dry-run', '--format', 'md', '--out', 'x.md');
    expect(md.stdout).toMatch(/^Would write x\.md: /);
    expect([
      existsSync(join(cwd, 'r.xlsx')),
      existsSync(join(cwd, 'x.md')),
      existsSync(join(cwd, 'report.xlsx')),
    ]).toEqual([false, false, false]);
  });

  it('overwriting a file outside the program folder needs --force', () => {
    const outside = tempDir();
    try {
      writeFileSync(join(outside, 'mine.md'), 'my notes');
      const r = report('--out', join(outside, 'mine.md'));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('mine.md already exists. Add --force to overwrite it');
      expect(readFileSync(join(outside, 'mine.md'), 'utf8')).toBe('my notes');
      expect(report('--out', join(outside, 'mine.md'), '--force').code).toBe(0);
      expect(readFileSync(join(outside, 'mine.md'), 'utf8')).toContain('# Pilot: KPI report');
    } finally {
      removeDir(outside);
    }
  });

  it('refuses conflicting or unknown outputs with exit 2', () => {
    expect(report('--json', '--format', 'md').stderr).toBe(
      'error: --json and --format md would both print on stdout. Add --out FILE.md to write the Markdown to a file, or leave out --json\n',
    );
    expect(report('--format', 'md', '--out', 'r.xlsx').code).toBe(2);
    expect(report('--out', 'r.txt').stderr).toContain(
      '--out "r.txt" must end in .xlsx, .html, .md or .json',
    );
  });
});

describe('warnings are printed once per command', () => {
  it('status, report and report --format md each say it once; merge names the emails once', () => {
    const warning = 'survey response(s) from emails not in the program';
    for (const args of [['status'], ['report'], ['report', '--json']]) {
      const r = runCli([...args, ...NOW], { cwd });
      expect({ args, n: count(r.stderr, warning) }).toEqual({ args, n: 1 });
    }
    const md = report('--format', 'md');
    expect([count(md.stdout, warning), count(md.stderr, warning)]).toEqual([1, 0]);
    const again = runCli(['survey', 'merge', join(TRAPS, 'unknown-emails.csv')], { cwd });
    expect(count(again.stderr, 'match no participant')).toBe(1);
  });
});

describe('date attributes', () => {
  it('become real Excel dates when the whole column holds ISO dates', async () => {
    const { openProgram, writeState } = await import('../../src/io/store/program.js');
    const dated = participants.map((p, i) => ({
      ...p,
      attributes: Object.assign(Object.create(null), p.attributes, {
        'Start date': i === 2 ? '' : `2027-03-0${i + 1}`,
        'Start time': i === 0 ? '2026-11-02' : `2026-11-02T09:14:0${i}`,
        Badge: i === 1 ? '2027-01-01' : `B${i}`,
      }),
    }));
    await writeState(await openProgram(cwd), 'participants', dated);
    expect(report('--audience', 'manager', '--out', 'r.xlsx').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, 'r.xlsx'));
    const ws = wb.getWorksheet('Participants')!;
    const headers = ws.getRow(1).values as unknown[];
    const cell = (row: number, header: string) => ws.getRow(row).getCell(headers.indexOf(header));
    expect([cell(2, 'Start date').value, cell(2, 'Start date').numFmt]).toEqual([
      new Date('2027-03-01T00:00:00Z'),
      'yyyy-mm-dd',
    ]);
    expect(cell(4, 'Start date').value).toBeNull();
    expect([
      cell(2, 'Start time').value,
      cell(3, 'Start time').value,
      cell(3, 'Start time').numFmt,
    ]).toEqual([
      new Date('2026-11-02T00:00:00Z'),
      new Date('2026-11-02T09:14:01Z'),
      'yyyy-mm-dd hh:mm',
    ]);
    expect([cell(2, 'Badge').value, cell(3, 'Badge').value]).toEqual(['B0', '2027-01-01']);
  }, 60_000);
});
