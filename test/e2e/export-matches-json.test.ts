import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

let cwd: string;
beforeAll(() => {
  cwd = tempDir();
  expect(runCli(['init', '.'], { cwd }).code).toBe(0);
  writeFileSync(
    join(cwd, 'people.csv'),
    [
      'Email,Name,Role,Topics,Languages',
      'ana@example.com,Ana Ruiz,mentor,"Python, Leadership",English',
      'tom@example.com,Tom Lee,mentee,Leadership,English',
      'mei@example.com,Mei Chen,mentee,Python,English',
    ].join('\r\n'),
  );
  expect(runCli(['import', 'people.csv'], { cwd }).code).toBe(0);
  expect(runCli(['match'], { cwd }).code).toBe(0);
});
afterAll(() => removeDir(cwd));

describe('export matches and the global --json flag', () => {
  it('prints one JSON document when --json is given without --format', () => {
    const r = runCli(['--json', 'export', 'matches'], { cwd });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.matches.map((m: { mentee: string }) => m.mentee).sort()).toEqual([
      'mei@example.com',
      'tom@example.com',
    ]);
  });

  it('writes the file and prints a JSON summary with --json --out', () => {
    const r = runCli(['--json', 'export', 'matches', '--out', 'm.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'csv', rows: 2 });
    expect(existsSync(join(cwd, 'm.csv'))).toBe(true);
  });

  it('refuses CSV on stdout with --json, and --dry-run writes nothing', () => {
    expect(runCli(['--json', 'export', 'matches', '--format', 'csv'], { cwd }).code).toBe(2);
    const dry = runCli(['export', 'matches', '--out', 'dry.xlsx', '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Would write 2 row\(s\) as XLSX/);
    expect(existsSync(join(cwd, 'dry.xlsx'))).toBe(false);
  });
});
