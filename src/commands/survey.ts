/**
 * `mentor-cli survey merge FILE...`: survey exports from any form tool, linked to participants and
 * pairs, merged exactly once.
 */

import type { Ctx } from './context.js';
import { lockProgram, readState, writeState } from '../io/store/program.js';
import { readSurveyFiles } from '../io/ingest/survey-files.js';
import { parseSurveyMapFlags } from '../core/surveys/measures.js';
import {
  EMPTY_SURVEY_STATE,
  mergeSurveyResponses,
  type SurveyState,
} from '../core/surveys/state.js';
import { surveyWaves } from '../core/surveys/waves.js';
import {
  chooseMergeWaves,
  countByWave,
  unknownEmailsWarning,
  unknownResponseEmails,
} from '../core/surveys/merge-plan.js';
import type { Participant } from '../core/types.js';
import { printProblems } from '../ui/problems.js';
import { renderMergeResult } from '../ui/survey-summary.js';

/** The options of `survey merge` (see commands/index.ts). */
export interface MergeOptions {
  wave?: string;
  map: string[];
  sheet?: string;
  encoding?: string;
  dryRun?: boolean;
}

export async function runSurveyMerge(ctx: Ctx, files: string[], opts: MergeOptions): Promise<void> {
  const flags = parseSurveyMapFlags(opts.map);
  const program = await ctx.program();
  const waves = surveyWaves(program.config);
  const { wave, fallbackWave } = chooseMergeWaves(waves, opts.wave, ctx.now);
  const read = await readSurveyFiles(
    ctx.cwd,
    files,
    { sheet: opts.sheet, encoding: opts.encoding, flags, wave, waves, fallbackWave },
    (line) => ctx.out.verbose(line),
  );
  const dryRun = Boolean(opts.dryRun);
  const { added, duplicates, unknown } = await lockProgram(program, 'survey merge', async () => {
    const state = await readState<SurveyState>(program, 'surveys', EMPTY_SURVEY_STATE);
    const participants = await readState<Participant[]>(program, 'participants', []);
    const merged = mergeSurveyResponses(state, read.batches);
    if (!dryRun && merged.added > 0) await writeState(program, 'surveys', merged.state, ctx.now);
    return {
      added: merged.added,
      duplicates: merged.duplicates,
      unknown: unknownResponseEmails(read.incoming, participants),
    };
  });
  printProblems(ctx.out, read.problems, 50);
  const unknownWarning = unknownEmailsWarning(unknown);
  if (unknownWarning) ctx.out.warn(unknownWarning);
  const byWave = countByWave(read.incoming);
  const responses = read.incoming.length;
  if (!ctx.out.json)
    return renderMergeResult(ctx.out, {
      responses,
      files: files.length,
      byWave,
      added,
      duplicates,
      unknown: unknown.length,
      dryRun,
    });
  ctx.out.resultJson({
    files: read.perFile,
    responses,
    added,
    duplicates,
    byWave: Object.fromEntries(byWave),
    unknownEmails: unknown,
    problems: read.problems,
    dryRun,
  });
}
