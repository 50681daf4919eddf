/**
 * The spreadsheet round trip of the review: `export matches --format xlsx` has a Decision
 * drop-down and a "Swap to mentor" column; the manager edits the workbook (exceljs here) and
 * `match approve --file` applies it, refusing (and changing nothing) when a swap breaks a hard rule
 * or goes to a mentor at capacity.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { writeState } from '../../src/io/store/program.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

const week = hours([1, 2, 3, 4, 5], '09:00', '17:00');
const tz = { timezone: 'Europe/London', availability: week };
const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', { ...tz, capacity: 2 }),
  person('bea@x.org', 'Bea Kim', 'mentor', { ...tz, capacity: 1 }),
  person('kim@x.org', 'Kim Roe', 'mentor', { ...tz, capacity: 3 }),
  // Kim is Ana's manager: the manager-line rule forbids that pair.
  person('ana@x.org', 'Ana Ruiz', 'mentee', { ...tz, managerEmail: 'kim@x.org' }),
  person('zoe@x.org', 'Zoe Park', 'mentee', tz),
  person('cal@x.org', 'Cal Otto', 'mentee', tz),
];
const proposed = [
  match('p1', 'tom@x.org', 'ana@x.org'),
  match('p2', 'tom@x.org', 'zoe@x.org'),
  match('p3', 'bea@x.org', 'cal@x.org'),
].map((m) => ({ ...m, review: 'proposed' as const }));

async function program(): Promise<string> {
  const dir = tempDir('mentor-decide-');
  dirs.push(dir);
  const p = await writeProgram(dir, configWith(), people, undefined);
  await writeState(p, 'matches', { matches: proposed, runs: [], history: [] });
  const r = runCli(['export', 'matches', '--format', 'xlsx', '--out', 'matches.xlsx'], {
    cwd: dir,
  });
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** Fills Decision and "Swap to mentor" per mentee email; returns the row number of each mentee. */
async function decide(dir: string, choices: Record<string, [string, string?]>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'matches.xlsx'));
  const ws = wb.getWorksheet('Matches')!;
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const col = (h: string) => headers.indexOf(h);
  const rowOf: Record<string, number> = {};
  ws.eachRow((row, n) => {
    const mentee = String(row.getCell(col('Mentee')).value);
    const choice = choices[mentee];
    if (n === 1 || !choice) return;
    rowOf[mentee] = n;
    row.getCell(col('Decision')).value = choice[0];
    if (choice[1]) row.getCell(col('Swap to mentor')).value = choice[1];
  });
  await wb.xlsx.writeFile(join(dir, 'matches.xlsx'));
  return rowOf;
}

const stored = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.mentor', 'matches.json'), 'utf8')).data.matches as Array<{
    mentee: string;
    mentor: string;
    status: string;
    review?: string;
    endReason?: string;
  }>;
const approveFile = (dir: string, ...more: string[]) =>
  runCli(['match', 'approve', '--file', 'matches.xlsx', ...more, '--now', '2027-02-01'], {
    cwd: dir,
  });

describe('match approve --file with decisions', () => {
  it('exports a Decision drop-down and an empty "Swap to mentor" column, formula-safe', async () => {
    const dir = await program();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'matches.xlsx'));
    const ws = wb.getWorksheet('Matches')!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const d = headers.indexOf('Decision');
    expect(d).toBeGreaterThan(0);
    expect(headers[d + 1]).toBe('Swap to mentor');
    for (const n of [2, 3, 4]) {
      const cell = ws.getRow(n).getCell(d);
      expect(cell.value).toBeNull();
      expect(cell.dataValidation).toMatchObject({
        type: 'list',
        allowBlank: true,
        formulae: ['"approve,reject,swap"'],
      });
    }
  });

  it('refuses a swap that breaks a hard rule and one to a mentor at capacity, naming file, row and column, and changes nothing', async () => {
    const dir = await program();
    const rows = await decide(dir, {
      'ana@x.org': ['swap', 'kim@x.org'],
      'zoe@x.org': ['swap', 'Bea Kim'],
      'cal@x.org': ['approve'],
    });
    const before = readFileSync(join(dir, '.mentor', 'matches.json'), 'utf8');
    const r = approveFile(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    // One line per broken swap, each with the cell to fix.
    expect(r.stderr).toContain(`matches.xlsx, row ${rows['zoe@x.org']}, column "Swap to mentor"`);
    expect(r.stderr).toContain('Bea Kim is at capacity (1 mentee)');
    expect(r.stderr).toMatch(new RegExp(`matches\\.xlsx.*${rows['ana@x.org']}.*Swap to mentor`));
    expect(r.stderr).toMatch(/Kim Roe cannot mentor Ana Ruiz: .*manager/);
    expect(r.stderr).toContain('nothing was changed');
    expect(readFileSync(join(dir, '.mentor', 'matches.json'), 'utf8')).toBe(before);
  });

  it('applies approve, reject and a swap into the place the reject frees, and reports what changed', async () => {
    const dir = await program();
    await decide(dir, {
      'ana@x.org': ['approve'],
      'zoe@x.org': ['swap', 'bea@x.org'],
      'cal@x.org': ['reject'],
    });
    const dry = approveFile(dir, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would approve 1 pair(s), would reject 1, would swap 1');
    const r = approveFile(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('rejected  Cal Otto – Bea Kim');
    expect(r.stdout).toContain('swapped   Zoe Park: Tom Lee -> Bea Kim (approved)');
    expect(r.stdout).toContain(
      'Approved 1 pair(s), rejected 1, swapped 1; 2 approved and 0 still proposed.',
    );
    const now = stored(dir).map(
      (m) => `${m.mentee} ${m.mentor} ${m.status} ${m.review ?? 'approved'}`,
    );
    expect(now).toEqual([
      'ana@x.org tom@x.org active approved',
      'zoe@x.org tom@x.org ended approved',
      'cal@x.org bea@x.org ended approved',
      'zoe@x.org bea@x.org active approved',
    ]);
    expect(stored(dir)[2].endReason).toBe('rejected in review (matches.xlsx row 4)');
  });

  it('an unknown decision is a row-level error on the Decision column', async () => {
    const dir = await program();
    const rows = await decide(dir, { 'cal@x.org': ['=maybe()'] });
    const r = approveFile(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`row ${rows['cal@x.org']}`);
    expect(r.stderr).toContain('Decision');
    expect(r.stderr).toContain('is not a decision');
  });
});
