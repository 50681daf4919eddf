/**
 * Wiring shared by `set` and `withdraw`: read the roster under the lock, plan the edit in core,
 * save it (unless --dry-run), print what changed.
 */

import type { Ctx } from '../context.js';
import { lockProgram, readState, writeState } from '../../io/store/program.js';
import { readFixes } from '../../io/store/import-save.js';
import type { Participant } from '../../core/types.js';
import type { AttentionItem } from '../../core/roster/attention.js';
import type { FieldName } from '../../core/roster/fields.js';
import { attentionAfterEdit, findPerson, planSet } from '../../core/roster/edit.js';
import { UsageError } from '../../errors.js';
import { printProblems } from '../../ui/problems.js';
import { renderChanges } from '../../ui/edit-summary.js';

/** One `set`/`withdraw` run: who (emails or names), which values, which attributes. */
export interface EditRequest {
  who: readonly string[];
  values: ReadonlyArray<[FieldName, string]>;
  attributes?: Readonly<Record<string, string>>;
  label: string;
  dryRun: boolean;
}

/** Runs an edit atomically under the program lock. */
export async function runEdit(ctx: Ctx, req: EditRequest): Promise<void> {
  const program = await ctx.program();
  const work = async () => {
    const people = await readState<Participant[]>(program, 'participants', []);
    if (!people.length)
      throw new UsageError('No participants yet', 'Run `mentor-cli import FILE` first');
    const emails = req.who.map((q) => findPerson(people, q).email);
    const fixes = await readFixes(program);
    const { plan, errors } = planSet(
      people,
      emails.map((email) => ({ email, values: req.values })),
      {
        defaultCapacity: program.config.participants.defaultCapacity,
        defaultTimezone: program.config.program.timezone,
        referenceDate: program.config.program.startDate,
        levelWords: program.config.participants.levelWords,
        fixes,
        now: ctx.now.toISOString(),
      },
      req.label,
      req.attributes,
    );
    if (errors.length)
      throw new UsageError(
        `${errors.map((e) => e.message).join('; ')}; nothing was changed`,
        errors[0].hint ?? 'Correct the value and run the command again',
      );
    if (!req.dryRun && plan.merge.updated.length) {
      const attention = await readState<AttentionItem[]>(program, 'attention', []);
      await writeState(program, 'attention', attentionAfterEdit(attention, plan), ctx.now);
      if (plan.fixes !== fixes) await writeState(program, 'fixes', plan.fixes, ctx.now);
      await writeState(program, 'participants', plan.merge.participants, ctx.now);
    }
    return plan;
  };
  const plan = req.dryRun ? await work() : await lockProgram(program, req.label, work);
  printProblems(
    ctx.out,
    plan.problems.filter((p) => p.severity === 'warning' && p.code !== 'manager-unknown'),
  );
  if (ctx.out.json)
    ctx.out.resultJson({
      written: !req.dryRun && plan.merge.updated.length > 0,
      updated: plan.merge.updated,
      changes: plan.merge.changes,
    });
  else ctx.out.result(renderChanges(plan.merge.changes, plan.merge.participants, !req.dryRun));
}
