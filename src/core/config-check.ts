/** Validating a parsed mentor.config.json against the schema, with one clear line per problem. */

import type * as z from '../vendor/zod.js';
import { configSchema, configWarnings, type ProgramConfig } from './config.js';

/** The outcome: the config and its warnings, or the first problem with a fix to suggest. */
export type ConfigCheck =
  | { ok: true; config: ProgramConfig; warnings: string[] }
  | { ok: false; message: string; hint: string };

const HINT = 'See the README section "Configuration"';
const TYPE_NAMES: Record<string, string> = { int: 'integer', array: 'array', object: 'object' };

/** A key path as a person reads it: `milestones[2].date`, or `(top level)`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(top level)';
}

/** A value quoted in a message, cut short so that no message repeats a long text. */
function valueText(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[key];
  return v;
}

/** One line for a zod issue: where, what is allowed, what was found. */
function issueText(issue: z.$ZodIssue, data: unknown): string {
  const at = pathText(issue.path);
  const value = valueAt(data, issue.path);
  const got = `, not ${valueText(value)}`;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (value === undefined && issue.path.length > 0) {
        const key = String(issue.path[issue.path.length - 1]);
        return `${pathText(issue.path.slice(0, -1))} must have required property "${key}" (${expected})`;
      }
      return `${at} must be ${expected}${got}`;
    }
    case 'invalid_value':
      return `${at} must be one of ${issue.values.join(', ')}${got}`;
    case 'too_small':
    case 'too_big': {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'string' && limit === 1) return `${at} must not be empty`;
      if (issue.origin === 'string') return `${at} must be ${word} ${limit} characters long${got}`;
      if (issue.origin === 'array') return `${at} must have ${word} ${limit} items`;
      return `${at} must be ${issue.inclusive === false ? (issue.code === 'too_small' ? 'more than' : 'less than') : word} ${limit}${got}`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${at} has unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${keys} (check the spelling)`;
    }
    case 'custom':
      return issue.params?.whole ? issue.message : `${at} must be ${issue.message}${got}`;
    default:
      // invalid_format: the check's own message says what is allowed ("a date YYYY-MM-DD").
      return `${at} must be ${issue.message}${got}`;
  }
}

/** Validates parsed JSON as a program config; never throws. */
export function checkConfigData(data: unknown): ConfigCheck {
  const result = configSchema.safeParse(data);
  if (result.success)
    return { ok: true, config: result.data, warnings: configWarnings(result.data) };
  // A shape problem first: cross-field rules read fields whose shape may be what is wrong.
  const issues = result.error.issues;
  const issue =
    issues.find((i: z.$ZodIssue) => !(i.code === 'custom' && i.params?.whole)) ?? issues[0];
  const hint =
    issue.code === 'custom' && typeof issue.params?.hint === 'string' ? issue.params.hint : HINT;
  return { ok: false, message: issueText(issue, data), hint };
}

/**
 * Checks one value against the schema of the key at `path` (before it is set); the message reads
 * as for the whole file, e.g. `schedule.frequency must be one of weekly, biweekly, monthly`.
 */
export function checkConfigValue(
  schema: z.ZodMiniType,
  path: readonly (string | number)[],
  value: unknown,
): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const data = {};
  setAt(data, path, value);
  return issueText({ ...issue, path: [...path, ...issue.path] }, data);
}

/** Puts `value` at `path` of a skeleton made for it (numbers index arrays). */
function setAt(data: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = data as Record<PropertyKey, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<PropertyKey, unknown>;
    }
  });
}
