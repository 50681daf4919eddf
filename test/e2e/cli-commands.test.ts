// Command loading: every command is declared up front (so help lists them all and commander can
// suggest the closest), while each implementation loads only when its command runs.
import { describe, expect, it, afterAll } from 'vitest';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

const cwd = tempDir();
afterAll(() => removeDir(cwd));

const COMMANDS = [
  'init',
  'config',
  'import',
  'participants',
  'set',
  'withdraw',
  'export',
  'match',
  'unmatch',
  'restore',
  'demo',
  'survey',
  'status',
  'outcomes',
  'report',
  'schedule',
  'intro',
  'send',
  'remind',
];

/** The command names of a help text's "Commands:" section, in order. */
function listedCommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
}

describe('mentor-cli --help', () => {
  it('lists every command in order, with help last', () => {
    const r = runCli(['--help'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(listedCommands(r.stdout)).toEqual([...COMMANDS, 'help']);
  });

  it('is the same with global flags before it', () => {
    const plain = runCli(['--help'], { cwd }).stdout;
    expect(runCli(['--dir', 'x', '-q', '--help'], { cwd }).stdout).toBe(plain);
  });

  it('lists the subcommands of export and survey', () => {
    expect(listedCommands(runCli(['export', '--help'], { cwd }).stdout)).toEqual([
      'participants',
      'matches',
      'help',
    ]);
    expect(listedCommands(runCli(['help', 'survey'], { cwd }).stdout)).toEqual([
      'merge',
      'template',
      'help',
    ]);
  });
});

describe('each command --help shows all its options without loading or running it', () => {
  it.each([
    [['import'], ['--role', '--sheet', '--map', '--encoding', '--rejected', '--force', '--strict']],
    [['match'], ['--algorithm', '--model', '--pair-scores', '--suggest', '--by', '--diff']],
    [
      ['export', 'matches'],
      ['--format', '--out', '--force', '--dry-run', '--all'],
    ],
    [
      ['export', 'participants'],
      ['--format', '--role', '--cohort', '--include-sensitive'],
    ],
    [['schedule'], ['-o, --out', '--dry-run', '--force', '--strict']],
    [['report'], ['--out', '--by', '--format', '--include-sensitive', '--force', '--dry-run']],
    [['status'], ['--limit']],
    [
      ['survey', 'merge'],
      ['--wave', '--map', '--sheet', '--encoding', '--dry-run'],
    ],
    [['unmatch'], ['--reason', '--dry-run']],
  ])('%j', (command, options) => {
    // No program folder here: running the command would fail, so exit 0 proves only help ran.
    const r = runCli([...command, '--help'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: mentor-cli ${command.join(' ')}`);
    for (const option of options) expect(r.stdout).toContain(option);
  });
});

describe('unknown commands', () => {
  it.each([
    ['improt', 'import'],
    ['statsu', 'status'],
    ['shedule', 'schedule'],
  ])('%s suggests %s, exit 2, one line', (typed, suggested) => {
    const r = runCli([typed], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `error: unknown command '${typed}' (did you mean ${suggested}?). ` +
        'Run `mentor-cli --help` for usage.',
    ]);
  });

  it('suggests the closest subcommand too', () => {
    const r = runCli(['export', 'matchs'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'matchs' (did you mean matches?)");
  });
});

describe('--version', () => {
  it('prints the version only', () => {
    const r = runCli(['--version'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.stderr).toBe('');
  });
});
