/** `mentor-cli set EMAIL field=value...`: change one person's fields without a file. */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { parseAssignments } from '../core/roster/edit.js';
import { runEdit } from './shared/edit-people.js';

export function registerSet(program: Command): void {
  program
    .command('set')
    .description('change fields of one participant (email or name), read like an import')
    .argument('<person>', 'email or name of the participant')
    .argument(
      '<assignments...>',
      'field=value, e.g. timezone=Europe/Berlin "availability=Mon 9-11"',
    )
    .option('--dry-run', 'show what would change, save nothing')
    .action(async (person: string, words: string[], opts: { dryRun?: boolean }, cmd: Command) =>
      runEdit(contextOf(cmd), {
        who: [person],
        values: parseAssignments(words),
        label: 'set',
        dryRun: Boolean(opts.dryRun),
      }),
    );
}
