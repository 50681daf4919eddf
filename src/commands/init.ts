/** `mentor-cli init [DIR]`: create a program folder with config, schema and sign-up templates. */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { createProgramFolder } from '../io/store/init-folder.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create a program folder: mentor.config.json, its JSON Schema, and participant templates (CSV, XLSX)',
    )
    .argument('[dir]', 'folder to create or fill', '.')
    .option('--name <name>', 'program name')
    .option('--start <date>', 'program start date (YYYY-MM-DD)')
    .option('--end <date>', 'program end date (YYYY-MM-DD)')
    .option('--timezone <tz>', 'default IANA time zone, e.g. Europe/London')
    .option('--force', 'overwrite an existing mentor.config.json')
    .option('--dry-run', 'show what would be written, write nothing')
    .action(async (dir: string, opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const written = await createProgramFolder(ctx.cwd, dir, {
        name: opts.name,
        startDate: opts.start,
        endDate: opts.end,
        timezone: opts.timezone,
        force: Boolean(opts.force),
        dryRun: Boolean(opts.dryRun),
      });
      if (ctx.out.json)
        ctx.out.resultJson({
          dir: written.dir,
          files: written.files,
          dryRun: Boolean(opts.dryRun),
        });
      else {
        ctx.out.result(`${opts.dryRun ? 'Would create' : 'Created'} program folder ${written.dir}`);
        for (const f of written.files)
          ctx.out.info(`  ${opts.dryRun ? 'would write' : 'wrote'} ${f}`);
        ctx.out.info(
          'Next: fill participants.csv or participants.xlsx (or use your form export), then run `mentor-cli import FILE`.',
        );
      }
    });
}
