/**
 * `mentor-cli unmatch A B --reason TEXT`: end a pair (kept in history so it is not proposed again).
 */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { lockProgram, readState, writeState } from '../io/store/program.js';
import { UsageError } from '../errors.js';
import type { Participant } from '../core/types.js';
import { emptyMatchesState, endMatch, type MatchesState } from '../core/matching/state.js';
import { norm } from '../core/keys.js';
import { askEndReason } from '../ui/match-prompt.js';

export function registerUnmatch(program: Command): void {
  program
    .command('unmatch')
    .description('end the active pair of two people (email or name, either order)')
    .argument('<a>', 'mentee or mentor')
    .argument('<b>', 'the other person of the pair')
    .option('--reason <text>', 'why the pair ends (kept in the history)')
    .option('--dry-run', 'show what would change, save nothing')
    .action(async (a: string, b: string, opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const program = await ctx.program();
      const reason = (opts.reason ?? '').trim();
      if (!reason && !ctx.interactive)
        throw new UsageError('Missing --reason', 'Add --reason "TEXT" saying why the pair ends');
      const work = async () => {
        const people = await readState<Participant[]>(program, 'participants', []);
        const names = new Map(people.map((p) => [norm(p.email), p.name]));
        const state = {
          ...emptyMatchesState(),
          ...(await readState<MatchesState>(program, 'matches', emptyMatchesState())),
        };
        const found = endMatch(
          state,
          a,
          b,
          reason || 'ended',
          ctx.now,
          (e) => names.get(norm(e)) ?? '',
        );
        if (!found)
          throw new UsageError(
            `No active pair of "${a}" and "${b}"`,
            'Check the emails with `mentor-cli export matches`',
          );
        // Asked only once the pair is known to exist, and only on a TTY (checked above).
        const done = reason
          ? found
          : endMatch(
              state,
              a,
              b,
              await askEndReason(found.match.mentee, found.match.mentor),
              ctx.now,
              (e) => names.get(norm(e)) ?? '',
            )!;
        if (!opts.dryRun) await writeState(program, 'matches', done.state, ctx.now);
        const m = done.match;
        if (ctx.out.json)
          ctx.out.resultJson({
            ended: {
              id: m.id,
              mentee: m.mentee,
              mentor: m.mentor,
              endedAt: m.endedAt,
              endReason: m.endReason,
            },
            dryRun: Boolean(opts.dryRun),
          });
        else
          ctx.out.result(
            `${opts.dryRun ? 'Would end' : 'Ended'} the pair ${m.mentee} – ${m.mentor} (${m.endReason}); run \`mentor-cli match --keep\` to find new partners`,
          );
      };
      if (opts.dryRun) await work();
      else await lockProgram(program, 'unmatch', work);
    });
}
