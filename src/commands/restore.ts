/** `mentor-cli restore [FILE...]`: put a state file back to a version kept in .mentor/backup/. */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { lockProgram } from '../io/store/program.js';
import { listBackups } from '../io/store/backup.js';
import { applyRestore, planRestore, STATE_NAMES } from '../io/store/restore.js';
import { renderBackups, renderRestore, restoreJson } from '../ui/restore-summary.js';

interface RestoreOptions {
  from?: string;
  list?: boolean;
  dryRun?: boolean;
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description(
      'put state files back from .mentor/backup/ (damaged ones by default, or the named ones one version back)',
    )
    .argument('[files...]', `state files to restore (${STATE_NAMES.join(', ')})`)
    .option('--from <id>', 'the backup id to restore (see --list)')
    .option('--list', 'list the kept versions, restore nothing')
    .option('--dry-run', 'show what would be restored, change nothing')
    .action(async (files: string[], opts: RestoreOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
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
    });
}
