/**
 * Reading one survey export (any form tool, CSV or XLSX) into stored responses, through the shared
 * ingest layer: every column classified, measures read on their scales.
 */

import { InputError } from '../../errors.js';
import type { Problem, SourceTable } from '../../core/types.js';
import type { SurveyWave } from '../../core/config.js';
import type { SurveyMapTarget, SurveyMapping } from '../../core/surveys/measures.js';
import { classifyColumns, mappingOf, type ColumnInfo } from '../../core/surveys/classify.js';
import { readSurveyResponses } from '../../core/surveys/responses.js';
import type { SurveyResponse } from '../../core/surveys/state.js';
import type { Vocabulary } from '../../core/surveys/vocabulary.js';
import { readTable } from './read-table.js';

/** What was read from one file. */
export interface SurveyFileResult {
  table: SourceTable;
  mapping: SurveyMapping;
  columns: ColumnInfo[];
  responses: SurveyResponse[];
  problems: Problem[];
}

/**
 * Reads, classifies and maps a survey file; throws InputError naming the file and its headers when
 * no email column is found.
 */
export async function readSurveyFile(
  path: string,
  opts: {
    sheet?: string;
    encoding?: string;
    flags: ReadonlyMap<string, SurveyMapTarget>;
    wave?: string;
    waves: readonly SurveyWave[];
    fallbackWave: string;
    timeZone?: string;
    vocab?: Vocabulary;
  },
): Promise<SurveyFileResult> {
  const table = await readTable(path, { sheet: opts.sheet, encoding: opts.encoding });
  const columns = classifyColumns(table, opts.flags, opts.vocab);
  const mapping = mappingOf(columns);
  if (!mapping.columns.has('email')) {
    const found = table.headers.map((h) => `"${h}"`).join(', ');
    throw new InputError(
      `has no email column (headers found: ${found})`,
      { file: table.file, sheet: table.sheet },
      'Add --map "Header=email" naming the column that holds the respondent\'s email, or turn on email collection in the form',
    );
  }
  const { responses, problems } = readSurveyResponses(table, mapping, { ...opts, columns });
  if (
    !opts.wave &&
    !mapping.columns.has('submittedAt') &&
    !mapping.columns.has('startedAt') &&
    !mapping.columns.has('wave')
  ) {
    problems.unshift({
      severity: 'warning',
      code: 'survey-no-date',
      message: `has no date column; responses put in the current wave "${opts.fallbackWave}"`,
      hint: 'Pass --wave NAME to choose',
      location: { file: table.file, sheet: table.sheet },
    });
  }
  return { table, mapping, columns, responses, problems };
}
