/** Loads what `match` needs from the program folder and option files, and builds the settings. */

import { basename } from 'node:path';
import { readState, type Program } from '../io/store/program.js';
import { readPairs, readPairScores } from '../io/ingest/pair-files.js';
import { UsageError } from '../errors.js';
import type { MentoringModel } from '../core/config.js';
import type { Participant } from '../core/types.js';
import { emptyMatchesState, repeatKeys, type MatchesState } from '../core/matching/state.js';
import { checkManualPairs, type PairRow } from '../core/matching/pair-scores.js';
import { type MatchSettings } from '../core/matching/score.js';
import { norm } from '../core/keys.js';
import { chooseMinScore, matchSettings, type MinScoreChoice } from '../core/matching/settings.js';
import type { PairScoreArrays } from '../core/matching/pair-arrays.js';

/** The `match` flags that name input files or change the scoring. */
export interface MatchInputOptions {
  pairScores?: string;
  manual?: string;
  history?: string;
  previous?: string;
  allowRepeat?: boolean;
  minScore?: string;
}

/** Everything a match run starts from, with a note or warning about the minimum score. */
export interface MatchInput extends MinScoreChoice {
  participants: Participant[];
  state: MatchesState;
  settings: MatchSettings;
  /** Scores from --pair-scores, and that file's name as reports show it. */
  given?: PairScoreArrays;
  scoresFile?: string;
  /** Pairs fixed by --manual. */
  manual: PairRow[];
}

/** Reads the roster, the stored matches and every option file, then builds the settings. */
export async function loadMatchInput(
  cwd: string,
  program: Program,
  model: MentoringModel,
  opts: MatchInputOptions,
): Promise<MatchInput> {
  const { participants, state } = await loadProgramData(program);
  const known = new Set(participants.map((p) => norm(p.email)));
  const given = opts.pairScores ? await readPairScores(cwd, opts.pairScores, known) : undefined;
  const manual = opts.manual ? await readPairs(cwd, opts.manual, false, known) : [];
  if (opts.manual) checkManualPairs(manual, participants, opts.manual);
  const history = [
    ...(opts.history ? await readPairs(cwd, opts.history, false) : []),
    ...(opts.previous ? await readPairs(cwd, opts.previous, false) : []),
  ];
  const choice = buildSettings(program, model, state, history, opts, given);
  const scoresFile = given && opts.pairScores ? basename(opts.pairScores) : undefined;
  return { ...choice, participants, state, given, scoresFile, manual };
}

/** Participants and stored matches; a clear error when nothing was imported yet. */
async function loadProgramData(
  program: Program,
): Promise<{ participants: Participant[]; state: MatchesState }> {
  const participants = await readState<Participant[]>(program, 'participants', []);
  if (!participants.length)
    throw new UsageError(
      'This program has no participants yet',
      'Run `mentor-cli import FILE` first',
    );
  const state = await readState<MatchesState>(program, 'matches', emptyMatchesState());
  return { participants, state: { ...emptyMatchesState(), ...state } };
}

/**
 * Settings for scoring and rules from config and flags, with a note or warning about the minimum
 * score.
 */
function buildSettings(
  program: Program,
  model: MentoringModel,
  history: MatchesState,
  extraHistory: PairRow[],
  opts: MatchInputOptions,
  given?: PairScoreArrays,
): { settings: MatchSettings } & MinScoreChoice {
  const config = program.config;
  const flag = opts.minScore === undefined ? undefined : Number(opts.minScore);
  if (flag !== undefined && (!Number.isFinite(flag) || flag < 0))
    throw new UsageError(`--min-score "${opts.minScore}" is not a number of 0 or more`);
  const choice = chooseMinScore(
    config.matching.minScore,
    flag,
    given && {
      scores: given.score,
      count: given.count,
      file: given.file || 'the pair-scores file',
    },
  );
  return {
    ...choice,
    settings: matchSettings(config, model, repeatKeys(history, extraHistory), {
      allowRepeat: Boolean(opts.allowRepeat),
      minScore: choice.minScore,
    }),
  };
}
