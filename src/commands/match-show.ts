/** `mentor-cli match show PAIR|NAME`: one pair with every reason, its score by criterion and the
 * close alternatives. */

import type { Ctx } from './context.js';
import { UsageError } from '../errors.js';
import { readState } from '../io/store/program.js';
import type { Participant } from '../core/types.js';
import { sidesOf } from '../core/matching/models.js';
import { matchSettings } from '../core/matching/settings.js';
import { findPairs, pairDetail, type PairDetail } from '../core/matching/show.js';
import { emptyMatchesState, repeatKeys, type MatchesState } from '../core/matching/state.js';
import { renderPairDetails } from '../ui/match-show.js';

export async function runMatchShow(ctx: Ctx, query: string): Promise<void> {
  const program = await ctx.program();
  const people = await readState<Participant[]>(program, 'participants', []);
  const state = {
    ...emptyMatchesState(),
    ...(await readState<MatchesState>(program, 'matches', emptyMatchesState())),
  };
  const found = findPairs(query, state.matches, people);
  if (!found.length)
    throw new UsageError(
      `No pair found for "${query}"`,
      'Give a pair id, or the name or email of a mentee or mentor (run `mentor-cli match` first ' +
        'if there are no pairs yet)',
    );
  const { config } = program;
  const settings = matchSettings(config, config.program.model, repeatKeys(state), {
    allowRepeat: false,
    minScore: config.matching.minScore,
  });
  const { mentors } = sidesOf(people);
  const details = found
    .map((m) => pairDetail(m, people, mentors, settings))
    .filter((d): d is PairDetail => d !== undefined);
  if (ctx.out.json) ctx.out.resultJson({ pairs: details });
  else
    ctx.out.result(
      renderPairDetails(details, { verbose: ctx.out.isVerbose, width: ctx.out.width }),
    );
}
