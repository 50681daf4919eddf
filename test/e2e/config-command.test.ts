import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

/** A program folder made by `init`, its config rewritten with 4-space indents to prove layout. */
function program(): { cwd: string; file: string } {
  const cwd = tempDir();
  dirs.push(cwd);
  expect(runCli(['init', '.', '--name', 'Northwind'], { cwd }).code).toBe(0);
  const file = join(cwd, 'mentor.config.json');
  writeFileSync(file, `${JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 4)}\n`);
  return { cwd, file };
}

describe('mentor-cli config (issue 15)', () => {
  it('gets one value, as text and as JSON', () => {
    const { cwd } = program();
    const r = runCli(['config', 'get', 'schedule.frequency'], { cwd });
    expect(r).toMatchObject({ code: 0, stdout: 'biweekly\n', stderr: '' });
    const j = runCli(['config', 'get', 'milestones[2].date', '--json'], { cwd });
    expect(JSON.parse(j.stdout)).toEqual({ key: 'milestones[2].date', value: '2027-04-02' });
    const v = runCli(['config', 'get', 'schedule.frequency', '--verbose'], { cwd });
    expect(v.stderr).toContain('allowed: weekly, biweekly, monthly');
  });

  it('sets a value in place: one line changes, key order and indentation stay', () => {
    const { cwd, file } = program();
    const before = readFileSync(file, 'utf8');
    const r = runCli(['config', 'set', 'kpiTargets.nps', '45'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('kpiTargets.nps: 30 -> 45\n');
    expect(r.stderr).toMatch(/^wrote .*mentor\.config\.json\n$/);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('"nps": 30,', '"nps": 45,'));
    // The next command reads it (the same schema validates both ways).
    expect(runCli(['config', 'get', 'kpiTargets.nps'], { cwd }).stdout).toBe('45\n');
    // No temp file or lock left behind.
    expect(readdirSync(cwd).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(readdirSync(join(cwd, '.mentor'))).not.toContain('lock');
  });

  it('adds an optional key beside its siblings, and writes nothing on --dry-run', () => {
    const { cwd, file } = program();
    const before = readFileSync(file, 'utf8');
    const dry = runCli(['config', 'set', 'schedule.count', '8', '--dry-run', '--json'], { cwd });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      key: 'schedule.count',
      before: null,
      value: 8,
      changed: true,
      dryRun: true,
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(runCli(['config', 'set', 'schedule.count', '8'], { cwd }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('"checkInMinutes": 20,\n        "count": 8\n');
  });

  it('refuses a value that breaks the schema in one line listing what is allowed', () => {
    const { cwd, file } = program();
    const before = readFileSync(file, 'utf8');
    const r = runCli(['config', 'set', 'schedule.frequency', 'fortnightly'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: schedule.frequency must be one of weekly, biweekly, monthly, not "fortnightly". ' +
        'Nothing was changed\n',
    );
    const typo = runCli(['config', 'set', 'kpiTargets.NPS', '40'], { cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean "kpiTargets.nps"\?/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('lists every key, and checks the file', () => {
    const { cwd } = program();
    const list = runCli(['config', 'list'], { cwd });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^program\.manager\.email\s+mentoring@example\.com$/m);
    expect(list.stdout).toMatch(/^schedule\.workingHours\.days\s+\[1, 2, 3, 4, 5\]$/m);
    const json = JSON.parse(runCli(['config', 'list', '--json'], { cwd }).stdout);
    expect(json.config.program.name).toBe('Northwind');
    const check = runCli(['config', 'check'], { cwd });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/mentor\.config\.json is valid\n$/);
  });

  it('a syntax error gives line, column and the text around it, never "recreate"', () => {
    const { cwd, file } = program();
    writeFileSync(file, readFileSync(file, 'utf8').replace('"nps": 30,', '"nps": 30,,'));
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"nps"')) + 1;
    for (const args of [
      ['config', 'check'],
      ['status'],
      ['config', 'set', 'kpiTargets.nps', '1'],
    ]) {
      const r = runCli(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(
        `mentor.config.json: is not valid JSON: line ${line}, column 19: two commas in a row: ` +
          'remove one (near: …',
      );
      expect(r.stderr).toContain('"nps": 30,\u2192,');
      expect(r.stderr).toContain('your other settings are kept');
      expect(r.stderr).not.toMatch(/recreate|init/);
    }
  });

  it('a schema error in the file is reported by config check and can be fixed with config set', () => {
    const { cwd, file } = program();
    writeFileSync(file, readFileSync(file, 'utf8').replace('"nps": 30,', '"nps": "high",'));
    const check = runCli(['config', 'check'], { cwd });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('kpiTargets.nps must be number, not "high"');
    const fix = runCli(['config', 'set', 'kpiTargets.nps', '35'], { cwd });
    expect(fix.code).toBe(0);
    expect(runCli(['config', 'check'], { cwd }).code).toBe(0);
  });

  it('writes through a linked config to its target and keeps the link', () => {
    const { cwd, file } = program();
    const real = join(cwd, 'real.json');
    writeFileSync(real, readFileSync(file, 'utf8'));
    removeDir(file);
    symlinkSync(real, file);
    expect(runCli(['config', 'set', 'program.manager.name', 'Ada Lovelace'], { cwd }).code).toBe(0);
    expect(JSON.parse(readFileSync(real, 'utf8')).program.manager.name).toBe('Ada Lovelace');
    expect(runCli(['config', 'get', 'program.manager.name'], { cwd }).stdout).toBe(
      'Ada Lovelace\n',
    );
  });
});
