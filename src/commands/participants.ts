/** `mentor-cli participants`: a summary and a table of the roster, with filters. */

import type { Ctx } from './context.js';
import { checkChoice } from './shared/flags.js';
import { readState } from '../io/store/program.js';
import type { Participant } from '../core/types.js';
import {
  filterParticipants,
  summariseRoster,
  participantsToJson,
} from '../core/roster/participants-view.js';
import { renderRoster } from '../ui/roster-summary.js';
import { UsageError } from '../errors.js';
import type { AttentionItem } from '../core/roster/attention.js';
import { attentionJson, renderAttention } from '../ui/attention-list.js';

/** The options of `participants` (see commands/index.ts). */
export interface ParticipantsOptions {
  role?: string;
  cohort?: string;
  status?: string;
  includeSensitive?: boolean;
  attention?: boolean;
}

export async function runParticipants(ctx: Ctx, opts: ParticipantsOptions): Promise<void> {
  if (opts.attention) {
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
  if (!ctx.out.json) return ctx.out.result(renderRoster(ctx.out, summary, list));
  const exportOptions = {
    sensitive: program.config.participants.sensitiveAttributes,
    includeSensitive: Boolean(opts.includeSensitive),
  };
  ctx.out.resultJson({ summary, participants: participantsToJson(list, exportOptions) });
}
