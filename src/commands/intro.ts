/**
 * `mentor-cli intro`: an introduction email per person of every pair, with the pair's invitation,
 * plus an announcement.
 */

import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { contextOf } from './context.js';
import { lockProgram } from '../io/store/program.js';
import { UsageError } from '../errors.js';
import { assertMayWrite } from '../io/outputs/user-file.js';

export function registerIntro(program: Command): void {
  program
    .command('intro')
    .description(
      "write intro/<pair>-to-<person>.eml introduction emails (first meeting in the reader's time, invitation attached) and intro/announcement.eml",
    )
    .option('-o, --out <dir>', 'folder that receives intro/ (default: the program folder)')
    .option('--force', 'replace existing .eml files of the same name outside the program folder')
    .option('--dry-run', 'show what would be written, write nothing')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const prog = await ctx.program();
      const outDir = resolve(ctx.cwd, opts.out ?? prog.dir);
      const [{ prepareSchedule }, { renderIntros }, { writeStaged }] = await Promise.all([
        import('./shared/prepare-schedule.js'),
        import('../io/outputs/intros/emails.js'),
        import('../io/store/staged-write.js'),
      ]);
      const files = await lockProgram(prog, 'intro', async () => {
        const prep = await prepareSchedule(prog, ctx.now);
        // The attached invitation must be the one `schedule` wrote (same UID, SEQUENCE, DTSTAMP),
        // or calendars see two versions.
        if (!prep.previous)
          throw new UsageError(
            "No schedule yet: the introductions attach each pair's invitation",
            'Run `mentor-cli schedule` first',
          );
        const { added, changed, cancelled } = prep.rec.counts;
        if (added + changed + cancelled > 0) {
          throw new UsageError(
            `The schedule is out of date (${added} new, ${changed} changed, ${cancelled} cancelled event(s) since \`mentor-cli schedule\` ran)`,
            'Run `mentor-cli schedule` first, then `mentor-cli intro`',
          );
        }
        const rendered = renderIntros(prep, prog.config, ctx.now);
        // Outside the program folder the emails may land among the user's own files: never replace
        // one silently.
        for (const rel of rendered.keys())
          assertMayWrite(resolve(outDir, rel), prog.dir, Boolean(opts.force));
        if (!opts.dryRun) writeStaged(outDir, rendered);
        return [...rendered.keys()].sort();
      });
      const emails = files.filter((f) => !f.endsWith('announcement.eml')).length;
      if (ctx.out.json) ctx.out.resultJson({ outDir, dryRun: Boolean(opts.dryRun), emails, files });
      else {
        ctx.out.result(
          `${opts.dryRun ? 'Would write' : 'Wrote'} ${emails} introduction emails and an announcement to ${relative(ctx.cwd, resolve(outDir, 'intro')) || '.'}/`,
        );
        ctx.out.info(
          "Open each .eml in your mail program (it opens as a draft), check it and send it. The attached invitation adds the meetings to the reader's calendar.",
        );
      }
    });
}
