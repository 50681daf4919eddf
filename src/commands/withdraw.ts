/** `mentor-cli withdraw EMAIL... --reason TEXT`: mark people as withdrawn, keeping everything else. */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { UsageError } from '../errors.js';
import { runEdit } from './shared/edit-people.js';

export function registerWithdraw(program: Command): void {
  program
    .command('withdraw')
    .description('mark participants (email or name) as withdrawn; they are never matched again')
    .argument('<people...>', 'emails or names')
    .option('--reason <text>', 'why they leave (kept as the "Withdrawal reason" attribute)')
    .option('--dry-run', 'show what would change, save nothing')
    .action(async (people: string[], opts: { reason?: string; dryRun?: boolean }, cmd: Command) => {
      const reason = (opts.reason ?? '').trim();
      if (!reason)
        throw new UsageError('Missing --reason', 'Add --reason "TEXT" saying why they leave');
      await runEdit(contextOf(cmd), {
        who: people,
        values: [['status', 'withdrawn']],
        attributes: { 'Withdrawal reason': reason },
        label: 'withdraw',
        dryRun: Boolean(opts.dryRun),
      });
    });
}
