/**
 * `match --suggest N [--out FILE]`: shows each mentee's N best mentors and writes them as CSV, XLSX
 * or JSON.
 */

import type { Ctx } from './context.js';
import { emit } from './shared/emit.js';
import { exportFormat } from '../io/outputs/exports/format.js';
import { suggestionsData } from '../io/outputs/exports/suggestions.js';
import type { Suggestion } from '../core/matching/suggest.js';
import { renderSuggestions } from '../ui/match-summary.js';

/**
 * Prints the suggestions (table or JSON) and, with `out`, writes them in the format its extension
 * names.
 */
export async function emitSuggestions(
  ctx: Ctx,
  list: Suggestion[],
  out: string | undefined,
  programDir: string,
  force: boolean,
): Promise<void> {
  if (ctx.out.json) ctx.out.resultJson({ model: 'self-directed', suggestions: list });
  else ctx.out.result(renderSuggestions(list));
  if (!out) return;
  const format = exportFormat(undefined, out);
  const data = await suggestionsData(list, format);
  await emit(ctx, { data, format, out, programDir, force });
}
