/**
 * `match --suggest N [--out FILE]`: shows each mentee's N best mentors and writes them as CSV, XLSX
 * or JSON.
 */

import type { Ctx } from './context.js';
import type { MatchInput } from './match-input.js';
import { emit } from './shared/emit.js';
import { exportFormat } from '../io/outputs/exports/format.js';
import { suggestionsData } from '../io/outputs/exports/suggestions.js';
import type { Participant } from '../core/types.js';
import { buildCandidates } from '../core/matching/candidates.js';
import { givenToCsr } from '../core/matching/request.js';
import { mergeSensitiveReasons } from '../core/matching/policy.js';
import { suggestMentors } from '../core/matching/suggest.js';
import { renderSuggestions } from '../ui/match-summary.js';
import { personLabels } from '../ui/people.js';

/** What a suggestion run starts from: the match input, split into sides, and N. */
interface SuggestInput extends MatchInput {
  mentees: Participant[];
  mentors: Participant[];
  count: number;
}

/**
 * Prints the suggestions (table or JSON) and, with --out, writes them in the format its extension
 * names.
 */
export async function suggest(
  ctx: Ctx,
  input: SuggestInput,
  programDir: string,
  opts: { out?: string; force?: boolean; includeSensitive?: boolean },
): Promise<void> {
  const { mentees, mentors, settings, given } = input;
  const csr = given ? givenToCsr(given, mentees, mentors) : undefined;
  const graph = buildCandidates(mentees, mentors, settings, csr);
  const found = suggestMentors(graph, mentees, mentors, input.count, settings, input.scoresFile);
  const list = mergeSensitiveReasons(found, Boolean(opts.includeSensitive));
  if (ctx.out.json) ctx.out.resultJson({ model: 'self-directed', suggestions: list });
  else {
    const label = personLabels(input.participants, ctx.out.isVerbose);
    ctx.out.result(renderSuggestions(list, { width: ctx.out.width, label }));
  }
  if (!opts.out) return;
  const format = exportFormat(undefined, opts.out);
  const data = await suggestionsData(list, format);
  await emit(ctx, { data, format, out: opts.out, programDir, force: Boolean(opts.force) });
}
