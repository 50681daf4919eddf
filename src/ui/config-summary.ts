/** What `mentor-cli config` prints: one value, every key, or the change a `set` made. */

import { keyText, type KeyPath } from '../core/config-keys.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

/** A config value as a person reads it: plain text, a number, a list, or indented JSON. */
function valueText(value: unknown, indent = false): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, indent ? 2 : undefined).replace(/,(?=\S)/g, ', ');
}

/** The value of one key on stdout; --verbose adds what the key means and what it allows. */
export function renderConfigValue(
  out: Output,
  key: string,
  value: unknown,
  help: { description?: string; allowed?: string[] },
): void {
  out.result(valueText(value, typeof value === 'object' && value !== null));
  if (help.description) out.verbose(`${key}: ${help.description}`);
  if (help.allowed) out.verbose(`allowed: ${help.allowed.join(', ')}`);
}

/** Every key and value, aligned. */
export function renderConfigList(out: Output, entries: { key: string; value: unknown }[]): void {
  out.result(
    renderTable(
      ['Key', 'Value'],
      entries.map((e) => [e.key, valueText(e.value)]),
      { maxWidth: 60, width: out.width },
    ),
  );
}

/** What a `config set` changed (or would change) on stdout; the file written on stderr. */
export function renderConfigChange(
  out: Output,
  change: {
    file: string;
    set: { path: KeyPath; before: unknown; value: unknown };
    changed: boolean;
    dryRun: boolean;
  },
): void {
  const { file, set, changed, dryRun } = change;
  const key = keyText(set.path);
  if (out.json) {
    out.resultJson({ file, key, before: set.before ?? null, value: set.value, changed, dryRun });
    return;
  }
  if (!changed) {
    out.result(`${key} is already ${valueText(set.value)}; nothing to change`);
    return;
  }
  out.result(`${key}: ${valueText(set.before)} -> ${valueText(set.value)}`);
  out.info(dryRun ? `dry run: ${file} was not changed` : `wrote ${file}`);
}
