/** Checks that preferences, avoid lists and managers name people who are in the roster. */

import type { Participant, Problem } from '../types.js';

/**
 * Warnings for preferences/avoid/managerEmail naming nobody in the roster; `columns` gives header
 * texts for locations.
 */
export function checkReferences(
  participants: Participant[],
  columns: { preferences?: string; avoid?: string; managerEmail?: string } = {},
): Problem[] {
  // Most rosters name nobody: skip building the set of every email then.
  if (!participants.some((p) => p.preferences.length || p.avoid.length || p.managerEmail))
    return [];
  const known = new Set(participants.map((p) => p.email));
  const problems: Problem[] = [];
  for (const p of participants) {
    const at = (field: 'preferences' | 'avoid' | 'managerEmail') =>
      p.source
        ? {
            file: p.source.file,
            sheet: p.source.sheet,
            row: p.source.row,
            column: columns[field] ?? field,
          }
        : { column: columns[field] ?? field };
    for (const email of p.preferences) {
      if (!known.has(email)) {
        problems.push({
          severity: 'warning',
          code: 'preference-unknown',
          location: at('preferences'),
          message: `${p.email} prefers ${email}, who is not in the roster`,
          hint: 'Check the spelling of the email or import that person too',
        });
      }
    }
    for (const email of p.avoid) {
      if (!known.has(email)) {
        problems.push({
          severity: 'warning',
          code: 'avoid-unknown',
          location: at('avoid'),
          message: `${p.email} asks to avoid ${email}, who is not in the roster`,
          hint: 'Check the spelling of the email; it is kept in case that person joins later',
        });
      }
    }
    if (p.managerEmail && !known.has(p.managerEmail)) {
      problems.push({
        severity: 'warning',
        code: 'manager-unknown',
        location: at('managerEmail'),
        message: `${p.email}'s manager ${p.managerEmail} is not in the roster`,
        hint: 'Fine if the manager is not taking part; otherwise check the spelling',
      });
    }
  }
  return problems;
}
