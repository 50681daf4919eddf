/** `mentor-cli withdraw EMAIL... --reason TEXT`: mark people as withdrawn, keeping everything else. */

import type { Ctx } from './context.js';
import { UsageError } from '../errors.js';
import { runEdit } from './shared/edit-people.js';

/** The options of `withdraw` (see commands/index.ts). */
export interface WithdrawOptions {
  reason?: string;
  dryRun?: boolean;
}

export async function runWithdraw(
  ctx: Ctx,
  people: string[],
  opts: WithdrawOptions,
): Promise<void> {
  const reason = (opts.reason ?? '').trim();
  if (!reason)
    throw new UsageError('Missing --reason', 'Add --reason "TEXT" saying why they leave');
  await runEdit(ctx, {
    who: people,
    values: [['status', 'withdrawn']],
    attributes: { 'Withdrawal reason': reason },
    label: 'withdraw',
    dryRun: Boolean(opts.dryRun),
  });
}
