/**
 * `mentor-cli export matches --format csv|xlsx|json`: pairs with reasons in plain words; the XLSX
 * adds Unmatched and Audit sheets.
 */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { emit, exportFormat, withOutputOptions } from './export.js';
import { readState } from '../io/store/program.js';
import { toCsv } from '../io/formats/csv/write.js';
import { buildWorkbook, type SheetSpec } from '../io/formats/xlsx/write.js';
import { UsageError } from '../errors.js';
import type { Participant } from '../core/types.js';
import { emptyMatchesState, type MatchesState } from '../core/matching/state.js';
import { matchRows, auditRows } from '../core/matching/export-rows.js';

export function registerExportMatches(exportCmd: Command): void {
  withOutputOptions(
    exportCmd
      .command('matches')
      .description(
        'export the stored pairs with scores and reasons (xlsx adds Unmatched and Audit sheets)',
      ),
  )
    .option('--all', 'include ended pairs')
    .option('--include-sensitive', 'include reasons based on sensitive attributes')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const format = exportFormat(opts.format, opts.out, ctx.out.json);
      const program = await ctx.program();
      const state = {
        ...emptyMatchesState(),
        ...(await readState<MatchesState>(program, 'matches', emptyMatchesState())),
      };
      if (!state.matches.length && !state.runs.length)
        throw new UsageError('No matches saved yet', 'Run `mentor-cli match` first');
      const people = await readState<Participant[]>(program, 'participants', []);
      const run = state.runs.at(-1);
      const rows = matchRows(
        state.matches.filter((m) => opts.all || m.status === 'active'),
        people,
        Boolean(opts.includeSensitive),
      );
      const unmatched = (run?.unmatched ?? []).map((u) => ({
        mentee: u.email,
        menteeName: u.name,
        reason: u.reason,
      }));
      let data: string | Uint8Array;
      if (format === 'json')
        data = `${JSON.stringify({ matches: rows, unmatched, audit: run?.audit ?? null }, null, 2)}\n`;
      else if (format === 'csv') {
        const keys = [
          'mentee',
          'menteeName',
          'mentor',
          'mentorName',
          'score',
          'reasons',
          'origin',
          'status',
          'cohort',
          'createdAt',
          'endedAt',
          'endReason',
        ] as const;
        data = toCsv(
          [...keys],
          rows.map((r) => keys.map((k) => r[k])),
        );
      } else {
        const sheets: SheetSpec[] = [
          {
            name: 'Matches',
            columns: [
              { header: 'Mentee', key: 'mentee' },
              { header: 'Mentee name', key: 'menteeName' },
              { header: 'Mentor', key: 'mentor' },
              { header: 'Mentor name', key: 'mentorName' },
              { header: 'Score', key: 'score', type: 'number' },
              { header: 'Reasons', key: 'reasons', width: 60 },
              { header: 'Origin', key: 'origin' },
              { header: 'Status', key: 'status' },
              { header: 'Cohort', key: 'cohort' },
              { header: 'Created', key: 'createdAt', type: 'datetime' },
              { header: 'Ended', key: 'endedAt', type: 'datetime' },
              { header: 'End reason', key: 'endReason' },
            ],
            rows,
          },
          {
            name: 'Unmatched',
            columns: [
              { header: 'Mentee', key: 'mentee' },
              { header: 'Mentee name', key: 'menteeName' },
              { header: 'Reason', key: 'reason', width: 80 },
            ],
            rows: unmatched,
          },
          {
            name: 'Audit',
            columns: [
              { header: 'Section', key: 'section' },
              { header: 'Item', key: 'item' },
              { header: 'Value', key: 'value' },
              { header: 'Mentees', key: 'mentees', type: 'integer' },
              { header: 'Matched', key: 'matched', type: 'integer' },
              { header: 'Match rate', key: 'rate', type: 'percent' },
              { header: 'Average score', key: 'avg', type: 'number' },
            ],
            rows: run ? auditRows(run.audit, people) : [],
          },
        ];
        data = new Uint8Array(await buildWorkbook(sheets).xlsx.writeBuffer());
      }
      await emit(ctx, data, opts.out, program.dir, Boolean(opts.force), format, {
        rows: rows.length,
        dryRun: Boolean(opts.dryRun),
      });
    });
}
