/**
 * Editing people without a file: `set EMAIL field=value...` and `withdraw EMAIL...`. Values are
 * read exactly as an import reads them (a one-row table through the same builder and merge). Pure.
 */

import { UsageError } from '../../errors.js';
import type { Participant, Problem } from '../types.js';
import type { ColumnMapping } from './header-map.js';
import type { FieldName } from './fields.js';
import { PARTICIPANT_FIELDS } from './header-map.js';
import { planImport, type ImportPlan } from './import-plan.js';
import { MERGE_FIELDS } from './merge.js';
import type { BuildOptions } from './build.js';
import { foldText } from './text.js';
import type { AttentionItem } from './attention.js';

/** Fields `set` can change (email identifies the person; names come whole). */
const SETTABLE: readonly FieldName[] = PARTICIPANT_FIELDS.filter(
  (f) => f !== 'email' && f !== 'firstName' && f !== 'lastName',
);

/**
 * The stored person `query` names: an email, or a name matching exactly one person (case- and
 * accent-insensitive). Throws a UsageError listing the candidates otherwise.
 */
export function findPerson(people: readonly Participant[], query: string): Participant {
  const q = query.trim().toLowerCase();
  const byEmail = people.find((p) => p.email === q);
  if (byEmail) return byEmail;
  const key = foldText(query);
  const named = people.filter((p) => foldText(p.name) === key);
  if (named.length === 1) return named[0];
  if (named.length > 1)
    throw new UsageError(
      `"${query}" names ${named.length} people: ${named.map((p) => `${p.name} <${p.email}>`).join(', ')}`,
      'Use the email address instead',
    );
  throw new UsageError(
    `No participant "${query}"`,
    'Check the email or name with `mentor-cli participants`',
  );
}

/** Parses `field=value` words; the field is a participant field name, any case. */
export function parseAssignments(words: readonly string[]): Array<[FieldName, string]> {
  if (!words.length)
    throw new UsageError('Nothing to set', 'Add field=value, e.g. timezone=Europe/Berlin');
  return words.map((w) => {
    const at = w.indexOf('=');
    const key = at === -1 ? w : w.slice(0, at);
    const field = SETTABLE.find((f) => f.toLowerCase() === key.trim().toLowerCase());
    if (at === -1 || !field)
      throw new UsageError(
        at === -1 ? `"${w}" is not field=value` : `"${key}" is not a participant field`,
        `Fields: ${SETTABLE.join(', ')}`,
      );
    return [field, w.slice(at + 1).trim()];
  });
}

/** What `set` or `withdraw` would do: the plan of a one-row import, and the errors that stop it. */
export interface EditPlan {
  plan: ImportPlan;
  errors: Problem[];
}

/**
 * Applies `values` to the stored person `email` as a one-row import with --replace (an empty value
 * clears the field); an unreadable value is an error here, never an attention item.
 */
export function planSet(
  people: Participant[],
  edits: ReadonlyArray<{ email: string; values: ReadonlyArray<[FieldName, string]> }>,
  opts: BuildOptions,
  label = 'set',
  attributes: Readonly<Record<string, string>> = {},
): EditPlan {
  const fields: FieldName[] = [];
  for (const e of edits) for (const [f] of e.values) if (!fields.includes(f)) fields.push(f);
  const keys = Object.keys(attributes);
  const headers = ['email', ...fields, ...keys];
  const mapping: ColumnMapping = {
    fields: { email: 0 },
    attributes: keys.map((_, i) => 1 + fields.length + i),
    ignored: [],
  };
  fields.forEach((f, i) => (mapping.fields[f] = i + 1));
  const rows = edits.map((e, n) => {
    const cells = headers.map(() => '');
    cells[0] = e.email;
    for (const [f, v] of e.values) cells[headers.indexOf(f)] = v;
    keys.forEach((k, i) => (cells[1 + fields.length + i] = attributes[k]));
    return { line: n + 1, cells };
  });
  const table = { file: label, headerRow: 0, headers, notes: [], rows };
  const plan = planImport([{ table, mapping }], people, {
    ...opts,
    replace: true,
    rejectOn: MERGE_FIELDS,
    // A value set by hand is a fix: re-importing the original export does not undo it.
    isFix: true,
  });
  const errors = plan.rejected.flatMap((r) => r.reasons);
  return { plan, errors };
}

/** The stored attention items left once `plan` set its fields for its people. */
export function attentionAfterEdit(
  stored: readonly AttentionItem[],
  plan: ImportPlan,
): AttentionItem[] {
  const touched = new Set(plan.merge.unchanged.concat(plan.merge.updated));
  return stored.filter((i) => !(touched.has(i.email) && plan.fields.has(i.field)));
}
