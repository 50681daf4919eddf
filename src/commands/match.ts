/**
 * `mentor-cli match`: optimal (or stable) matching for every model, explained, audited and stored
 * atomically.
 */

import type { Ctx } from './context.js';
import { intOption } from './shared/flags.js';
import { lockProgram, writeState } from '../io/store/program.js';
import { ProblemsError } from '../errors.js';
import { runMatching, sidesOf } from '../core/matching/models.js';
import { finishRun } from '../core/matching/result.js';
import { activeMatches, applyRun } from '../core/matching/state.js';
import {
  checkMentorSupply,
  impossibleRuleWarnings,
  resolveMatchPolicy,
  shownReport,
} from '../core/matching/policy.js';
import { autoApproves, proposePairs } from '../core/matching/review.js';
import { renderMatchSummary, savedNote } from '../ui/match-summary.js';
import { personLabels } from '../ui/people.js';
import { loadMatchInput, type MatchInputOptions } from './match-input.js';
import { suggest } from './match-suggest.js';

/** The options of `match` (see commands/index.ts). */
export interface MatchOptions extends MatchInputOptions {
  algorithm?: string;
  model?: string;
  mentorsPerMentee?: string;
  keep?: boolean;
  suggest?: string;
  out?: string;
  force?: boolean;
  includeSensitive?: boolean;
  audit?: boolean;
  by: string[];
  diff?: boolean;
  strict?: boolean;
  dryRun?: boolean;
  autoApprove?: boolean;
}

export async function runMatch(ctx: Ctx, opts: MatchOptions): Promise<void> {
  const program = await ctx.program();
  const config = program.config;
  const policy = resolveMatchPolicy(
    {
      model: opts.model,
      algorithm: opts.algorithm,
      mentorsPerMentee: intOption('--mentors-per-mentee', opts.mentorsPerMentee, 1, 10),
      suggest: intOption('--suggest', opts.suggest, 1, 100),
      out: Boolean(opts.out),
      by: opts.by,
    },
    config,
  );
  const work = async () => {
    const input = await loadMatchInput(ctx.cwd, program, policy.model, opts);
    const { participants, state, settings, given, manual, scoresFile } = input;
    if (input.note) ctx.out.info(input.note);
    if (input.warning) ctx.out.warn(input.warning);
    const { mentees, mentors } = sidesOf(participants);
    const defaultCapacity = config.participants.defaultCapacity;
    const supply = checkMentorSupply(policy, mentees, mentors, defaultCapacity, !given);
    for (const w of supply) ctx.out.warn(w);
    if (policy.suggest !== undefined)
      return suggest(ctx, { ...input, mentees, mentors, count: policy.suggest }, program.dir, opts);
    const previous = activeMatches(state);
    const outcome = runMatching({
      participants,
      settings,
      model: policy.model,
      algorithm: policy.algorithm,
      defaultCapacity,
      mentorsPerMentee: policy.mentorsPerMentee,
      keep: opts.keep ? previous : [],
      manual,
      given,
      audit: Boolean(opts.audit),
    });
    for (const w of impossibleRuleWarnings(outcome.graph, outcome.mentees.length)) ctx.out.warn(w);
    const { matches, run, report } = finishRun({
      outcome,
      settings,
      participants,
      previous,
      previousRun: state.runs.at(-1),
      now: ctx.now,
      cohort: config.program.cohort,
      scores: scoresFile ?? 'criteria',
      givenFile: scoresFile,
      by: policy.by,
      includeSensitive: Boolean(opts.includeSensitive),
      dryRun: Boolean(opts.dryRun),
    });
    for (const w of report.warnings) ctx.out.warn(w);
    if (!opts.dryRun)
      await writeState(
        program,
        'matches',
        applyRun(
          state,
          proposePairs(matches, previous, Boolean(opts.autoApprove) || autoApproves(config)),
          run,
          config.program.cohort,
        ),
        ctx.now,
      );
    const shown = shownReport(report, run.audit, {
      audit: Boolean(opts.audit),
      diff: Boolean(opts.diff),
      hadPairs: previous.length > 0,
    });
    if (ctx.out.json) ctx.out.resultJson(shown);
    else {
      const { isVerbose: verbose, width } = ctx.out;
      const label = personLabels(participants, verbose);
      ctx.out.result(renderMatchSummary(shown, { verbose, width, label }));
    }
    if (!opts.dryRun)
      ctx.out.info(savedNote(matches.length, opts.autoApprove || autoApproves(config)));
    if (opts.strict && report.unmatched.length)
      throw new ProblemsError(
        `${report.unmatched.length} mentee(s) left unmatched`,
        'See the reasons above',
      );
  };
  if (opts.dryRun) await work();
  else await lockProgram(program, 'match', work);
}
