/** The commander program: global flags, command registration, and the error -> exit code policy. */

import { Command, CommanderError, Option } from './vendor/commander.js';
import { MentorError, ExitCode, ProblemsReported } from './errors.js';
import type { Output } from './ui/output.js';
import { registerCommands } from './commands/index.js';

const VERSION = '0.1.0';

function buildProgram(): Command {
  const program = new Command();
  program
    .name('mentor-cli')
    .description(
      'Run a mentorship program from spreadsheets: import, match, schedule, survey, report.',
    )
    .version(VERSION, '-V, --version')
    .option(
      '-d, --dir <dir>',
      'program folder (default: nearest folder upwards with mentor.config.json)',
    )
    .option('--json', 'machine-readable JSON on stdout')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .option('-q, --quiet', 'only errors on stderr')
    .option('-v, --verbose', 'explain decisions on stderr')
    .option('--debug', 'show stack traces for errors')
    .option('-y, --yes', 'never ask questions; use defaults and flags')
    .addOption(
      new Option('--now <date>', 'pretend today is this date (for reproducible runs)').hideHelp(),
    )
    .showSuggestionAfterError(true);
  // Declared eagerly, loaded lazily: each command's module is imported only when it runs.
  registerCommands(program);
  // Every (sub)command maps commander's own exits to our codes instead of exiting 1.
  const override = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput({ outputError: (str, write) => write(usageLine(str, cmd)) });
    cmd.commands.forEach(override);
  };
  override(program);
  return program;
}

/** commander's error (and its "Did you mean" line) as one line that names the help to read. */
function usageLine(message: string, cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  const text = message
    .trim()
    .replace(/\s*\n\s*\(Did you mean/g, ' (did you mean')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\.$/, '');
  return `${text}. Run \`${['mentor-cli', ...names, '--help'].join(' ')}\` for usage.\n`;
}

function debugWanted(argv: string[]): boolean {
  return argv.includes('--debug');
}

async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0); // reader went away (e.g. `| head`): end quietly
  });
  try {
    const program = buildProgram();
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exitCode = commanderExit(err);
    else {
      // perf: bench/startup.mjs — chalk (through Output) loads only when an error is printed.
      const { Output } = await import('./ui/output.js');
      process.exitCode = handleError(err, new Output({}), debugWanted(argv));
    }
  }
}

/** The exit code for commander's own exits: 0 after help or the version, else a usage error. */
function commanderExit(err: CommanderError): number {
  if (
    err.exitCode === 0 ||
    err.code === 'commander.helpDisplayed' ||
    err.code === 'commander.version' ||
    err.code === 'commander.help'
  )
    return ExitCode.ok;
  // commander already printed its one-line message (see usageLine).
  return ExitCode.usage;
}

/** Prints one clear line for an error and returns the exit code. */
function handleError(err: unknown, out: Output, debug: boolean): number {
  // Already reported by the command (its summary says what went wrong): only the exit code is left.
  if (err instanceof ProblemsReported) return err.exitCode;
  if (err instanceof MentorError) {
    out.error(err.toLine());
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (
    e &&
    (e.code === 'ENOENT' ||
      e.code === 'EACCES' ||
      e.code === 'EISDIR' ||
      e.code === 'ENOSPC' ||
      e.code === 'EROFS')
  ) {
    const what = {
      ENOENT: 'not found',
      EACCES: 'permission denied',
      EISDIR: 'is a folder, not a file',
      ENOSPC: 'disk is full',
      EROFS: 'read-only file system',
    }[e.code];
    out.error(`${e.path ?? 'file'}: ${what}. Check the path and try again`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return ExitCode.usage;
  }
  out.error(
    `unexpected internal error: ${(e && e.message) || String(err)}. ` +
      'This is a bug in mentor-cli; rerun with --debug and report it',
  );
  if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
  return ExitCode.internal;
}

process.on('SIGINT', () => {
  process.stderr.write('\ninterrupted\n');
  process.exit(ExitCode.interrupted);
});

await main(process.argv);
