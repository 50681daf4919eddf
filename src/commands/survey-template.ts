/** `mentor-cli survey template`: the recommended question sets as CSV and Markdown files. */

import { join, resolve } from 'node:path';
import type { Ctx } from './context.js';
import { writeSurveyTemplates } from '../io/outputs/templates/survey-questions.js';
import { renderTemplateFiles } from '../ui/survey-summary.js';

/** The options of `survey template` (see commands/index.ts). */
export interface TemplateOptions {
  out?: string;
  dryRun?: boolean;
}

export async function runSurveyTemplate(ctx: Ctx, opts: TemplateOptions): Promise<void> {
  // Outside a program folder the templates go to the current folder, under a generic name.
  const program = await ctx.program().catch(() => undefined);
  const dir = opts.out
    ? resolve(ctx.cwd, opts.out)
    : program
      ? join(program.dir, 'surveys')
      : ctx.cwd;
  const dryRun = Boolean(opts.dryRun);
  const name = program?.config.program.name ?? 'Mentoring program';
  const paths = await writeSurveyTemplates(dir, name, dryRun);
  if (ctx.out.json) ctx.out.resultJson({ files: paths, dryRun });
  else ctx.out.result(renderTemplateFiles(paths, dryRun));
}
