import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, symlinkSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

/** A fresh program folder made by `init`; returns it and its config path. */
function program(): { cwd: string; config: string } {
  const cwd = tempDir();
  dirs.push(cwd);
  expect(runCli(['init', '.'], { cwd }).code).toBe(0);
  return { cwd, config: join(cwd, 'mentor.config.json') };
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('reading mentor.config.json (issue 10 item 7)', () => {
  it('accepts a config saved with a UTF-8 byte-order mark (as Notepad does)', () => {
    const { cwd, config } = program();
    writeFileSync(config, `\uFEFF${readFileSync(config, 'utf8')}`);
    const r = runCli(['status', '--json'], { cwd });
    expect(r.stderr).not.toMatch(/error|JSON/);
    expect(r.code).toBe(0);
  });

  it('refuses a config linked to /dev/zero at once, in one line', () => {
    if (!existsSync('/dev/zero')) return;
    const { cwd, config } = program();
    unlinkSync(config);
    symlinkSync('/dev/zero', config);
    const r = runCli(['participants', '--json'], { cwd, timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/mentor\.config\.json: is not a regular file/);
  });

  it('never prints the content of another file the config links to', () => {
    const { cwd, config } = program();
    const secret = join(cwd, 'secret.txt');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    unlinkSync(config);
    symlinkSync(secret, config);
    const r = runCli(['participants', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
    expect(r.stderr).not.toMatch(/root/);
  });

  it('refuses a config over 1 MB without reading it whole', () => {
    const { cwd, config } = program();
    writeFileSync(config, `{"program": "${'x'.repeat(2 << 20)}"}`);
    const r = runCli(['participants', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is larger than 1 MB/);
    expect(r.stderr.length).toBeLessThan(400);
  });

  it('warns on stderr about a program longer than two years, and goes on', () => {
    const { cwd, config } = program();
    const c = JSON.parse(readFileSync(config, 'utf8'));
    c.program.endDate = '2030-06-25';
    writeFileSync(config, JSON.stringify(c));
    const r = runCli(['status', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: program runs from 2027-01-11 to 2030-06-25');
    expect(JSON.parse(r.stdout)).toBeTruthy();
  });

  it('stops schedule on a milestone dated 2027-02-30 before writing any calendar', () => {
    const { cwd, config } = program();
    const c = JSON.parse(readFileSync(config, 'utf8'));
    c.milestones[1].date = '2027-02-30';
    writeFileSync(config, JSON.stringify(c));
    const r = runCli(['schedule', '--dry-run'], { cwd });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(
      'milestones[1].date must be a real calendar date (February 2027 has 28 days), not "2027-02-30"',
    );
  });

  it('init refuses --start 2027-02-30 instead of moving it to March', () => {
    const cwd = tempDir();
    dirs.push(cwd);
    const r = runCli(['init', 'p', '--start', '2027-02-30'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('February 2027 has 28 days');
    expect(existsSync(join(cwd, 'p'))).toBe(false);
  });

  it('writes the JSON Schema generated from the zod definition', () => {
    const { cwd } = program();
    const schema = JSON.parse(readFileSync(join(cwd, 'mentor.config.schema.json'), 'utf8'));
    expect(schema.$id).toBe('https://mentor-cli.dev/mentor.config.schema.json');
    expect(schema.properties.program.properties.startDate.description).toBe(
      'First day of the program (YYYY-MM-DD)',
    );
  });
});
