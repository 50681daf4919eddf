import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, tempDir, removeDir } from '../helpers/cli.js';

const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

/** Runs the CLI in a pseudo-terminal and answers its prompts with `keys`. */
function runInTty(args: string[], cwd: string, keys: string[]): { screen: string; code: number } {
  const r = spawnSync(
    'python3',
    [join(ROOT, 'test', 'helpers', 'drive_pty.py'), keys.join('|'), process.execPath, CLI, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: cwd, TERM: 'xterm', TZ: 'UTC' },
      timeout: 60_000,
    },
  );
  const screen = r.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  const code = Number(/EXIT (\d+)\s*$/.exec(screen)?.[1] ?? -1);
  return { screen, code };
}

describe.skipIf(!python)('import on a terminal', () => {
  it('asks which column holds each missing required field, imports, and remembers the answers', () => {
    const cwd = tempDir();
    dirs.push(cwd);
    expect(runCli(['init', '.'], { cwd }).code).toBe(0);
    writeFileSync(join(cwd, 'odd.csv'), 'Contact,Who,Kind\r\nli@example.com,Li Wei,mentor\r\n');
    // First question (email): Contact is first; second (name): one down; third (role): two down.
    const { screen, code } = runInTty(['import', 'odd.csv'], cwd, [
      '\\r',
      '\\x1b[B\\r',
      '\\x1b[B\\x1b[B\\r',
    ]);
    expect(screen).toContain('which column holds "email"?');
    expect(screen).toContain('which column holds "role"?');
    expect(code).toBe(0);
    const people = JSON.parse(readFileSync(join(cwd, '.mentor', 'participants.json'), 'utf8')).data;
    expect(people[0]).toMatchObject({ email: 'li@example.com', name: 'Li Wei', role: 'mentor' });
    // The same form again, without a terminal: no question, the saved mapping is used.
    writeFileSync(join(cwd, 'odd2.csv'), 'Contact,Who,Kind\r\nmo@example.com,Mo,mentee\r\n');
    expect(runCli(['import', 'odd2.csv'], { cwd }).code).toBe(0);
  });

  it('never asks with --yes, even on a terminal', () => {
    const cwd = tempDir();
    dirs.push(cwd);
    expect(runCli(['init', '.'], { cwd }).code).toBe(0);
    writeFileSync(join(cwd, 'odd.csv'), 'Contact,Who,Kind\r\nli@example.com,Li Wei,mentor\r\n');
    const { screen, code } = runInTty(['import', 'odd.csv', '--yes'], cwd, []);
    expect(code).toBe(2);
    expect(screen).not.toContain('which column');
    expect(screen).toMatch(/--map "Header=email"/);
  });
});
