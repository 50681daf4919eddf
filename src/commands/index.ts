/** Registers the commands, loading only the one named on the command line when that is clear. */

import type { Command } from 'commander';

type Loader = (program: Command) => Promise<void>;

// Each command file pulls in its own heavy libraries (exceljs, inquirer, ics, date-fns...); loading
// all of them cost every run ~0.35 s before any work. Listed in the order `--help` shows them.
const COMMANDS: Array<[string, Loader]> = [
  ['init', async (p) => (await import('./init.js')).registerInit(p)],
  ['import', async (p) => (await import('./import.js')).registerImport(p)],
  ['participants', async (p) => (await import('./participants.js')).registerParticipants(p)],
  ['set', async (p) => (await import('./set.js')).registerSet(p)],
  ['withdraw', async (p) => (await import('./withdraw.js')).registerWithdraw(p)],
  [
    'export',
    async (p) => {
      const [{ registerExport }, { registerExportMatches }] = await Promise.all([
        import('./export.js'),
        import('./export-matches.js'),
      ]);
      registerExportMatches(registerExport(p));
    },
  ],
  ['match', async (p) => (await import('./match.js')).registerMatch(p)],
  ['unmatch', async (p) => (await import('./unmatch.js')).registerUnmatch(p)],
  ['demo', async (p) => (await import('./demo.js')).registerDemo(p)],
  ['survey', async (p) => (await import('./survey.js')).registerSurvey(p)],
  ['status', async (p) => (await import('./status.js')).registerStatus(p)],
  ['report', async (p) => (await import('./report.js')).registerReport(p)],
  ['schedule', async (p) => (await import('./schedule.js')).registerSchedule(p)],
  ['intro', async (p) => (await import('./intro.js')).registerIntro(p)],
];

/** Global options that take a value (see cli.ts): their value is not the command name. */
const VALUE_OPTIONS = new Set(['-d', '--dir', '--now']);

/**
 * The first word of `args` (process.argv without node and the script) that is not a global option
 * or its value.
 */
export function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-') || a === '-') return a;
    // `--dir X`, `-d X`, and short flags grouped with -d last (`-qd X`) take the next word as a
    // value.
    if (VALUE_OPTIONS.has(a) || /^-[a-zA-Z]*d$/.test(a)) i++;
  }
  return undefined;
}

/**
 * Registers the command named in `args` only, or every command when none is named, the name is
 * unknown (commander then suggests the closest), or help is asked for (`mentor-cli help`).
 */
export async function registerCommands(
  program: Command,
  args: readonly string[] = [],
): Promise<void> {
  const word = commandWord(args);
  const only = COMMANDS.find(([name]) => name === word);
  for (const [, load] of only ? [only] : COMMANDS) await load(program);
}
