/** `mentor-cli restore [FILE...]`: put a state file back to a version kept in .mentor/backup/. */

import type { Ctx } from './context.js';
import { lockProgram } from '../io/store/program.js';
import { listBackups } from '../io/store/backup.js';
import { applyRestore, planRestore } from '../io/store/restore.js';
import { renderBackups, renderRestore, restoreJson } from '../ui/restore-summary.js';

/** The options of `restore` (see commands/index.ts). */
export interface RestoreOptions {
  from?: string;
  list?: boolean;
  dryRun?: boolean;
}

export async function runRestore(ctx: Ctx, files: string[], opts: RestoreOptions): Promise<void> {
  const prog = await ctx.program();
  if (opts.list) {
    const backups = listBackups(prog.stateDir);
    if (ctx.out.json)
      ctx.out.resultJson({
        backups: backups.map((b) => ({ file: `${b.name}.json`, id: b.id, bytes: b.bytes })),
      });
    else ctx.out.result(renderBackups(backups));
    return;
  }
  const names = files.map((f) => f.replace(/\.json$/, ''));
  const dryRun = Boolean(opts.dryRun);
  const steps = dryRun
    ? planRestore(prog.stateDir, names, opts.from)
    : await lockProgram(prog, 'restore', async () => {
        const planned = planRestore(prog.stateDir, names, opts.from);
        await applyRestore(prog.stateDir, planned);
        return planned;
      });
  if (ctx.out.json) ctx.out.resultJson(restoreJson(steps, dryRun));
  else ctx.out.result(renderRestore(steps, dryRun));
}
