/**
 * Reading every survey export of one `survey merge`: responses, batches and problems, each pointing
 * at the file as the user named it.
 */

import { resolve } from 'node:path';
import type { Problem } from '../../core/types.js';
import type { SurveyBatch, SurveyResponse } from '../../core/surveys/state.js';
import { readSurveyFile } from './survey-read.js';

type ReadOptions = Parameters<typeof readSurveyFile>[1];

/** What one file held: responses, and which survey fields its columns fed. */
interface SurveyFileSummary {
  file: string;
  responses: number;
  mapped: string[];
  unmapped: string[];
}

/** Every file read, in order. */
export interface SurveyFiles {
  incoming: SurveyResponse[];
  batches: SurveyBatch[];
  problems: Problem[];
  perFile: SurveyFileSummary[];
}

/** Reads `files` (relative to `cwd`); `explain` receives notes for --verbose. */
export async function readSurveyFiles(
  cwd: string,
  files: string[],
  options: ReadOptions,
  explain: (line: string) => void,
): Promise<SurveyFiles> {
  const result: SurveyFiles = { incoming: [], batches: [], problems: [], perFile: [] };
  for (const file of files) {
    const read = await readSurveyFile(resolve(cwd, file), options);
    read.table.file = file;
    for (const response of read.responses) response.source.file = file;
    for (const p of read.problems) if (p.location?.file) p.location.file = file;
    for (const note of read.table.notes) explain(`${file}: ${note}`);
    const mapped = [...read.mapping.columns].map(([f, i]) => `${read.table.headers[i]} -> ${f}`);
    explain(`${file}: ${mapped.join('; ')}`);
    result.perFile.push({
      file,
      responses: read.responses.length,
      mapped: [...read.mapping.columns.keys()],
      unmapped: read.mapping.unmapped,
    });
    result.incoming.push(...read.responses);
    result.batches.push({ headers: read.table.headers, responses: read.responses });
    result.problems.push(...read.problems);
  }
  return result;
}
