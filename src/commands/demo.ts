/**
 * `mentor-cli demo [DIR]`: create a sample program from the bundled fixtures and run the whole
 * cycle on it.
 */

import { existsSync, readdirSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from './context.js';
import { demoSteps, initArgs } from './shared/demo-steps.js';
import { FIXTURES_DIR } from '../io/store/program.js';
import { ProblemsError } from '../errors.js';
import { demoStepHeading, demoWhereLines, renderDemoPlan } from '../ui/demo-summary.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const SAMPLE = join(FIXTURES_DIR, 'sample');

/** The options of `demo` (see commands/index.ts). */
export interface DemoOptions {
  dryRun?: boolean;
}

/** `base`, or the first of base-2, base-3... that does not exist, when base holds files. */
function freeFolder(base: string): string {
  if (!existsSync(base) || readdirSync(base).length === 0) return base;
  for (let i = 2; ; i++) if (!existsSync(`${base}-${i}`)) return `${base}-${i}`;
}

/** A word as a POSIX shell reads it back. */
const shellQuote = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;

/**
 * --dry-run: the folder and every command, in order; nothing is created. The steps run inside the
 * new folder (their sample/ paths are relative to it), as after a `cd`.
 */
function describeDemo(ctx: Ctx, target: string): void {
  const lines = [
    `mentor-cli ${initArgs(target).map(shellQuote).join(' ')}`,
    `# copy the bundled sample data to ${join(target, 'sample')}`,
    `cd ${shellQuote(target)}`,
    ...demoSteps().map((step) => `mentor-cli ${step.args.map(shellQuote).join(' ')}`),
  ];
  if (ctx.out.json) ctx.out.resultJson({ dryRun: true, dir: target, commands: lines });
  else ctx.out.result(renderDemoPlan(target, lines));
}

export async function runDemo(ctx: Ctx, dir: string | undefined, opts: DemoOptions): Promise<void> {
  const target = dir ? resolve(ctx.cwd, dir) : freeFolder(resolve(ctx.cwd, 'mentor-demo'));
  if (opts.dryRun) return describeDemo(ctx, target);
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 256 * 1024 * 1024,
    });
  const say = (text: string) => (ctx.out.json ? ctx.out.info(text) : ctx.out.result(text));
  const init = run(initArgs(target), ctx.cwd);
  if (init.status !== 0)
    throw new ProblemsError(`demo: could not create ${target}: ${init.stderr.trim()}`);
  await cp(SAMPLE, join(target, 'sample'), { recursive: true });
  say(ctx.out.color.bold(`Sample program created in ${target}`));
  const outputs: Array<{ step: string; path: string }> = [];
  for (const step of demoSteps()) {
    say(demoStepHeading(ctx.out, step.title, step.args));
    const verbose = ctx.opts.verbose ? ['--verbose'] : [];
    const result = run(['--dir', target, ...verbose, ...step.args], target);
    if (result.stdout && !ctx.out.json) ctx.out.result(result.stdout.trimEnd());
    if (result.stderr && ctx.out.verbosity !== 'quiet') ctx.out.stderr.write(result.stderr);
    if (!step.okCodes.includes(result.status ?? -1))
      throw new ProblemsError(
        `demo: step "mentor-cli ${step.args[0]}" failed with exit ${result.status}`,
        'See the message above',
      );
    if (step.output && existsSync(join(target, step.output)))
      outputs.push({ step: step.args[0], path: join(target, step.output) });
  }
  const shown = (path: string) => relative(ctx.cwd, path) || '.';
  if (ctx.out.json) return ctx.out.resultJson({ dir: target, outputs });
  const listed = outputs.map((o) => ({ step: o.step, path: shown(o.path) }));
  for (const line of demoWhereLines(ctx.out, shown(target), listed)) say(line);
}
