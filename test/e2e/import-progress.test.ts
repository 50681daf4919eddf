import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, tempDir, removeDir } from '../helpers/cli.js';

const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the CLI in a pseudo-terminal (stdin, stdout and stderr are all TTYs) and returns what the
 * terminal showed.
 */
function runInTty(args: string[], cwd: string): { screen: string; code: number } {
  const r = spawnSync(
    'python3',
    [join(ROOT, 'test', 'helpers', 'drive_pty.py'), '', process.execPath, CLI, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: cwd, TERM: 'xterm', TZ: 'UTC', NO_COLOR: '1' },
      timeout: 60_000,
    },
  );
  return { screen: r.stdout, code: Number(/EXIT (\d+)\s*$/.exec(r.stdout)?.[1] ?? -1) };
}

let cwd: string;
beforeAll(() => {
  cwd = tempDir();
  expect(runCli(['init', '.'], { cwd }).code).toBe(0);
  // Over the 10,000-row threshold for a progress bar.
  writeFileSync(
    join(cwd, 'big.csv'),
    [
      'Email,Name,Role',
      ...Array.from(
        { length: 12_000 },
        (_, i) => `u${i}@example.com,User ${i},${i % 3 ? 'mentee' : 'mentor'}`,
      ),
    ].join('\r\n') + '\r\n',
  );
});
afterAll(() => removeDir(cwd));

describe.skipIf(!python)('progress bar on stderr', () => {
  it('is drawn when stderr is a terminal', () => {
    const { screen, code } = runInTty(['import', 'big.csv', '--dry-run'], cwd);
    expect(code).toBe(0);
    // The bar's total is the file's row count (its header and blank lines may count too).
    expect(screen).toMatch(/Validating \[[^\]]*\] \d+% \| \d+\/120\d\d/);
    expect(screen).toContain('Would import: 12000 new');
  });

  it('is not drawn on a terminal with --quiet or --json', () => {
    for (const flag of ['--quiet', '--json']) {
      const { screen, code } = runInTty(['import', 'big.csv', '--dry-run', flag], cwd);
      expect(code).toBe(0);
      expect(screen).not.toContain('Validating');
    }
  });
});

describe('progress bar when piped', () => {
  it('never appears when stderr is not a terminal', () => {
    const r = runCli(['import', 'big.csv', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Would import: 12000 new');
    expect(r.stderr).not.toContain('Validating');
    expect(r.stdout).not.toContain('Validating');
  });
});
