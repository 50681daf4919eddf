/** What `demo` shows: each step as it runs, where everything went, and the dry-run plan. */

import type { Output } from './output.js';

/** The heading and the command line of one demo step. */
export function demoStepHeading(out: Output, title: string, args: string[]): string {
  return `\n${out.color.cyan(`== ${title}`)}\n${out.color.dim(`$ mentor-cli ${args.join(' ')}`)}`;
}

/** The closing list: the program folder, each step's output, and how to go on. */
export function demoWhereLines(
  out: Output,
  folder: string,
  outputs: Array<{ step: string; path: string }>,
): string[] {
  return [
    `\n${out.color.bold('Where everything is')}`,
    `  program folder   ${folder}  (config: mentor.config.json)`,
    ...outputs.map((o) => `  ${o.step.padEnd(16)} ${o.path}`),
    `\nTry: cd ${folder} && npx mentor-cli participants   ` +
      '(run `npm link` once to type plain `mentor-cli` anywhere)',
  ];
}

/** --dry-run: the folder and every command line, as a person could type them. */
export function renderDemoPlan(target: string, commandLines: string[]): string {
  return [
    `Dry run, nothing written. The demo would create ${target} and run:`,
    ...commandLines.map((line) => `  ${line}`),
  ].join('\n');
}
