/**
 * The rules `match` applies before and after the solver: which model and algorithm a run uses, how
 * many suggestions, who can be matched at all, and what the summary shows.
 */

import type { MentoringModel, ProgramConfig } from '../config.js';
import type { Participant } from '../types.js';
import { UsageError } from '../../errors.js';
import type { CandidateGraph } from './candidates.js';
import type { MatchAudit } from './audit.js';
import type { MatchReport } from './result.js';
import { RULE_CONFIG } from './rules.js';
import { capacityWarnings } from './settings.js';
import type { Suggestion } from './suggest.js';
import { impossibleRules } from './unmatched.js';

const MODELS: readonly MentoringModel[] = [
  'one-to-one',
  'group',
  'team',
  'peer',
  'reverse',
  'self-directed',
];

/** How many mentors a self-directed run suggests per mentee when --suggest is not given. */
const DEFAULT_SUGGESTIONS = 3;

/** The audit is split by these fields when no --by is given. */
export const DEFAULT_AUDIT_SPLIT = ['department', 'cohort'];

/** The flags that choose a run, as typed (numbers already parsed). */
export interface MatchFlags {
  model?: string;
  algorithm?: string;
  mentorsPerMentee?: number;
  suggest?: number;
  /** --out was given (it only makes sense with suggestions). */
  out?: boolean;
  by?: string[];
}

/** What one `match` run does. */
export interface MatchPolicy {
  model: MentoringModel;
  algorithm: 'optimal' | 'stable';
  /** Distinct mentors per mentee: --mentors-per-mentee (or the config) for teams, else 1. */
  mentorsPerMentee: number;
  /** With a number, list that many mentors per mentee instead of assigning. */
  suggest?: number;
  /** Fields the fairness audit is split by. */
  by: string[];
}

/**
 * The model from --model, else self-directed with --suggest, team with --mentors-per-mentee, else
 * the config's program.model.
 */
export function chooseModel(flags: MatchFlags, configured: MentoringModel): MentoringModel {
  if (flags.model !== undefined && !MODELS.includes(flags.model as MentoringModel))
    throw new UsageError(
      `--model "${flags.model}" is not a model`,
      `Use one of ${MODELS.join(', ')}`,
    );
  if (flags.model) return flags.model as MentoringModel;
  if (flags.suggest !== undefined) return 'self-directed';
  if (flags.mentorsPerMentee !== undefined) return 'team';
  return configured;
}

/**
 * Resolves the flags against the config. The stable algorithm has no form for peer pairs or teams
 * of more than one mentor; self-directed programs get suggestions rather than assignments.
 */
export function resolveMatchPolicy(flags: MatchFlags, config: ProgramConfig): MatchPolicy {
  const model = chooseModel(flags, config.program.model);
  const algorithm = flags.algorithm ?? config.matching.algorithm;
  if (algorithm !== 'optimal' && algorithm !== 'stable')
    throw new UsageError(
      `--algorithm "${flags.algorithm}" is not known`,
      'Use --algorithm optimal or --algorithm stable',
    );
  const perTeam = flags.mentorsPerMentee ?? config.matching.mentorsPerMentee;
  if (algorithm === 'stable' && (model === 'peer' || (model === 'team' && perTeam > 1)))
    throw new UsageError(
      `--algorithm stable does not support the ${model} model`,
      'Use --algorithm optimal',
    );
  const suggest = flags.suggest ?? (model === 'self-directed' ? DEFAULT_SUGGESTIONS : undefined);
  if (flags.out && suggest === undefined)
    throw new UsageError(
      '--out only works with --suggest',
      'Write the matches with `mentor-cli export matches --out FILE`',
    );
  return {
    model,
    algorithm,
    mentorsPerMentee: model === 'team' ? perTeam : 1,
    suggest,
    by: flags.by?.length ? flags.by : DEFAULT_AUDIT_SPLIT,
  };
}

/**
 * The most mentee-mentor pairs scored on the criteria in one run. The solver holds every pair that
 * passes the hard rules: 25 million dense pairs peaked at 723 MB (bench/match-solver.mjs), so 40
 * million stays under the 1 GB every command keeps to; a whole 100,000-person roster (65,000 x
 * 35,000 = 2.3 billion pairs) passed 1.5 GB within four minutes before this limit.
 */
const MAX_SCORED_PAIRS = 40_000_000;

/**
 * Warnings about mentor capacity; throws when there is no mentor at all (the peer model pairs
 * people among themselves and needs none), or when scoring every pair on the criteria would not
 * fit in memory (`criteria`: false when a --pair-scores file lists the pairs).
 */
export function checkMentorSupply(
  policy: MatchPolicy,
  mentees: Participant[],
  mentors: Participant[],
  defaultCapacity: number,
  criteria = true,
): string[] {
  const n = mentees.length + (policy.model === 'peer' ? 0 : mentors.length);
  const pairs = policy.model === 'peer' ? (n * (n - 1)) / 2 : mentees.length * mentors.length;
  if (criteria && pairs > MAX_SCORED_PAIRS)
    throw new UsageError(
      `${mentees.length.toLocaleString('en')} mentees and ` +
        `${mentors.length.toLocaleString('en')} mentors make ` +
        `${Math.round(pairs).toLocaleString('en')} possible pairs, more than one run can score ` +
        `within the 1 GB memory bound (${MAX_SCORED_PAIRS.toLocaleString('en')})`,
      'Match in parts: give each cohort, region or department its own program folder ' +
        '(`mentor-cli init`, then import its rows), or give `--pair-scores` a file listing ' +
        'only the pairs worth considering',
    );
  if (policy.model === 'peer') return [];
  if (!mentors.length)
    throw new UsageError(
      'There are no active mentors, so nobody can be matched',
      'Import mentors (role "mentor" or "both") with `mentor-cli import FILE` first',
    );
  return capacityWarnings(mentees, mentors, defaultCapacity, policy.mentorsPerMentee);
}

/** One warning per hard rule that excludes every candidate pair (so nobody can be matched). */
export function impossibleRuleWarnings(graph: CandidateGraph, mentees: number): string[] {
  return impossibleRules(graph.blocked, mentees, graph.targets.length).map(
    (code) =>
      `no pair meets ${RULE_CONFIG[code] ?? 'the hard rules'}: every candidate pair is ` +
      'excluded by it. Relax that rule in mentor.config.json',
  );
}

/**
 * Suggestions as shown: reasons based on sensitive attributes join the others only with
 * --include-sensitive, and are never listed apart.
 */
export function mergeSensitiveReasons(list: Suggestion[], include: boolean): Suggestion[] {
  return list.map((suggestion) => ({
    ...suggestion,
    mentors: suggestion.mentors.map((m) => ({
      ...m,
      reasons: include ? [...m.reasons, ...m.sensitiveReasons] : m.reasons,
      sensitiveReasons: [],
    })),
  }));
}

/**
 * The report as shown: the audit only with --audit; the changes with --diff, or whenever there
 * were pairs before this run.
 */
export function shownReport(
  report: MatchReport,
  audit: MatchAudit,
  opts: { audit: boolean; diff: boolean; hadPairs: boolean },
): MatchReport {
  return {
    ...report,
    audit: opts.audit ? audit : undefined,
    changes: opts.diff || opts.hadPairs ? report.changes : [],
  };
}
