/**
 * `mentor-cli match approve [--all | PAIR... | --file FILE]` and `match reject PAIR --reason`:
 * the review step between a proposal and the pairs that are scheduled and introduced.
 */

import type { Ctx } from './context.js';
import { InputError, UsageError } from '../errors.js';
import { lockProgram, readState, writeState } from '../io/store/program.js';
import { readDecisions } from '../io/ingest/pair-files.js';
import type { Participant } from '../core/types.js';
import { applyDecisions } from '../core/matching/decisions.js';
import { emptyMatchesState, type MatchesState } from '../core/matching/state.js';
import { approvePairs, rejectPair, reviewCounts } from '../core/matching/review.js';
import {
  nameLookup,
  renderApproved,
  renderDecisions,
  renderRejected,
} from '../ui/review-summary.js';

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

/** --dry-run given after `match approve` (commander hands it to `match`, which has one too). */
const dryRunOf = (ctx: Ctx, opts: { dryRun?: boolean }) =>
  Boolean(opts.dryRun ?? (ctx.opts as { dryRun?: boolean }).dryRun);

export async function runApprove(ctx: Ctx, pairs: string[], given: ApproveOptions) {
  const opts = { ...given, dryRun: dryRunOf(ctx, given) };
  if (!opts.all && !opts.file && !pairs.length)
    throw new UsageError('Say which pairs to approve', 'Give pair ids, --all or --file FILE');
  const { program, read } = await readMatches(ctx);
  if (opts.file) return runApproveFile(ctx, opts.file, pairs, Boolean(opts.dryRun));
  const work = async () => {
    const done = approvePairs(await read(), opts.all ? { all: true } : { tokens: pairs });
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

/** `match approve --file`: the decisions of a reviewed matches workbook, all or none. */
async function runApproveFile(ctx: Ctx, file: string, pairs: string[], dryRun: boolean) {
  if (pairs.length)
    throw new UsageError('Give pair ids or --file, not both', 'Put every decision in the file');
  const { program, read } = await readMatches(ctx);
  const rows = await readDecisions(ctx.cwd, file);
  const work = async () => {
    const people = await readState<Participant[]>(program, 'participants', []);
    const done = applyDecisions(await read(), people, program.config, rows, ctx.now, file);
    if (done.problems.length) {
      for (const p of done.problems.slice(1))
        ctx.out.error(`${file}, row ${p.row}, column "${p.column}": ${p.message}`);
      const first = done.problems[0];
      const more = done.problems.length - 1;
      throw new InputError(
        first.message,
        { file, row: first.row, column: first.column },
        `${first.hint}${more ? ` (${more} more row(s) listed above)` : ''}; nothing was changed`,
      );
    }
    if (!dryRun) await writeState(program, 'matches', done.state, ctx.now);
    return { ...done, counts: reviewCounts(done.state.matches) };
  };
  const r = dryRun ? await work() : await lockProgram(program, 'match approve', work);
  renderDecisions(ctx.out, {
    ...r,
    dryRun,
    names: nameLookup(await readState(program, 'participants', [])),
  });
}

export async function runReject(
  ctx: Ctx,
  pair: string,
  given: { reason?: string; dryRun?: boolean },
) {
  const opts = { ...given, dryRun: dryRunOf(ctx, given) };
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
