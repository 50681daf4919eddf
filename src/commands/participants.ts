/** `mentor-cli participants`: a summary and a table of the roster, with filters. */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { readState } from '../io/store/program.js';
import type { Participant } from '../core/types.js';
import {
  filterParticipants,
  summariseRoster,
  participantsToJson,
} from '../core/roster/participants-view.js';
import { renderTable } from '../ui/table.js';
import { UsageError } from '../errors.js';
import type { AttentionItem } from '../core/roster/attention.js';
import { attentionJson, renderAttention } from '../ui/attention-list.js';

/** Validates a --role/--status filter value against its allowed words. */
export function checkChoice(
  flag: string,
  value: string | undefined,
  allowed: string[],
): string | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (!allowed.includes(v))
    throw new UsageError(
      `${flag} "${value}" is not one of ${allowed.join(', ')}`,
      `Use ${flag} ${allowed[0]}`,
    );
  return v;
}

export function registerParticipants(program: Command): void {
  program
    .command('participants')
    .description('show the roster: a summary and a table (filter by role, cohort, status)')
    .option('--role <role>', 'only mentor, mentee or both')
    .option('--cohort <cohort>', 'only this cohort')
    .option('--status <status>', 'only active or withdrawn')
    .option('--include-sensitive', 'show sensitive attributes in --json')
    .option('--attention', 'list the values that could not be read (people kept with them empty)')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      if ((opts as { attention?: boolean }).attention) {
        const items = await readState<AttentionItem[]>(await ctx.program(), 'attention', []);
        if (ctx.out.json) ctx.out.resultJson(attentionJson(items));
        else ctx.out.result(renderAttention(ctx.out, items));
        return;
      }
      const role = checkChoice('--role', opts.role, ['mentor', 'mentee', 'both']);
      const status = checkChoice('--status', opts.status, ['active', 'withdrawn']);
      const program = await ctx.program();
      const all = await readState<Participant[]>(program, 'participants', []);
      if (!all.length)
        throw new UsageError('No participants yet', 'Run `mentor-cli import FILE` first');
      const list = filterParticipants(all, { role, cohort: opts.cohort, status });
      const summary = summariseRoster(list);
      if (ctx.out.json) {
        ctx.out.resultJson({
          summary,
          participants: participantsToJson(list, {
            sensitive: program.config.participants.sensitiveAttributes,
            includeSensitive: Boolean(opts.includeSensitive),
          }),
        });
        return;
      }
      const { c } = ctx.out;
      const head =
        `${c.bold(String(summary.total))} participants: ${summary.byRole.mentor} mentors, ${summary.byRole.mentee} mentees, ${summary.byRole.both} both; ` +
        `${summary.byStatus.active} active, ${summary.byStatus.withdrawn} withdrawn; ${summary.timezones} time zones; mentor capacity ${summary.mentorCapacity}; ` +
        `${summary.trainingCompleted} mentors trained.`;
      const cohorts = summary.byCohort.map(([k, n]) => `${k}: ${n}`).join(', ');
      const rows = list.map((p) => [
        p.name,
        p.email,
        p.role,
        p.department ?? '',
        p.timezone ?? '',
        p.role === 'mentee' ? '' : String(p.capacity ?? ''),
        p.cohort ?? '',
        p.status === 'withdrawn' ? c.dim('withdrawn') : 'active',
      ]);
      ctx.out.result(
        [
          head,
          `Cohorts: ${cohorts}`,
          '',
          renderTable(
            ['Name', 'Email', 'Role', 'Department', 'Time zone', 'Capacity', 'Cohort', 'Status'],
            rows,
            { header: (s) => c.bold(s) },
          ),
        ].join('\n'),
      );
    });
}
