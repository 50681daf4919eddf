/** Loads what `match` needs from the program folder and option files, and builds the settings. */

import { resolve, basename, extname } from 'node:path';
import type { Program } from '../io/store/program.js';
import { readState } from '../io/store/program.js';
import { readTable } from '../io/ingest/read-table.js';
import { UsageError, InputError } from '../errors.js';
import type { MentoringModel } from '../core/config.js';
import type { Participant } from '../core/types.js';
import { emptyMatchesState, repeatKeys, type MatchesState } from '../core/matching/state.js';
import { parsePairTable, type PairRow } from '../core/matching/pair-scores.js';
import { type MatchSettings } from '../core/matching/score.js';
import { chooseMinScore, matchSettings, type MinScoreChoice } from '../core/matching/settings.js';
import { PairScoreArrays } from '../core/matching/pair-arrays.js';
import { readPairScoresCsv } from '../io/formats/pair-scores/read.js';

const MODELS: MentoringModel[] = [
  'one-to-one',
  'group',
  'team',
  'peer',
  'reverse',
  'self-directed',
];

/** Parses a whole-number option, or throws a UsageError naming the flag. */
export function intOption(
  flag: string,
  v: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} "${v}" must be a whole number from ${min} to ${max}`);
  return n;
}

/** Participants and stored matches; a clear error when nothing was imported yet. */
export async function loadProgramData(
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

/** The model from flags or config. */
export function chooseModel(
  program: Program,
  opts: { model?: string; suggest?: string; mentorsPerMentee?: string },
): MentoringModel {
  if (opts.model !== undefined && !MODELS.includes(opts.model as MentoringModel))
    throw new UsageError(
      `--model "${opts.model}" is not a model`,
      `Use one of ${MODELS.join(', ')}`,
    );
  if (opts.model) return opts.model as MentoringModel;
  if (opts.suggest) return 'self-directed';
  if (opts.mentorsPerMentee) return 'team';
  return program.config.program.model;
}

/** Reads a pairs file (--pair-scores, --manual, --history). */
export async function readPairs(
  cwd: string,
  file: string,
  score: boolean,
  known?: Set<string>,
): Promise<PairRow[]> {
  const table = await readTable(resolve(cwd, file));
  return parsePairTable({ ...table, file }, { score, known });
}

/**
 * Reads --pair-scores: CSV/TSV files are streamed into typed arrays (25 M rows fit in memory);
 * XLSX files go through the spreadsheet reader, which holds every cell (fine to ~1 M rows).
 */
export async function readPairScores(
  cwd: string,
  file: string,
  known: Set<string>,
): Promise<PairScoreArrays> {
  const path = resolve(cwd, file);
  if (/^\.xls[xm]?$/i.test(extname(file)))
    return PairScoreArrays.fromRows(await readPairs(cwd, file, true, known), fileLabel(file));
  try {
    return await readPairScoresCsv(path, { label: file, known });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(
        'does not exist',
        { file },
        'Check the file name and folder given to --pair-scores',
      );
    if (code === 'EISDIR' || code === 'EACCES')
      throw new InputError(
        `cannot be read (${code})`,
        { file },
        'Give a CSV or XLSX file to --pair-scores',
      );
    throw e;
  }
}

/**
 * Settings for scoring and rules from config and flags, with a note or warning about the minimum
 * score.
 */
export function buildSettings(
  program: Program,
  model: MentoringModel,
  history: MatchesState,
  extraHistory: PairRow[],
  opts: { allowRepeat?: boolean; minScore?: string },
  given?: PairScoreArrays,
): { settings: MatchSettings } & MinScoreChoice {
  const c = program.config;
  const flag = opts.minScore === undefined ? undefined : Number(opts.minScore);
  if (flag !== undefined && (!Number.isFinite(flag) || flag < 0))
    throw new UsageError(`--min-score "${opts.minScore}" is not a number of 0 or more`);
  const choice = chooseMinScore(
    c.matching.minScore,
    flag,
    given && {
      scores: given.score,
      count: given.count,
      file: given.file || 'the pair-scores file',
    },
  );
  return {
    ...choice,
    settings: matchSettings(c, model, repeatKeys(history, extraHistory), {
      allowRepeat: Boolean(opts.allowRepeat),
      minScore: choice.minScore,
    }),
  };
}

export const fileLabel = (f: string) => basename(f);
