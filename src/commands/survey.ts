/**
 * `mentor-cli survey merge FILE...` and `mentor-cli survey template`: feedback exports in, question
 * sets out.
 */

import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { contextOf, type Ctx } from './context.js';
import { lockProgram, readState, writeState } from '../io/store/program.js';
import { readSurveyFile } from '../io/ingest/survey-read.js';
import { loadSurveyVocabulary } from '../io/ingest/survey-vocabulary.js';
import { writeSurveyTemplates } from '../io/outputs/templates/survey-questions.js';
import { parseSurveyMapFlags } from '../core/surveys/measures.js';
import {
  EMPTY_SURVEY_STATE,
  mergeSurveyResponses,
  type SurveyBatch,
  type SurveyResponse,
  type SurveyState,
} from '../core/surveys/state.js';
import { surveyWaves } from '../core/surveys/waves.js';
import {
  chooseMergeWaves,
  chooseTimeZone,
  countByWave,
  duplicateSubmissionWarnings,
  unknownEmailsWarning,
  unknownResponseEmails,
} from '../core/surveys/merge-plan.js';
import type { Participant, Problem } from '../core/types.js';
import { printProblems } from '../ui/problems.js';
import { renderSurveyColumns, type FileColumns } from '../ui/survey-summary.js';
import { columnFigures } from '../core/surveys/column-stats.js';

interface MergeOptions {
  wave?: string;
  map: string[];
  sheet?: string;
  encoding?: string;
  timezone?: string;
  dryRun?: boolean;
}

export function registerSurvey(program: Command): void {
  const survey = program
    .command('survey')
    .description(
      'merge survey exports (Google Forms, Microsoft Forms, SurveyMonkey, Typeform) and write question templates',
    );
  survey
    .command('merge')
    .description('merge survey exports into the program: answers linked to participants and pairs')
    .argument('<files...>', 'CSV/XLSX survey exports')
    .option(
      '--wave <name>',
      'the wave these responses belong to (default: from each response date)',
    )
    .option(
      '--map <Header=field>',
      'map a column to a field or kind, e.g. --map "Work mail=email", "Q7=rating:1-10", "Q8=text" (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--sheet <name>', 'worksheet to read in an XLSX')
    .option('--encoding <name>', 'text encoding of CSV files when detection is wrong')
    .option('--timezone <tz>', 'zone of local export times (default: the program time zone)')
    .option('--dry-run', 'read and report, write nothing')
    .action(async (files: string[], opts: MergeOptions, cmd: Command) =>
      runMerge(contextOf(cmd), files, opts),
    );
  survey
    .command('template')
    .description(
      'write the recommended question sets (kickoff, midpoint, final) as CSV and Markdown',
    )
    .option(
      '--out <dir>',
      'folder to write into (default: surveys/ in the program folder, or the current folder)',
    )
    .option('--dry-run', 'list the files, write nothing')
    .action(async (opts: { out?: string; dryRun?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const program = await ctx.program().catch(() => undefined);
      const dir = opts.out
        ? resolve(ctx.cwd, opts.out)
        : program
          ? join(program.dir, 'surveys')
          : ctx.cwd;
      const paths = await writeSurveyTemplates(
        dir,
        program?.config.program.name ?? 'Mentoring program',
        Boolean(opts.dryRun),
      );
      if (ctx.out.json) ctx.out.resultJson({ files: paths, dryRun: Boolean(opts.dryRun) });
      else
        ctx.out.result(
          paths.map((p) => `${opts.dryRun ? 'would write' : 'wrote'} ${p}`).join('\n'),
        );
    });
}

async function runMerge(ctx: Ctx, files: string[], opts: MergeOptions): Promise<void> {
  const program = await ctx.program();
  const vocab = await loadSurveyVocabulary(program.dir);
  const flags = parseSurveyMapFlags(
    opts.map,
    vocab.labelScales.map((s) => s.id),
  );
  const timeZone = chooseTimeZone(opts.timezone, program.config.program.timezone);
  const waves = surveyWaves(program.config);
  const { wave, fallbackWave } = chooseMergeWaves(waves, opts.wave, ctx.now);
  const incoming: SurveyResponse[] = [];
  const batches: SurveyBatch[] = [];
  const problems: Problem[] = [];
  const perFile: Array<FileColumns & { mapped: string[]; unmapped: string[] }> = [];
  for (const file of files) {
    const r = await readSurveyFile(resolve(ctx.cwd, file), {
      sheet: opts.sheet,
      encoding: opts.encoding,
      flags,
      wave,
      waves,
      fallbackWave,
      timeZone,
      vocab,
    });
    r.table.file = file;
    for (const x of r.responses) x.source.file = file;
    for (const p of r.problems) if (p.location?.file) p.location.file = file;
    for (const note of r.table.notes) ctx.out.verbose(`${file}: ${note}`);
    const mapped = [...r.mapping.columns].map(([f, i]) => `${r.table.headers[i]} -> ${f}`);
    ctx.out.verbose(`${file}: ${mapped.join('; ')}`);
    perFile.push({
      file,
      responses: r.responses.length,
      empty: r.responses.filter((x) => x.empty).length,
      columns: r.columns,
      figures: columnFigures(r.columns, r.responses, vocab),
      mapped: [...r.mapping.columns.keys()],
      unmapped: r.mapping.unmapped,
    });
    incoming.push(...r.responses);
    batches.push({ headers: r.table.headers, columns: r.columns, responses: r.responses });
    problems.push(...r.problems);
  }
  const { added, duplicates, unknown, resubmitted } = await lockProgram(
    program,
    'survey merge',
    async () => {
      const state = await readState<SurveyState>(program, 'surveys', EMPTY_SURVEY_STATE);
      const participants = await readState<Participant[]>(program, 'participants', []);
      const merged = mergeSurveyResponses(state, batches);
      if (!opts.dryRun && merged.added > 0)
        await writeState(program, 'surveys', merged.state, ctx.now);
      return {
        added: merged.added,
        duplicates: merged.duplicates,
        unknown: unknownResponseEmails(incoming, participants),
        resubmitted: duplicateSubmissionWarnings(
          merged.state.responses,
          new Set(incoming.map((x) => x.id)),
        ),
      };
    },
  );
  printProblems(ctx.out, problems, 50);
  const unknownWarning = unknownEmailsWarning(unknown);
  if (unknownWarning) ctx.out.warn(unknownWarning);
  for (const w of resubmitted) ctx.out.warn(w);
  const byWave = countByWave(incoming);
  if (ctx.out.json) {
    ctx.out.resultJson({
      files: perFile,
      responses: incoming.length,
      added,
      duplicates,
      byWave: Object.fromEntries(byWave),
      unknownEmails: unknown,
      resubmitted,
      problems,
      dryRun: Boolean(opts.dryRun),
    });
    return;
  }
  const waveText = [...byWave].map(([w, n]) => `${w}: ${n}`).join(', ');
  const verb = opts.dryRun ? 'would add' : 'added';
  ctx.out.result(
    `${incoming.length} response(s) read from ${files.length} file(s) (${waveText || 'none'}); ${verb} ${added}, ${duplicates} already merged; ${unknown.length} from unknown emails.\n${renderSurveyColumns(perFile)}`,
  );
  if (!opts.dryRun && added)
    ctx.out.info(
      'Next: `mentor-cli status` for pairs that need help, `mentor-cli report` for the KPI workbook.',
    );
}
