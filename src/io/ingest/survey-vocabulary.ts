/**
 * The survey vocabulary of a program: the built-in one, extended by survey-vocabulary.json in the
 * program folder when there is one.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import {
  BUILT_IN_VOCABULARY,
  compileVocabulary,
  DEFAULT_VOCABULARY,
  mergeVocabularyFiles,
  type Vocabulary,
} from '../../core/surveys/vocabulary.js';

/** The file name of a program's own vocabulary extension. */
const VOCABULARY_FILE = 'survey-vocabulary.json';

/** Reads the program's vocabulary extension (if any) merged into the built-in vocabulary. */
export async function loadSurveyVocabulary(programDir: string): Promise<Vocabulary> {
  const path = join(programDir, VOCABULARY_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return DEFAULT_VOCABULARY;
  }
  let extra: unknown;
  try {
    extra = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      `is not valid JSON (${(e as Error).message})`,
      { file: path },
      'Fix the file, or remove it to use the built-in vocabulary',
    );
  }
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra))
    throw new InputError('must hold one JSON object shaped like the built-in vocabulary', {
      file: path,
    });
  try {
    return compileVocabulary(mergeVocabularyFiles(BUILT_IN_VOCABULARY, extra));
  } catch (e) {
    throw new InputError(
      `could not be read (${(e as Error).message})`,
      { file: path },
      'Labels map to numbers, word lists are arrays of strings, header patterns are regular expressions',
    );
  }
}
