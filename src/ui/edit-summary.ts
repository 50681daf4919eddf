/** What `set` and `withdraw` changed, for people (one line per field) and for scripts (JSON). */

import type { FieldChange } from '../core/roster/merge.js';
import type { Participant } from '../core/types.js';

const show = (v: unknown): string =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
    ? '(empty)'
    : typeof v === 'string'
      ? v
      : JSON.stringify(v);

/** "Ana Ruiz <ana@x.org>: time zone Europe/London -> Europe/Berlin", or that nothing changed. */
export function renderChanges(
  changes: readonly FieldChange[],
  people: readonly Participant[],
  written: boolean,
): string {
  if (!changes.length) return 'Nothing changed: the values are already stored.';
  const names = new Map(people.map((p) => [p.email, p.name]));
  const lines = changes.map(
    (ch) =>
      `${names.get(ch.email) ?? ch.email} <${ch.email}>: ${ch.field} ${show(ch.from)} -> ${show(ch.to)}`,
  );
  lines.push(written ? 'Saved.' : 'Dry run, nothing written.');
  return lines.join('\n');
}
