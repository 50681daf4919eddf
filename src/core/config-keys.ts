/**
 * Dotted config keys (`schedule.frequency`, `milestones[1].date`) resolved against the one config
 * schema: reading a value, and checking a typed-in value before it is written.
 */

import * as z from '../vendor/zod.js';
import { configSchema } from './config.js';
import { checkConfigData, checkConfigValue } from './config-check.js';

/** A key as a path of object keys and array indexes. */
export type KeyPath = (string | number)[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  entries?: Record<string, string>;
}
const defOf = (schema: z.ZodMiniType) => schema.def as unknown as Def;

/** `schedule.frequency`, `milestones[1].date` and `milestones.1.date` as a path. */
function parseKey(key: string): KeyPath | undefined {
  const path: KeyPath = [];
  for (const part of key.trim().split('.')) {
    const m = /^([A-Za-z$][\w$-]*|\d+)?((?:\[\d+\])*)$/.exec(part);
    if (!m || (!m[1] && !m[2])) return undefined;
    if (m[1]) path.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return typeof path[0] === 'string' ? path : undefined;
}

/** A path as a person types it: `milestones[1].date`. */
export function keyText(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${key}`;
  return out;
}

const unwrap = (schema: z.ZodMiniType): z.ZodMiniType => {
  const def = defOf(schema);
  return def.type === 'optional' && def.innerType ? unwrap(def.innerType) : schema;
};

/** A key resolved against the schema and the current config. */
export type ResolvedKey =
  { ok: true; path: KeyPath; schema: z.ZodMiniType } | { ok: false; message: string; hint: string };

/** Finds the schema of `key`; an unknown key names the keys its parent has. */
export function resolveKey(key: string, data: unknown): ResolvedKey {
  const path = parseKey(key);
  if (!path)
    return {
      ok: false,
      message: `"${key}" is not a config key`,
      hint: 'Write keys with dots, e.g. schedule.frequency or milestones[1].date',
    };
  let schema: z.ZodMiniType = configSchema;
  let value = data;
  for (let i = 0; i < path.length; i++) {
    const def = defOf(unwrap(schema));
    const seg = path[i];
    const here = keyText(path.slice(0, i)) || 'the config';
    if (def.type === 'object' && def.shape && typeof seg === 'string' && seg in def.shape) {
      schema = def.shape[seg];
    } else if (def.type === 'array' && def.element && typeof seg === 'number') {
      const length = Array.isArray(value) ? value.length : 0;
      const items = `${length} item${length === 1 ? '' : 's'}`;
      if (seg >= length)
        return {
          ok: false,
          message: `${here} has ${items}, so there is no ${keyText(path.slice(0, i + 1))}`,
          hint: length
            ? `Use an index from 0 to ${length - 1}`
            : `Set the whole list, e.g. ${here} '[...]'`,
        };
      schema = def.element;
    } else {
      const keys = def.shape ? Object.keys(def.shape).filter((k) => k !== '$schema') : [];
      const guess = suggest(String(seg), keys, path.slice(0, i));
      return {
        ok: false,
        message: `unknown config key "${keyText(path)}"${guess}`,
        hint: keys.length
          ? `${here} has the keys ${keys.join(', ')}`
          : `${here} holds a single value; use \`mentor-cli config get ${here}\``,
      };
    }
    value = (value as Record<PropertyKey, unknown> | undefined)?.[seg];
  }
  return { ok: true, path, schema };
}

/** ` (did you mean "x"?)` for the nearest key by edit distance, or nothing. */
function suggest(word: string, keys: string[], parent: KeyPath): string {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
    }
    return row[b.length];
  };
  const lower = word.toLowerCase();
  const best = keys
    .map((k) => ({ k, d: distance(lower, k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3))
    ? ` (did you mean "${keyText([...parent, best.k])}"?)`
    : '';
}

/** What a key means and, for a choice, the values it allows (from the schema's metadata). */
export function keyHelp(schema: z.ZodMiniType): { description?: string; allowed?: string[] } {
  const inner = unwrap(schema);
  const meta = z.globalRegistry.get(inner) as { description?: string } | undefined;
  const entries = defOf(inner).entries;
  return { description: meta?.description, allowed: entries ? Object.keys(entries) : undefined };
}

/** The value at `path` of `data`. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const key of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[key];
  return v;
}

/** A typed-in text as the value the schema expects (numbers, yes/no, lists, JSON). */
function coerce(schema: z.ZodMiniType, raw: string): unknown {
  const def = defOf(unwrap(schema));
  const t = raw.trim();
  const json = () => {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return raw;
    }
  };
  switch (def.type) {
    case 'number':
      return t !== '' && Number.isFinite(Number(t)) ? Number(t) : raw;
    case 'boolean':
      if (/^(true|yes|on)$/i.test(t)) return true;
      return /^(false|no|off)$/i.test(t) ? false : raw;
    case 'array':
      if (t.startsWith('[')) return json();
      return t === '' ? [] : t.split(',').map((part) => coerce(def.element!, part.trim()));
    case 'object':
      return json();
    default:
      return raw;
  }
}

/** A checked assignment: the new config data, or one line saying why the value cannot be set. */
export type Assignment =
  | { ok: true; path: KeyPath; before: unknown; value: unknown; data: unknown; notes: string[] }
  | { ok: false; message: string; hint: string };

/** Why `raw` cannot be the value of `key` on its own (type, range, format), or undefined. */
export function valueProblem(data: unknown, key: string, raw: string): string | undefined {
  const found = resolveKey(key, data);
  if (!found.ok) return found.message;
  return checkConfigValue(found.schema, found.path, coerce(found.schema, raw));
}

/** Checks `key = raw` against the schema and the cross-field rules; `data` is left unchanged. */
export function assignConfigValue(data: unknown, key: string, raw: string): Assignment {
  const key_ = resolveKey(key, data);
  if (!key_.ok) return key_;
  const { path, schema } = key_;
  const value = coerce(schema, raw);
  const hint = 'Nothing was changed';
  const wrong = checkConfigValue(schema, path, value);
  if (wrong) return { ok: false, message: wrong, hint };
  const next = structuredClone(data) as Record<PropertyKey, unknown>;
  let node = next;
  for (const seg of path.slice(0, -1)) {
    node[seg] ??= {};
    node = node[seg] as Record<PropertyKey, unknown>;
  }
  node[path[path.length - 1]] = value;
  const after = checkConfigData(next);
  const notes = after.ok ? after.warnings : [];
  if (!after.ok) {
    const before = checkConfigData(data);
    // A problem that was already there elsewhere must not block fixing the file key by key.
    if (before.ok || before.message !== after.message)
      return { ok: false, message: after.message, hint: `${after.hint}. ${hint}` };
    notes.push(`the config still has a problem: ${after.message}`);
  }
  return { ok: true, path, before: valueAt(data, path), value, data: next, notes };
}

/** Every leaf of the config as `key = value` (lists of plain values stay one entry). */
export function configEntries(
  data: unknown,
  path: KeyPath = [],
): { key: string; value: unknown }[] {
  const leaf =
    data === null ||
    typeof data !== 'object' ||
    (Array.isArray(data) && data.every((v) => v === null || typeof v !== 'object'));
  if (leaf) return path.length ? [{ key: keyText(path), value: data }] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => configEntries(v, [...path, i]));
  return Object.entries(data as Record<string, unknown>).flatMap(([k, v]) =>
    configEntries(v, [...path, k]),
  );
}
