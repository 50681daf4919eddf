import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

describe('mentor-cli init', () => {
  it('creates a config with $schema, the schema and both templates', async () => {
    const cwd = fresh();
    const r = runCli(
      [
        'init',
        'prog',
        '--name',
        'Test Program',
        '--start',
        '2027-02-01',
        '--end',
        '2027-07-30',
        '--timezone',
        'America/New_York',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created program folder');
    const config = JSON.parse(readFileSync(join(cwd, 'prog', 'mentor.config.json'), 'utf8'));
    expect(config.$schema).toBe('./mentor.config.schema.json');
    expect(config.program).toMatchObject({
      name: 'Test Program',
      startDate: '2027-02-01',
      endDate: '2027-07-30',
      timezone: 'America/New_York',
    });
    expect(existsSync(join(cwd, 'prog', 'mentor.config.schema.json'))).toBe(true);
    const csv = readFileSync(join(cwd, 'prog', 'participants.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, 'prog', 'participants.xlsx'));
    const ws = wb.getWorksheet('Participants')!;
    expect(ws.getRow(1).getCell(1).value).toBe('email');
    expect(ws.actualRowCount).toBe(3);
    const roleCol = (ws.getRow(1).values as string[]).indexOf('role');
    const tzCol = (ws.getRow(1).values as string[]).indexOf('timezone');
    expect(ws.getCell(2, roleCol).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"mentor,mentee,both"'],
    });
    expect(ws.getCell(5, tzCol).dataValidation.type).toBe('list');
    expect(String(ws.getCell(5, tzCol).dataValidation.formulae[0])).toMatch(
      /^Lists!\$A\$1:\$A\$\d+$/,
    );
  });

  it('refuses to overwrite an existing config without --force (exit 2)', () => {
    const cwd = fresh();
    expect(runCli(['init', '.'], { cwd }).code).toBe(0);
    writeFileSync(join(cwd, 'mentor.config.json'), '{"edited": true}');
    const r = runCli(['init', '.'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists\. Use --force/);
    expect(readFileSync(join(cwd, 'mentor.config.json'), 'utf8')).toBe('{"edited": true}');
    expect(runCli(['init', '.', '--force'], { cwd }).code).toBe(0);
  });

  it('rejects an end date before the start and an unknown time zone, writing nothing', () => {
    const cwd = fresh();
    const r = runCli(['init', 'p', '--start', '2027-06-01', '--end', '2027-01-01'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is before program.startDate');
    expect(existsSync(join(cwd, 'p'))).toBe(false);
    const t = runCli(['init', 'p', '--timezone', 'Mars/Olympus'], { cwd });
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('not a known IANA time zone');
    expect(t.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('maps commander usage errors to exit 2 and --help to 0', () => {
    const cwd = fresh();
    expect(runCli(['frobnicate'], { cwd }).code).toBe(2);
    expect(runCli(['init', '--no-such-flag'], { cwd }).code).toBe(2);
    const h = runCli(['--help'], { cwd });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: mentor-cli');
  });

  it('names the next step when run outside a program folder', () => {
    const cwd = fresh();
    const r = runCli(['--dir', 'nowhere', 'init', 'x', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
  });
});
