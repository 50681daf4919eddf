/**
 * `mentor-cli match`: optimal (or stable) matching for every model, explained, audited and stored
 * atomically.
 */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { lockProgram, writeState } from '../io/store/program.js';
import { ProblemsError, UsageError } from '../errors.js';
import { runMatching, sidesOf } from '../core/matching/models.js';
import { givenToCsr } from '../core/matching/request.js';
import { buildCandidates } from '../core/matching/candidates.js';
import { suggestMentors } from '../core/matching/suggest.js';
import { finishRun } from '../core/matching/result.js';
import { impossibleRules } from '../core/matching/unmatched.js';
import { RULE_CONFIG } from '../core/matching/rules.js';
import { activeMatches, applyRun } from '../core/matching/state.js';
import { capacityWarnings } from '../core/matching/settings.js';
import { checkManualPairs } from '../core/matching/pair-scores.js';
import { norm } from '../core/keys.js';
import { renderMatchSummary } from '../ui/match-summary.js';
import {
  buildSettings,
  chooseModel,
  fileLabel,
  intOption,
  loadProgramData,
  readPairs,
  readPairScores,
} from './match-input.js';
import { emitSuggestions } from './match-suggest.js';

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description(
      'match mentees to mentors (most mentees matched, then highest total score), explain and store the pairs',
    )
    .option('--algorithm <name>', 'optimal or stable (default: matching.algorithm in config)')
    .option(
      '--model <model>',
      'one-to-one, group, team, peer, reverse or self-directed (default: program.model)',
    )
    .option('--mentors-per-mentee <k>', 'team model: distinct mentors per mentee')
    .option(
      '--pair-scores <file>',
      'CSV/XLSX with mentee, mentor, score: use these scores instead of the criteria',
    )
    .option('--manual <file>', 'CSV/XLSX with mentee, mentor: pairs fixed before matching')
    .option(
      '--history <file>',
      'CSV/XLSX with mentee, mentor pairs from earlier cohorts, never repeated',
    )
    .option(
      '--previous <file>',
      'an earlier `export matches` CSV/XLSX: its pairs are never repeated (like --history)',
    )
    .option('--keep', 'keep current active pairs; only match people who are unmatched')
    .option('--allow-repeat', 'allow pairs from earlier cohorts again')
    .option(
      '--suggest <n>',
      'self-directed: list the N best mentors per mentee instead of assigning',
    )
    .option(
      '--out <file>',
      'with --suggest: also write the suggestions to FILE (.csv, .xlsx or .json)',
    )
    .option('--force', 'with --out: overwrite an existing file outside the program folder')
    .option('--min-score <n>', 'minimum pair score (default: matching.minScore)')
    .option('--include-sensitive', 'show reasons based on sensitive attributes')
    .option('--audit', 'show the fairness audit')
    .option(
      '--by <field>',
      'audit split by this field (repeatable; default department and cohort)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--diff', 'show which pairs changed since the last saved matching')
    .option('--strict', 'exit 1 when any mentee is left unmatched')
    .option('--dry-run', 'show the result, save nothing')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const program = await ctx.program();
      const cfg = program.config;
      const model = chooseModel(program, opts);
      const algorithm = (opts.algorithm ?? cfg.matching.algorithm) as 'optimal' | 'stable';
      if (algorithm !== 'optimal' && algorithm !== 'stable')
        throw new UsageError(
          `--algorithm "${opts.algorithm}" is not known`,
          'Use --algorithm optimal or --algorithm stable',
        );
      const k =
        intOption('--mentors-per-mentee', opts.mentorsPerMentee, 1, 10) ??
        cfg.matching.mentorsPerMentee;
      if (algorithm === 'stable' && (model === 'peer' || (model === 'team' && k > 1)))
        throw new UsageError(
          `--algorithm stable does not support the ${model} model`,
          'Use --algorithm optimal',
        );
      const suggest =
        intOption('--suggest', opts.suggest, 1, 100) ?? (model === 'self-directed' ? 3 : undefined);
      if (opts.out && suggest === undefined)
        throw new UsageError(
          '--out only works with --suggest',
          'Write the matches with `mentor-cli export matches --out FILE`',
        );
      const work = async () => {
        const { participants, state } = await loadProgramData(program);
        const known = new Set(participants.map((p) => norm(p.email)));
        const given = opts.pairScores
          ? await readPairScores(ctx.cwd, opts.pairScores, known)
          : undefined;
        const manual = opts.manual ? await readPairs(ctx.cwd, opts.manual, false, known) : [];
        if (opts.manual) checkManualPairs(manual, participants, opts.manual);
        const history = [
          ...(opts.history ? await readPairs(ctx.cwd, opts.history, false) : []),
          ...(opts.previous ? await readPairs(ctx.cwd, opts.previous, false) : []),
        ];
        const { settings, note, warning } = buildSettings(
          program,
          model,
          state,
          history,
          opts,
          given,
        );
        if (note) ctx.out.info(note);
        if (warning) ctx.out.warn(warning);
        const { mentees, mentors } = sidesOf(participants);
        if (model !== 'peer' && !mentors.length)
          throw new UsageError(
            'There are no active mentors, so nobody can be matched',
            'Import mentors (role "mentor" or "both") with `mentor-cli import FILE` first',
          );
        if (model !== 'peer')
          for (const w of capacityWarnings(
            mentees,
            mentors,
            cfg.participants.defaultCapacity,
            model === 'team' ? k : 1,
          ))
            ctx.out.warn(w);
        if (suggest !== undefined) {
          const g = buildCandidates(
            mentees,
            mentors,
            settings,
            given ? givenToCsr(given, mentees, mentors) : undefined,
          );
          const list = suggestMentors(
            g,
            mentees,
            mentors,
            suggest,
            settings,
            given ? fileLabel(opts.pairScores) : undefined,
          ).map((x) => ({
            ...x,
            mentors: x.mentors.map((m) => ({
              ...m,
              reasons: opts.includeSensitive ? [...m.reasons, ...m.sensitiveReasons] : m.reasons,
              sensitiveReasons: [],
            })),
          }));
          await emitSuggestions(ctx, list, opts.out, program.dir, Boolean(opts.force));
          return;
        }
        const previous = activeMatches(state);
        const outcome = runMatching({
          participants,
          settings,
          model,
          algorithm,
          defaultCapacity: cfg.participants.defaultCapacity,
          mentorsPerMentee: model === 'team' ? k : 1,
          keep: opts.keep ? previous : [],
          manual,
          given,
          audit: Boolean(opts.audit),
        });
        const edges = outcome.graph.targets.length;
        for (const code of impossibleRules(outcome.graph.blocked, outcome.mentees.length, edges)) {
          ctx.out.warn(
            `no pair meets ${RULE_CONFIG[code] ?? 'the hard rules'}: every candidate pair is excluded by it. Relax that rule in mentor.config.json`,
          );
        }
        const { matches, run, report } = finishRun({
          outcome,
          settings,
          participants,
          previous,
          previousRun: state.runs.at(-1),
          now: ctx.now,
          cohort: cfg.program.cohort,
          scores: given ? fileLabel(opts.pairScores) : 'criteria',
          givenFile: given ? fileLabel(opts.pairScores) : undefined,
          by: opts.by.length ? opts.by : ['department', 'cohort'],
          includeSensitive: Boolean(opts.includeSensitive),
          dryRun: Boolean(opts.dryRun),
        });
        for (const w of report.warnings) ctx.out.warn(w);
        if (!opts.dryRun)
          await writeState(
            program,
            'matches',
            applyRun(state, matches, run, cfg.program.cohort),
            ctx.now,
          );
        const shown = {
          ...report,
          audit: opts.audit ? run.audit : undefined,
          changes: opts.diff || previous.length ? report.changes : [],
        };
        if (ctx.out.json) ctx.out.resultJson(shown);
        else
          ctx.out.result(
            renderMatchSummary(shown, {
              verbose: ctx.out.verbosity === 'verbose' || ctx.out.verbosity === 'debug',
            }),
          );
        if (!opts.dryRun)
          ctx.out.info(
            `saved ${matches.length} pairs; export them with \`mentor-cli export matches --format xlsx --out matches.xlsx\``,
          );
        if (opts.strict && report.unmatched.length)
          throw new ProblemsError(
            `${report.unmatched.length} mentee(s) left unmatched`,
            'See the reasons above',
          );
      };
      if (opts.dryRun) await work();
      else await lockProgram(program, 'match', work);
    });
}
