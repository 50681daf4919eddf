/**
 * `mentor-cli schedule`: a recurring meeting series per pair, milestones and check-ins, as .ics
 * files plus a meeting list.
 */

import type { Command } from 'commander';
import { join, relative, resolve } from 'node:path';
import { contextOf } from './context.js';
import { ProblemsError } from '../errors.js';
import { lockProgram, writeState } from '../io/store/program.js';

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'book a recurring meeting series for every pair plus milestones: .ics per pair, per person and all.ics, schedule.csv/.xlsx',
    )
    .option('-o, --out <dir>', 'output folder (default: schedule/ in the program folder)')
    .option('--dry-run', 'plan and report, write nothing')
    .option(
      '--force',
      'write into an existing --out folder outside the program that mentor-cli did not create',
    )
    .option('--strict', 'exit 1 when a pair could not be scheduled')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const prog = await ctx.program();
      const outDir = resolve(ctx.cwd, opts.out ?? join(prog.dir, 'schedule'));
      // Loaded on use: other commands should not pay for the calendar writers at start-up.
      const [{ prepareSchedule }, { replaceFolder }, out] = await Promise.all([
        import('./shared/prepare-schedule.js'),
        import('../io/store/staged-write.js'),
        import('../io/outputs/schedule/folder.js'),
      ]);
      const summary = await lockProgram(prog, 'schedule', async () => {
        const { plan, rec, rendered, previous, workbook } = await prepareSchedule(prog, ctx.now, {
          workbook: true,
        });
        out.assertMayUseOutDir(outDir, prog.dir, previous, Boolean(opts.force));
        const files = new Map(rendered.files);
        files.set('schedule.xlsx', await (workbook as Promise<Uint8Array>));
        const written = [...files.keys()].sort();
        if (!opts.dryRun) {
          files.set(out.SCHEDULE_MARKER, out.markerText(prog.config.program.name, written));
          // Stamps only describe the folder they were taken in.
          const sameDir = out.resolveOutDir(previous?.outDir, prog.dir) === outDir;
          const stamps = replaceFolder(
            outDir,
            files,
            out.ownedFiles(outDir, prog.dir, previous),
            sameDir ? previous?.stamps : undefined,
          );
          // State last: if anything above failed, the next run still compares with what is really
          // on disk. The folder is stored relative to the program, so moving the program folder
          // keeps re-runs cleaning up.
          await writeState(
            prog,
            'schedule',
            {
              ...rec.state,
              files: [...written, out.SCHEDULE_MARKER],
              outDir: out.storedOutDir(outDir, prog.dir),
              stamps,
            },
            ctx.now,
          );
        }
        const unscheduled = plan.series
          .filter((s) => !s.event)
          .map((s) => ({ pairId: s.unit.id, pair: s.title, reason: s.outcome.reason ?? '' }));
        return {
          outDir,
          dryRun: Boolean(opts.dryRun),
          pairs: plan.series.length,
          scheduled: plan.series.length - unscheduled.length,
          fallback: plan.series
            .filter((s) => s.outcome.slot?.fallback)
            .map((s) => ({ pairId: s.unit.id, pair: s.title, reason: s.outcome.reason ?? '' })),
          unscheduled,
          shifted: plan.series
            .filter((s) => s.event && s.outcome.shift)
            .map((s) => ({ pairId: s.unit.id, pair: s.title, reason: s.outcome.shift ?? '' })),
          meetings: plan.series.reduce(
            (n, s) => n + s.occurrences.filter((o) => o.status !== 'skipped').length,
            0,
          ),
          events: rec.counts,
          notes: plan.problems.filter((p) => p.severity === 'warning').map((p) => p.message),
          cancellations: rec.cancellations.length,
          files: written,
        };
      });
      if (ctx.out.json) ctx.out.resultJson(summary);
      else {
        const where = relative(ctx.cwd, summary.outDir) || '.';
        // Names come from sign-up forms: a CR/LF or escape sequence in one must not forge output
        // lines.
        const printable = (t: string) => t.replace(/[\u0000-\u001F\u007F]+/g, ' ');
        ctx.out.result(
          [
            `${summary.dryRun ? 'Would schedule' : 'Scheduled'} ${summary.scheduled} of ${summary.pairs} pairs: ${summary.meetings} meetings.`,
            `Events: ${summary.events.added} new, ${summary.events.changed} changed, ${summary.events.unchanged} unchanged, ${summary.events.cancelled} cancelled.`,
            ...summary.fallback.map((u) => `  fallback slot: ${u.pair} (${u.reason})`),
            ...summary.unscheduled.map((u) => `  unscheduled: ${u.pair} (${u.reason})`),
            ...summary.shifted.map((u) => `  clock change: ${u.pair} (${u.reason})`),
            ...summary.notes.map((n) => `  ${n}`),
            `${summary.dryRun ? 'Would write' : 'Wrote'} ${summary.files.length} files to ${where}/ (all.ics for you, people/ for each person, pairs/ to send as invitations${summary.cancellations ? ', cancellations/ to send' : ''}).`,
          ]
            .map(printable)
            .join('\n'),
        );
        ctx.out.info(
          'Next: `mentor-cli intro` writes the introduction emails with the invitations attached.',
        );
      }
      if (opts.strict && summary.unscheduled.length)
        throw new ProblemsError(
          `${summary.unscheduled.length} pair(s) could not be scheduled`,
          'Add availability or set schedule.noCommonTime to "fallback"',
        );
    });
}
