/**
 * `mentor-cli match approve [--all | PAIR... | --file FILE]` and `match reject PAIR --reason`:
 * the review step between a proposal and the pairs that are scheduled and introduced.
 */

import type { Ctx } from './context.js';
import { InputError, UsageError } from '../errors.js';
import { lockProgram, readState, writeState } from '../io/store/program.js';
import { readPairs } from '../io/ingest/pair-files.js';
import { emptyMatchesState, type MatchesState } from '../core/matching/state.js';
import { approvePairs, pairIdsOf, rejectPair, reviewCounts } from '../core/matching/review.js';
import { renderApproved, renderRejected } from '../ui/review-summary.js';

/** The options of `match approve`. */
export interface ApproveOptions {
  all?: boolean;
  file?: string;
  dryRun?: boolean;
}

const readMatches = async (ctx: Ctx) => {
  const program = await ctx.program();
  const read = async () => ({
    ...emptyMatchesState(),
    ...(await readState<MatchesState>(program, 'matches', emptyMatchesState())),
  });
  return { program, read };
};

export async function runApprove(ctx: Ctx, pairs: string[], opts: ApproveOptions) {
  if (!opts.all && !opts.file && !pairs.length)
    throw new UsageError('Say which pairs to approve', 'Give pair ids, --all or --file FILE');
  const { program, read } = await readMatches(ctx);
  const work = async () => {
    const state = await read();
    let tokens = pairs;
    if (opts.file) {
      const { ids, missing } = pairIdsOf(state, await readPairs(ctx.cwd, opts.file, false));
      if (missing.length)
        throw new InputError(
          `${missing[0].mentee} – ${missing[0].mentor} is not a current pair`,
          { file: opts.file, row: missing[0].row },
          'Approve only pairs from the last `match` (see `mentor-cli export matches`)',
        );
      tokens = [...tokens, ...ids];
    }
    const done = approvePairs(state, opts.all ? { all: true } : { tokens });
    if (done.unknown.length)
      throw new UsageError(
        `No current pair "${done.unknown[0]}"`,
        'Use a pair id or an email from `mentor-cli export matches`',
      );
    if (!opts.dryRun) await writeState(program, 'matches', done.state, ctx.now);
    return { approved: done.approved, counts: reviewCounts(done.state.matches) };
  };
  const r = opts.dryRun ? await work() : await lockProgram(program, 'match approve', work);
  renderApproved(ctx.out, { ...r, dryRun: Boolean(opts.dryRun) });
}

export async function runReject(
  ctx: Ctx,
  pair: string,
  opts: { reason?: string; dryRun?: boolean },
) {
  const reason = (opts.reason ?? '').trim();
  if (!reason) throw new UsageError('Missing --reason', 'Add --reason "TEXT" saying why');
  const { program, read } = await readMatches(ctx);
  const work = async () => {
    const done = rejectPair(await read(), pair, reason, ctx.now);
    if (!done)
      throw new UsageError(
        `No current pair "${pair}"`,
        'Use a pair id from `mentor-cli export matches --format json`',
      );
    if (!opts.dryRun) await writeState(program, 'matches', done.state, ctx.now);
    return done.match;
  };
  const match = opts.dryRun ? await work() : await lockProgram(program, 'match reject', work);
  renderRejected(ctx.out, match, Boolean(opts.dryRun));
}
