/** Finding a program folder, loading its config, and reading/writing its state files. */

import { closeSync, existsSync, fstatSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { validate as validateConfig } from './config-validator.js';
import { UsageError, InputError } from '../../errors.js';
import { checkConfig, type ProgramConfig } from '../../core/config.js';
import { isValidTimeZone } from '../../core/timezones/valid.js';
import { writeFileAtomicChunks } from './atomic.js';
import {
  eachStateItem,
  eachStateItemInFile,
  parseStateJson,
  stateJsonChunks,
} from './state-json.js';
import { withLock } from './lock.js';

export const CONFIG_FILE = 'mentor.config.json';
export const SCHEMA_FILE = 'mentor.config.schema.json';
export const STATE_DIR = '.mentor';
/** State files at least this big are streamed by readStateEach. */
const STREAM_BYTES = 4 << 20;

/** The package root (where templates/ and fixtures/ live), from dist/io or src/io. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');

/** An opened program folder. */
export interface Program {
  dir: string;
  stateDir: string;
  config: ProgramConfig;
}

/**
 * Finds the program folder: `--dir` if given, else the nearest folder upwards holding
 * mentor.config.json.
 */
export function findProgramDir(start: string, explicit?: string): string {
  if (explicit) {
    const dir = resolve(start, explicit);
    if (!existsSync(join(dir, CONFIG_FILE))) {
      throw new UsageError(
        `${dir} is not a program folder (no ${CONFIG_FILE})`,
        `Run \`mentor-cli init ${explicit}\` first`,
      );
    }
    return dir;
  }
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new UsageError(
    `No program folder here or above (${resolve(start)})`,
    'Run `mentor-cli init DIR` to create one, or pass --dir DIR',
  );
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The schema's validator, compiled ahead of time (config-validator.ts, generated from the schema by
 * test/helpers/gen-config-validator.mjs): loading and compiling ajv took ~0.14 s of every command.
 */
function getValidator(): Validator {
  return validateConfig;
}

/** Parses and validates a config text; throws a one-line UsageError naming the bad key. */
export function parseConfig(text: string, file = CONFIG_FILE): ProgramConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `is not valid JSON (${(err as Error).message})`,
      { file },
      'Fix the syntax, or recreate it with `mentor-cli init`',
    );
  }
  const validate = getValidator();
  if (!validate(data)) {
    const e = validate.errors?.[0];
    const path = e?.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    const extra =
      e?.params && 'additionalProperty' in e.params
        ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : '';
    const allowed =
      e?.params && 'allowedValues' in e.params
        ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
        : '';
    throw new InputError(
      `${path} ${e?.message ?? 'is invalid'}${extra}${allowed}`,
      { file },
      'See the README section "Configuration"',
    );
  }
  const config = data as ProgramConfig;
  const problems = checkConfig(config, isValidTimeZone);
  if (problems.length) {
    const p = problems[0];
    throw new InputError(p.message, { file }, p.hint);
  }
  return config;
}

/** Opens the program folder found from `cwd` (or `--dir`) and loads its validated config. */
export async function openProgram(cwd: string, explicitDir?: string): Promise<Program> {
  const dir = findProgramDir(cwd, explicitDir);
  const text = await readFile(join(dir, CONFIG_FILE), 'utf8');
  const config = parseConfig(text, join(dir, CONFIG_FILE));
  return { dir, stateDir: join(dir, STATE_DIR), config };
}

/** Names of the state documents kept in `.mentor/`. */
export type StateName =
  'participants' | 'matches' | 'mappings' | 'schedule' | 'surveys' | 'history' | 'attention';

interface StateEnvelope<T> {
  version: 1;
  updatedAt: string;
  data: T;
}

/** Reads a state document, or `fallback` when it does not exist yet. */
export async function readState<T>(program: Program, name: StateName, fallback: T): Promise<T> {
  const path = join(program.stateDir, `${name}.json`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
  try {
    // Big rosters are parsed a line at a time (see state-json.ts), never as one giant string.
    return parseStateJson(bytes).data as T;
  } catch {
    throw new InputError(
      'program state is damaged',
      { file: path },
      'Restore it from backup or re-run the command that writes it',
    );
  }
}

/**
 * Calls `each` for every element of a list state document (e.g. each stored participant), parsing
 * it a part at a time so that elements the caller replaces are freed at once; false when it does
 * not exist yet.
 */
export async function readStateEach<T>(
  program: Program,
  name: StateName,
  each: (item: T) => void,
): Promise<boolean> {
  const path = join(program.stateDir, `${name}.json`);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  try {
    // A big roster is read a few MB at a time: its 60 MB of bytes never sit in memory beside the
    // import.
    const size = fstatSync(fd).size;
    if (size < STREAM_BYTES || !eachStateItemInFile(fd, size, each as (item: unknown) => void)) {
      eachStateItem(await readFile(path), each as (item: unknown) => void);
    }
  } catch (err) {
    if (!(err instanceof SyntaxError || err instanceof TypeError)) throw err;
    throw new InputError(
      'program state is damaged',
      { file: path },
      'Restore it from backup or re-run the command that writes it',
    );
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Writes a state document atomically (call inside `lockProgram`). */
export async function writeState<T>(
  program: Program,
  name: StateName,
  data: T,
  now: Date = new Date(),
): Promise<void> {
  const env: StateEnvelope<T> = { version: 1, updatedAt: now.toISOString(), data };
  await writeFileAtomicChunks(join(program.stateDir, `${name}.json`), stateJsonChunks(env));
}

/** Runs `fn` holding the program's lock. */
export function lockProgram<T>(
  program: Program,
  command: string,
  fn: () => Promise<T>,
): Promise<T> {
  return withLock(program.stateDir, fn, { command });
}
