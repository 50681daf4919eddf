/**
 * Import rules around the row checks: which columns a re-imported rejected.csv adds, which fields
 * --role supplies, and which warnings are worth a line each.
 */

import type { FieldName } from './fields.js';
import type { Problem, Role } from '../types.js';
import {
  ATTENTION_EXTRA_COLUMNS,
  fixFileColumns,
  REJECTED_EXTRA_COLUMNS,
  SUBMITTED_COLUMN,
} from './fix-files.js';
import { FIX_NOTICES } from './fixes.js';

/** A header the user (or the program) assigned to a field. */
export interface HeaderChoice {
  header: string;
  field: string;
}

/**
 * The columns to map before auto-mapping: the ones rejected.csv and attention.csv add are ignored
 * (so a fixed rejected.csv or attention.csv imports cleanly), then the user's --map choices.
 */
export function headerChoices(
  headers: readonly string[],
  overrides: HeaderChoice[],
): HeaderChoice[] {
  const own = fixFileColumns(headers) !== undefined;
  const extra = headers
    .filter((h) =>
      ([...REJECTED_EXTRA_COLUMNS, ...ATTENTION_EXTRA_COLUMNS] as readonly string[]).includes(h),
    )
    .map((header) => ({
      header,
      // A fixed file's own submission time decides against newer submissions (merge.ts).
      field: own && header === SUBMITTED_COLUMN ? 'submittedAt' : 'ignore',
    }));
  return [...extra, ...overrides];
}

/**
 * The saved mapping to apply to a file: the one saved for its own headers, else, for a fixed
 * rejected.csv or attention.csv, the mappings of the forms its rows came from (`forms`, the
 * `Source form` cells), header by header; the form's own timestamp column gives way to the file's
 * `Submitted at`.
 */
export function savedMappingFor(
  headers: readonly string[],
  saved: Readonly<Record<string, Record<string, string>>>,
  signature: string,
  forms: Iterable<string>,
): Record<string, string> | undefined {
  const own = Object.hasOwn(saved, signature) ? saved[signature] : undefined;
  if (own || fixFileColumns(headers) === undefined) return own;
  const out = Object.create(null) as Record<string, string>;
  let found = false;
  for (const form of forms) {
    const map = Object.hasOwn(saved, form) ? saved[form] : undefined;
    if (!map) continue;
    found = true;
    for (const [header, field] of Object.entries(map))
      if (!(header in out) && headers.includes(header))
        out[header] =
          field === 'submittedAt' && headers.includes(SUBMITTED_COLUMN) ? 'ignore' : field;
  }
  return found ? out : undefined;
}

/** The required fields still without a column; --role stands in for a role column. */
export function missingFields(missingRequired: readonly FieldName[], role: Role | undefined) {
  return missingRequired.filter((field) => !(field === 'role' && role));
}

/**
 * Warnings split for reporting: a manager who is not in the program is normal (the manager rule
 * only needs the ones who take part), so those are folded into one note.
 */
export function splitImportWarnings(problems: readonly Problem[]): {
  warnings: Problem[];
  unknownManagers: Problem[];
} {
  return {
    warnings: problems.filter(
      (p) => p.severity === 'warning' && p.code !== 'manager-unknown' && !FIX_NOTICES.has(p.code),
    ),
    unknownManagers: problems.filter((p) => p.code === 'manager-unknown'),
  };
}

/** Fixes that stand (a value or row skipped because a fix replaced it): notices, not warnings. */
export const fixNotices = (problems: readonly Problem[]): Problem[] =>
  problems
    .filter((p) => FIX_NOTICES.has(p.code))
    // In file order: the merge and the attention list find them at different times.
    .sort((a, b) => (a.location?.row ?? 0) - (b.location?.row ?? 0));
