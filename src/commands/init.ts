/** `mentor-cli init [DIR]`: create a program folder with config, schema and sign-up templates. */

import type { Ctx } from './context.js';
import { UsageError } from '../errors.js';
import {
  buildInitConfig,
  initAnswerProblem,
  initDefaults,
  INIT_FIELDS,
  type InitAnswers,
} from '../core/init-answers.js';
import { createProgramFolder, initTarget } from '../io/store/init-folder.js';
import { renderInitResult } from '../ui/init-summary.js';

/** The options of `init` (see commands/index.ts). */
export interface InitOptions extends InitAnswers {
  force?: boolean;
  dryRun?: boolean;
}

export async function runInit(ctx: Ctx, dir: string, opts: InitOptions): Promise<void> {
  const dryRun = Boolean(opts.dryRun);
  const target = initTarget(ctx.cwd, dir, Boolean(opts.force));
  let answers: InitAnswers = {};
  for (const field of INIT_FIELDS)
    if (opts[field.option] !== undefined) answers[field.option] = String(opts[field.option]);
  if (ctx.interactive) {
    const { askInitAnswers } = await import('../ui/prompt.js');
    const defaults = (so: InitAnswers) => initDefaults(target.title, so);
    answers = await askInitAnswers(INIT_FIELDS, answers, defaults, initAnswerProblem);
  }
  const built = buildInitConfig(answers, target.title);
  if (!built.ok) throw new UsageError(built.message, built.hint);
  const written = await createProgramFolder(target.dir, built.config, {
    force: Boolean(opts.force),
    dryRun,
  });
  if (ctx.out.json)
    ctx.out.resultJson({ dir: written.dir, files: written.files, dryRun, config: built.config });
  else renderInitResult(ctx.out, written, built.config, dryRun);
}
