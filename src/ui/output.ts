/** The one gate for output: colour, verbosity, JSON mode, stdout vs stderr. */

import { Chalk, type ChalkInstance } from 'chalk';
import { sanitiseForTerminal } from './sanitise.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose' | 'debug';

export interface OutputOptions {
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/**
 * Decides colour once: off for NO_COLOR, TERM=dumb, --no-color or a non-TTY stream; on with
 * FORCE_COLOR.
 */
export function shouldColor(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  flag: boolean | undefined,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
    return true;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** Output channels for one command run. */
export class Output {
  readonly json: boolean;
  readonly verbosity: Verbosity;
  /** Colours for the result on stdout (off with --json). */
  readonly color: ChalkInstance;
  /** Colours for diagnostics on stderr. */
  readonly stderrColor: ChalkInstance;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    opts: OutputOptions,
    stdout: NodeJS.WriteStream = process.stdout,
    stderr: NodeJS.WriteStream = process.stderr,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.json = Boolean(opts.json);
    this.verbosity = opts.debug
      ? 'debug'
      : opts.verbose
        ? 'verbose'
        : opts.quiet
          ? 'quiet'
          : 'normal';
    this.stdout = stdout;
    this.stderr = stderr;
    this.env = env;
    this.color = new Chalk({ level: !this.json && shouldColor(stdout, env, opts.color) ? 1 : 0 });
    this.stderrColor = new Chalk({ level: shouldColor(stderr, env, opts.color) ? 1 : 0 });
  }

  /** The result, on stdout (every human line is sanitised: participant text holds no escapes). */
  result(text: string): void {
    const safe = sanitiseForTerminal(text, this.color.level > 0);
    this.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  }

  /** A line for stderr, sanitised. */
  private err(text: string): void {
    this.stderr.write(`${sanitiseForTerminal(text, this.stderrColor.level > 0)}\n`);
  }

  /** One JSON document on stdout. */
  resultJson(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A note ("wrote X") on stderr, hidden with --quiet. */
  info(text: string): void {
    if (this.verbosity !== 'quiet') this.err(text);
  }

  /** A warning on stderr, hidden with --quiet. */
  warn(text: string): void {
    if (this.verbosity !== 'quiet') this.err(`${this.stderrColor.yellow('warning:')} ${text}`);
  }

  /** An error line on stderr (always shown). */
  error(text: string): void {
    this.err(`${this.stderrColor.red('error:')} ${text}`);
  }

  /** Explanations shown with --verbose. */
  verbose(text: string): void {
    if (this.isVerbose) this.err(this.stderrColor.dim(text));
  }

  /**
   * Columns the result may use: the terminal's width, or COLUMNS when set (e.g. in a pipe);
   * undefined when neither is known, and tables keep their own column caps.
   */
  get width(): number | undefined {
    if (this.stdout.isTTY && this.stdout.columns) return this.stdout.columns;
    const env = Number(this.env.COLUMNS);
    return Number.isInteger(env) && env >= 20 ? env : undefined;
  }

  /** True with --verbose or --debug: explain decisions, list everything. */
  get isVerbose(): boolean {
    return this.verbosity === 'verbose' || this.verbosity === 'debug';
  }

  /** Whether progress bars may be drawn. */
  get canShowProgress(): boolean {
    return Boolean(this.stderr.isTTY) && !this.json && this.verbosity !== 'quiet';
  }
}
