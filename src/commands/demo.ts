/**
 * `mentor-cli demo [DIR]`: create a sample program from the bundled fixtures and run the whole
 * cycle on it.
 */

import { existsSync, readdirSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { contextOf, type Ctx } from './context.js';
import { FIXTURES_DIR } from '../io/store/program.js';
import { ProblemsError } from '../errors.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const SAMPLE = join(FIXTURES_DIR, 'sample');

/**
 * A step of the demo: a command line and the exit codes that are fine for it (import exits 1: the
 * sample has bad rows on purpose).
 */
interface Step {
  title: string;
  args: string[];
  okCodes: number[];
  output?: string;
}

/** The whole program cycle, in order. */
export function demoSteps(): Step[] {
  const s = 'sample';
  return [
    {
      title: 'Import mentor sign-ups from a Google Forms export',
      okCodes: [0],
      args: ['import', `${s}/google-forms-mentors.csv`],
    },
    {
      title: 'Import mentee sign-ups from a Microsoft Forms export (the form has no role question)',
      okCodes: [0],
      args: ['import', `${s}/ms-forms-mentees.xlsx`, '--role', 'mentee'],
    },
    {
      title:
        'Import an HR export and a hand-made sheet (3 rows are wrong on purpose: they go to rejected.csv)',
      okCodes: [0, 1],
      output: 'rejected.csv',
      args: ['import', `${s}/hr-export-windows1252.csv`, `${s}/hr-late-joiners.xlsx`],
    },
    { title: 'The roster', okCodes: [0], args: ['participants', '--status', 'active'] },
    { title: 'Match mentees with mentors', okCodes: [0, 1], args: ['match'] },
    {
      title: 'Export the matches with reasons',
      okCodes: [0],
      args: ['export', 'matches', '--format', 'xlsx', '--out', 'matches.xlsx'],
      output: 'matches.xlsx',
    },
    {
      title: 'Schedule the meeting series and milestones',
      okCodes: [0, 1],
      args: ['schedule'],
      output: 'schedule/',
    },
    { title: 'Write the introduction emails', okCodes: [0, 1], args: ['intro'], output: 'intro/' },
    {
      title: 'Merge the survey exports',
      okCodes: [0, 1],
      args: [
        'survey',
        'merge',
        `${s}/surveys/kickoff-google-forms.csv`,
        `${s}/surveys/midpoint-ms-forms.xlsx`,
        `${s}/surveys/final-surveymonkey.csv`,
        `${s}/surveys/final-typeform.csv`,
        '--now',
        '2027-06-30',
      ],
    },
    { title: 'Program status', okCodes: [0, 1], args: ['status', '--now', '2027-06-30'] },
    {
      title: 'KPI report for leadership',
      okCodes: [0, 1],
      args: ['report', '--out', 'report.xlsx', '--now', '2027-06-30'],
      output: 'report.xlsx',
    },
    {
      title: 'The same report as one page to open in a browser or print to PDF',
      okCodes: [0, 1],
      args: ['report', '--format', 'html', '--now', '2027-06-30'],
      output: 'report.html',
    },
  ];
}

function freeFolder(base: string): string {
  if (!existsSync(base) || readdirSync(base).length === 0) return base;
  for (let i = 2; ; i++) if (!existsSync(`${base}-${i}`)) return `${base}-${i}`;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create a sample program from bundled data and run the whole cycle on it')
    .argument('[dir]', 'folder to create (default: ./mentor-demo, or -2, -3... if it exists)')
    .option(
      '--dry-run',
      'say which folder would be created and which commands would run; write nothing',
    )
    .action(async (dir: string | undefined, opts: { dryRun?: boolean }, cmd: Command) =>
      runDemo(contextOf(cmd), dir, Boolean(opts.dryRun)),
    );
}

/** The init command line the demo runs first. */
const INIT_ARGS = (target: string) => [
  'init',
  target,
  '--name',
  'Northwind Mentoring 2027',
  '--start',
  '2027-01-11',
  '--end',
  '2027-06-25',
  '--timezone',
  'Europe/London',
  '--quiet',
];

/**
 * --dry-run: the folder and every command, in order, as a person could type them; nothing is
 * created.
 */
function describeDemo(ctx: Ctx, target: string): void {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  // The steps run inside the new folder (their sample/ paths are relative to it), as after a `cd`.
  const lines = [
    `mentor-cli ${INIT_ARGS(target).map(quote).join(' ')}`,
    `# copy the bundled sample data to ${join(target, 'sample')}`,
    `cd ${quote(target)}`,
    ...demoSteps().map((s) => `mentor-cli ${s.args.map(quote).join(' ')}`),
  ];
  if (ctx.out.json) ctx.out.resultJson({ dryRun: true, dir: target, commands: lines });
  else
    ctx.out.result(
      [
        `Dry run, nothing written. The demo would create ${target} and run:`,
        ...lines.map((l) => `  ${l}`),
      ].join('\n'),
    );
}

async function runDemo(ctx: Ctx, dir: string | undefined, dryRun = false): Promise<void> {
  const target = dir ? resolve(ctx.cwd, dir) : freeFolder(resolve(ctx.cwd, 'mentor-demo'));
  if (dryRun) return describeDemo(ctx, target);
  const run = (args: string[]) =>
    spawnSync(process.execPath, [CLI, '--dir', target, ...args], {
      cwd: target,
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 256 * 1024 * 1024,
    });
  const say = (text: string) => (ctx.out.json ? ctx.out.info(text) : ctx.out.result(text));
  const init = spawnSync(process.execPath, [CLI, ...INIT_ARGS(target)], {
    cwd: ctx.cwd,
    encoding: 'utf8',
  });
  if (init.status !== 0)
    throw new ProblemsError(`demo: could not create ${target}: ${init.stderr.trim()}`);
  await cp(SAMPLE, join(target, 'sample'), { recursive: true });
  say(ctx.out.c.bold(`Sample program created in ${target}`));
  const outputs: Array<{ step: string; path: string }> = [];
  for (const step of demoSteps()) {
    say(
      `\n${ctx.out.c.cyan(`== ${step.title}`)}\n${ctx.out.c.dim(`$ mentor-cli ${step.args.join(' ')}`)}`,
    );
    const r = run([...(ctx.opts.verbose ? ['--verbose'] : []), ...step.args]);
    if (r.stdout && !ctx.out.json) ctx.out.result(r.stdout.trimEnd());
    if (r.stderr && ctx.out.verbosity !== 'quiet') ctx.out.stderr.write(r.stderr);
    if (!step.okCodes.includes(r.status ?? -1))
      throw new ProblemsError(
        `demo: step "mentor-cli ${step.args[0]}" failed with exit ${r.status}`,
        'See the message above',
      );
    if (step.output && existsSync(join(target, step.output)))
      outputs.push({ step: step.args[0], path: join(target, step.output) });
  }
  const rel = (p: string) => relative(ctx.cwd, p) || '.';
  if (ctx.out.json) ctx.out.resultJson({ dir: target, outputs });
  else {
    say(`\n${ctx.out.c.bold('Where everything is')}`);
    say(`  program folder   ${rel(target)}  (config: mentor.config.json)`);
    for (const o of outputs) say(`  ${o.step.padEnd(16)} ${rel(o.path)}`);
    say(
      `\nTry: cd ${rel(target)} && npx mentor-cli participants   (run \`npm link\` once to type plain \`mentor-cli\` anywhere)`,
    );
  }
}
