/**
 * What every command receives: output channels, folders, the clock and interactivity, from global
 * flags.
 */

import type { Command } from '../vendor/commander.js';
import { Output } from '../ui/output.js';
import { UsageError } from '../errors.js';
import { openProgram, type Program } from '../io/store/program.js';

interface GlobalOptions {
  dir?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  yes?: boolean;
  now?: string;
}

export interface Ctx {
  out: Output;
  cwd: string;
  dir?: string;
  now: Date;
  /** True when we may ask questions: stdin and stdout are TTYs and --yes is absent. */
  interactive: boolean;
  opts: GlobalOptions;
  /** Opens the program folder (from --dir or upwards from cwd). */
  program(): Promise<Program>;
}

/** Parses `--now` (ISO date or date-time) or takes the wall clock. */
function parseNow(value: string | undefined): Date {
  if (!value) return new Date();
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`--now "${value}" is not a date`, 'Use YYYY-MM-DD or an ISO date-time');
  return d;
}

/** Builds the context for a command from its options merged with the global ones. */
export function contextOf(cmd: Command): Ctx {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const out = new Output(opts);
  const cwd = process.cwd();
  return {
    out,
    cwd,
    dir: opts.dir,
    now: parseNow(opts.now),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !opts.yes && !opts.json,
    opts,
    program: async () => {
      const program = await openProgram(cwd, opts.dir);
      for (const warning of program.warnings?.splice(0) ?? []) out.warn(warning);
      return program;
    },
  };
}
