/** What `init` tells a person: the folder, each file, and the next step. */

import type { Output } from './output.js';

/** The created folder on stdout, each file and the next step on stderr. */
export function renderInitResult(
  out: Output,
  written: { dir: string; files: string[] },
  dryRun: boolean,
): void {
  out.result(`${dryRun ? 'Would create' : 'Created'} program folder ${written.dir}`);
  for (const file of written.files) out.info(`  ${dryRun ? 'would write' : 'wrote'} ${file}`);
  out.info(
    'Next: fill participants.csv or participants.xlsx (or use your form export), ' +
      'then run `mentor-cli import FILE`.',
  );
}
