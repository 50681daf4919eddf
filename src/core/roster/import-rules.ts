/**
 * Import rules around the row checks: which columns a re-imported rejected.csv adds, which fields
 * --role supplies, and which warnings are worth a line each.
 */

import type { FieldName } from './fields.js';
import type { Problem, Role } from '../types.js';
import { REJECTED_EXTRA_COLUMNS } from './import-plan.js';
import { ATTENTION_EXTRA_COLUMNS } from './attention.js';

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
  const extra = headers
    .filter((h) =>
      ([...REJECTED_EXTRA_COLUMNS, ...ATTENTION_EXTRA_COLUMNS] as readonly string[]).includes(h),
    )
    .map((header) => ({ header, field: 'ignore' }));
  return [...extra, ...overrides];
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
    warnings: problems.filter((p) => p.severity === 'warning' && p.code !== 'manager-unknown'),
    unknownManagers: problems.filter((p) => p.code === 'manager-unknown'),
  };
}
