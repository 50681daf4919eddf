/**
 * `mentor-cli intro`: an introduction email per person of every pair, with the pair's invitation,
 * plus an announcement.
 */

import { relative, resolve } from 'node:path';
import type { Ctx } from './context.js';
import { prepareSchedule } from './shared/prepare-schedule.js';
import { lockProgram } from '../io/store/program.js';
import { assertMayWrite } from '../io/outputs/user-file.js';
import { renderIntros } from '../io/outputs/intros/emails.js';
import { writeStaged } from '../io/store/staged-write.js';
import { retireDrafts } from '../io/outputs/intros/old-drafts.js';
import { draftsChangedSinceSent } from '../io/outputs/mail/draft-changes.js';
import { readOutbox } from '../io/mail/deliver.js';
import { assertScheduleCurrent } from '../core/scheduling/freshness.js';
import { renderIntroResult } from '../ui/intro-summary.js';

/** The options of `intro` (see commands/index.ts). */
export interface IntroOptions {
  out?: string;
  force?: boolean;
  dryRun?: boolean;
}

export async function runIntro(ctx: Ctx, opts: IntroOptions): Promise<void> {
  const program = await ctx.program();
  const outDir = resolve(ctx.cwd, opts.out ?? program.dir);
  const dryRun = Boolean(opts.dryRun);
  const result = await lockProgram(program, 'intro', async () => {
    const prepared = await prepareSchedule(program, ctx.now);
    assertScheduleCurrent(prepared.previous !== undefined, prepared.reconciled.counts);
    const intros = renderIntros(prepared, program.config, ctx.now);
    // Outside the program folder the emails may land among the user's own files: never replace
    // one silently.
    for (const file of intros.paths)
      assertMayWrite(resolve(outDir, file), program.dir, Boolean(opts.force));
    const retired = retireDrafts(outDir, new Set(intros.paths), dryRun);
    if (dryRun)
      for (const file of intros.files()) void file; // built (so errors show), not written
    else writeStaged(outDir, intros.files());
    const changed = draftsChangedSinceSent(prepared, program.config, await readOutbox(program));
    return { files: [...intros.paths].sort(), retired, changed };
  });
  const { files, retired, changed } = result;
  const emails = files.filter((f) => !f.endsWith('announcement.eml')).length;
  if (ctx.out.json)
    return ctx.out.resultJson({
      outDir,
      dryRun,
      emails,
      files,
      retired,
      changedSinceSent: changed,
    });
  const where = relative(ctx.cwd, resolve(outDir, 'intro')) || '.';
  renderIntroResult(ctx.out, { emails, where, dryRun, retired, changed });
}
