/** `mentor-cli set EMAIL field=value...`: change one person's fields without a file. */

import type { Ctx } from './context.js';
import { parseAssignments } from '../core/roster/edit.js';
import { runEdit } from './shared/edit-people.js';

/** The options of `set` (see commands/index.ts). */
export interface SetOptions {
  dryRun?: boolean;
}

export async function runSet(
  ctx: Ctx,
  person: string,
  words: string[],
  opts: SetOptions,
): Promise<void> {
  await runEdit(ctx, {
    who: [person],
    values: parseAssignments(words),
    label: 'set',
    dryRun: Boolean(opts.dryRun),
  });
}
