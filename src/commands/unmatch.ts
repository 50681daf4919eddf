/**
 * `mentor-cli unmatch A B --reason TEXT`: end a pair (kept in history so it is not proposed again).
 */

import type { Ctx } from './context.js';
import { lockProgram, readState, writeState } from '../io/store/program.js';
import { UsageError } from '../errors.js';
import type { Participant } from '../core/types.js';
import { emptyMatchesState, endMatch, type MatchesState } from '../core/matching/state.js';
import { norm } from '../core/keys.js';

/** The options of `unmatch` (see commands/index.ts). */
export interface UnmatchOptions {
  reason?: string;
  dryRun?: boolean;
}

export async function runUnmatch(
  ctx: Ctx,
  a: string,
  b: string,
  opts: UnmatchOptions,
): Promise<void> {
  const program = await ctx.program();
  const reason = (opts.reason ?? '').trim();
  if (!reason && !ctx.interactive)
    throw new UsageError('Missing --reason', 'Add --reason "TEXT" saying why the pair ends');
  const work = async () => {
    const people = await readState<Participant[]>(program, 'participants', []);
    const names = new Map(people.map((p) => [norm(p.email), p.name]));
    const nameOf = (email: string) => names.get(norm(email)) ?? '';
    const state = {
      ...emptyMatchesState(),
      ...(await readState<MatchesState>(program, 'matches', emptyMatchesState())),
    };
    const found = endMatch(state, a, b, reason || 'ended', ctx.now, nameOf);
    if (!found)
      throw new UsageError(
        `No active pair of "${a}" and "${b}"`,
        'Check the emails with `mentor-cli export matches`',
      );
    // Asked only once the pair is known to exist, and only on a TTY (checked above); inquirer is
    // loaded only then.
    const asked = reason
      ? undefined
      : await (
          await import('../ui/match-prompt.js')
        ).askEndReason(found.match.mentee, found.match.mentor);
    const done = asked === undefined ? found : endMatch(state, a, b, asked, ctx.now, nameOf)!;
    if (!opts.dryRun) await writeState(program, 'matches', done.state, ctx.now);
    const { id, mentee, mentor, endedAt, endReason } = done.match;
    const dryRun = Boolean(opts.dryRun);
    if (ctx.out.json)
      ctx.out.resultJson({ ended: { id, mentee, mentor, endedAt, endReason }, dryRun });
    else
      ctx.out.result(
        `${dryRun ? 'Would end' : 'Ended'} the pair ${mentee} – ${mentor} (${endReason}); ` +
          'run `mentor-cli match --keep` to find new partners',
      );
  };
  if (opts.dryRun) await work();
  else await lockProgram(program, 'unmatch', work);
}
