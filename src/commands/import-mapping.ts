/**
 * Which column feeds which field for one imported file: auto-mapping, --map, the saved mapping of
 * the same form, and (on a TTY only) a question for each required field still missing.
 */

import type { Ctx } from './context.js';
import { assertUsableTextWorkbook } from '../io/ingest/named-table.js';
import type { SavedMappings } from '../io/store/import-save.js';
import { UsageError } from '../errors.js';
import { formSignature, mapHeaders, type ColumnMapping } from '../core/roster/header-map.js';
import {
  headerChoices,
  missingFields,
  savedMappingFor,
  type HeaderChoice,
} from '../core/roster/import-rules.js';
import { formsOf, sampleRows } from '../core/roster/import-plan.js';
import type { Role, SourceTable } from '../core/types.js';

const quoted = (headers: string[]) => headers.map((h) => `"${h}"`).join(', ');

/** The mapping for `table`; throws a usage error naming the --map to add when one is missing. */
export async function resolveMapping(
  ctx: Ctx,
  table: SourceTable,
  overrides: HeaderChoice[],
  saved: SavedMappings,
  role: Role | undefined,
): Promise<ColumnMapping> {
  const asked = headerChoices(table.headers, overrides);
  const samples = sampleRows(table);
  const remembered = savedMappingFor(
    table.headers,
    saved,
    formSignature(table.headers),
    formsOf(table),
  );
  for (;;) {
    const result = mapHeaders(table.headers, asked, remembered, samples);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new UsageError(`${table.file}: ${errors[0].message}`, errors[0].hint);
    const absent = missingFields(result.missingRequired, role);
    assertUsableTextWorkbook(table, absent);
    // Without a name or role column a file can still update stored people (found by email): ask
    // only on a terminal, and only while some column is left that could hold it.
    const missing = absent.filter(
      (f) => f === 'email' || (ctx.interactive && result.unmapped.length > 0),
    );
    if (!missing.length) {
      if (absent.length)
        ctx.out.info(
          `${table.file}: no ${absent.join(' or ')} column; it updates people already in the program, and rejects new ones`,
        );
      if (result.unmapped.length)
        ctx.out.info(`${table.file}: columns kept as extra attributes: ${quoted(result.unmapped)}`);
      return result.mapping;
    }
    const field = missing[0];
    if (!ctx.interactive) {
      throw new UsageError(
        `${table.file}: no column holds "${field}" (headers: ${quoted(table.headers)})`,
        field === 'role'
          ? 'Add --role mentor|mentee, or --map "Header=role"'
          : `Add --map "Header=${field}" naming the column`,
      );
    }
    // perf: bench/startup.mjs — inquirer (~0.2 s to load) only when a question is really asked.
    const { askColumnFor } = await import('../ui/prompt.js');
    const header = await askColumnFor(field, table.file, table.headers);
    if (!header)
      throw new UsageError(
        `${table.file}: no column chosen for "${field}"`,
        `Add --map "Header=${field}"`,
      );
    asked.push({ header, field });
  }
}

/** Whether a sheet's header holds email and name, as this import would map it (sheet choice). */
export function holdsRoster(overrides: HeaderChoice[], saved: SavedMappings) {
  return (headers: string[]): boolean => {
    const choices = headerChoices(headers, overrides).filter((c) => headers.includes(c.header));
    const { missingRequired } = mapHeaders(headers, choices, saved[formSignature(headers)]);
    return !missingRequired.includes('email') && !missingRequired.includes('name');
  };
}
