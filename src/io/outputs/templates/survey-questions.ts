/**
 * Writing the recommended survey question sets as CSV and Markdown, ready to paste into a form
 * tool.
 */

import { join } from 'node:path';
import { SURVEY_TEMPLATES } from '../../../core/surveys/templates.js';
import { toCsv } from '../../formats/csv/write.js';
import { writeFileAtomic } from '../../store/atomic.js';

/** The files for every wave: name -> content. */
function renderSurveyTemplates(programName: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [wave, questions] of Object.entries(SURVEY_TEMPLATES)) {
    files.set(
      `survey-${wave}.csv`,
      toCsv(
        ['#', 'question', 'answer type', 'options', 'maps to'],
        questions.map((q, i) => [
          i + 1,
          q.question,
          q.answerType,
          q.options,
          q.field ?? '(kept as text)',
        ]),
      ),
    );
    const md = [
      `# ${programName}: ${wave} survey`,
      '',
      "Paste each question into your form tool with the answer type shown. Keep the wording so that `mentor-cli survey merge` maps the answers automatically, and collect the respondent's email.",
      '',
    ];
    questions.forEach((q, i) => {
      md.push(
        `${i + 1}. **${q.question}**  `,
        `   ${q.answerType}${q.options ? `: ${q.options}` : ''}`,
        '',
      );
    });
    files.set(`survey-${wave}.md`, md.join('\n'));
  }
  return files;
}

/** Writes the template files into `dir`; returns the paths written (none with dryRun). */
export async function writeSurveyTemplates(
  dir: string,
  programName: string,
  dryRun: boolean,
): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, text] of renderSurveyTemplates(programName)) {
    const path = join(dir, name);
    if (!dryRun) await writeFileAtomic(path, text);
    paths.push(path);
  }
  return paths;
}
