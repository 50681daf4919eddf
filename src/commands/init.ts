/** `mentor-cli init [DIR]`: create a program folder with config, schema and sign-up templates. */

import type { Ctx } from './context.js';
import { createProgramFolder } from '../io/store/init-folder.js';
import { renderInitResult } from '../ui/init-summary.js';

/** The options of `init` (see commands/index.ts). */
export interface InitOptions {
  name?: string;
  start?: string;
  end?: string;
  timezone?: string;
  force?: boolean;
  dryRun?: boolean;
}

export async function runInit(ctx: Ctx, dir: string, opts: InitOptions): Promise<void> {
  const dryRun = Boolean(opts.dryRun);
  const written = await createProgramFolder(ctx.cwd, dir, {
    name: opts.name,
    startDate: opts.start,
    endDate: opts.end,
    timezone: opts.timezone,
    force: Boolean(opts.force),
    dryRun,
  });
  if (ctx.out.json) ctx.out.resultJson({ dir: written.dir, files: written.files, dryRun });
  else renderInitResult(ctx.out, written, dryRun);
}
