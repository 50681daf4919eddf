/** Finding a program folder, loading its config, and reading/writing its state files. */

import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, InputError } from '../../errors.js';
import type { ProgramConfig } from '../../core/config.js';
import { checkConfigData } from '../../core/config-check.js';
import { scanJson, textPlace } from '../../core/json-text.js';
import { writeFileAtomicChunks } from './atomic.js';
import { eachStateItemInFile, parseStateJson, stateJsonChunks } from './state-json.js';
import { withLock } from './lock.js';
import { dataProblem, envelopeProblem, itemProblem, STATE_VERSION } from './state-shape.js';
import { keepPrevious, listBackups } from './backup.js';
import { removeStaleTemps, tempFolders } from './stale-temps.js';

export const CONFIG_FILE = 'mentor.config.json';
export const SCHEMA_FILE = 'mentor.config.schema.json';
const STATE_DIR = '.mentor';
/** A config bigger than this is refused unread (a real one is a few KB). */
const MAX_CONFIG_BYTES = 1 << 20;
/** State files at least this big are streamed by readStateEach. */
const STREAM_BYTES = 4 << 20;

/** The package root (where templates/ and fixtures/ live), from dist/io or src/io. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');

/** An opened program folder. */
export interface Program {
  dir: string;
  stateDir: string;
  config: ProgramConfig;
  /** Things in a valid config worth a warning (e.g. a program that runs for years). */
  warnings?: string[];
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

/**
 * A syntax error in the config as one line: line, column, what is wrong and the text around it.
 * The text is left out when the config is a link or does not even start like a config: it may be
 * another file (e.g. /etc/passwd).
 */
export function configSyntaxError(text: string, file: string, linked = false): InputError {
  const scan = scanJson(text);
  const what = scan.ok ? 'an unexpected character' : scan.what;
  const { line, column, near } = textPlace(text, scan.ok ? 0 : scan.offset);
  const quote = !linked && text.trimStart().startsWith('{') ? ` (near: ${near})` : '';
  return new InputError(
    `is not valid JSON: line ${line}, column ${column}: ${what}${quote}`,
    { file },
    'Fix it there in an editor; your other settings are kept. Then run `mentor-cli config check`',
  );
}

/** Parses and validates a config text; throws a one-line InputError naming the bad key. */
export function parseConfig(text: string, file = CONFIG_FILE): ProgramConfig {
  return checkConfigText(text, file).config;
}

function checkConfigText(
  text: string,
  file: string,
  linked = false,
): { config: ProgramConfig; warnings: string[] } {
  // Notepad and some editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw configSyntaxError(json, file, linked);
  }
  const check = checkConfigData(data);
  if (!check.ok) throw new InputError(check.message, { file }, check.hint);
  return check;
}

/**
 * Reads a config file, refusing anything that is not a small regular file (a link to /dev/zero,
 * a pipe or a huge file must neither hang nor exhaust memory).
 */
export async function readConfigText(path: string): Promise<string> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (no effect on a regular file).
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new InputError(
        'is not a regular file',
        { file: path },
        'Make mentor.config.json a plain file (copy your settings into one in its place)',
      );
    }
    // Read at most one byte past the limit, whatever size stat reports (/proc files say 0).
    const buf = Buffer.allocUnsafe(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buf.length; length += n)
      ({ bytesRead: n } = await handle.read(buf, length, buf.length - length, length));
    if (length > MAX_CONFIG_BYTES) {
      throw new InputError(
        `is larger than ${MAX_CONFIG_BYTES >> 20} MB; a program config is a few KB`,
        { file: path },
        'Check that mentor.config.json is the config `mentor-cli init` wrote',
      );
    }
    return buf.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/** Opens the program folder found from `cwd` (or `--dir`) and loads its validated config. */
export async function openProgram(cwd: string, explicitDir?: string): Promise<Program> {
  const dir = findProgramDir(cwd, explicitDir);
  const file = join(dir, CONFIG_FILE);
  const linked = lstatSync(file).isSymbolicLink();
  const { config, warnings } = checkConfigText(await readConfigText(file), file, linked);
  return { dir, stateDir: stateDirOf(dir), config, warnings };
}

/** The state folder (.mentor/) of a program folder; the lock lives there. */
export function stateDirOf(dir: string): string {
  return join(dir, STATE_DIR);
}

/** Names of the state documents kept in `.mentor/`. */
export type StateName =
  | 'participants'
  | 'matches'
  | 'mappings'
  | 'schedule'
  | 'surveys'
  | 'history'
  | 'attention'
  | 'outbox'
  | 'outcomes';

interface StateEnvelope<T> {
  version: 1;
  updatedAt: string;
  data: T;
}

/** The one-line error for a state file that cannot be used; the file itself is left alone. */
function damaged(program: Program, name: StateName, path: string, what: string): InputError {
  const hint = listBackups(program.stateDir, name).length
    ? `The file was not changed. Put back the last good version with \`mentor-cli restore ${name}\``
    : 'The file was not changed. Restore it from your own backup, or move it away and re-run the ' +
      'command that writes it';
  return new InputError(what, { file: path }, hint);
}

/** Reads a state document, or `fallback` when it does not exist yet. */
export async function readState<T>(program: Program, name: StateName, fallback: T): Promise<T> {
  const path = join(program.stateDir, `${name}.json`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw readError(err, path);
  }
  let env: unknown;
  try {
    // Big rosters are parsed a line at a time (see state-json.ts), never as one giant string.
    env = parseStateJson(bytes);
  } catch {
    throw damaged(program, name, path, 'program state is damaged (not valid JSON)');
  }
  const problem = envelopeProblem(env) ?? dataProblem(name, (env as { data: unknown }).data);
  if (problem) throw damaged(program, name, path, problem);
  return (env as { data: T }).data;
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
    throw readError(err, path);
  }
  let index = 0;
  const checked = (item: unknown) => {
    const problem = itemProblem(name, item, index++);
    if (problem) throw damaged(program, name, path, problem);
    each(item as T);
  };
  try {
    // A big roster is read a few MB at a time: its 60 MB of bytes never sit in memory beside the
    // import. The line layout's head pins version 1; anything else is read whole and checked.
    const size = fstatSync(fd).size;
    if (size < STREAM_BYTES || !eachStateItemInFile(fd, size, checked)) {
      const env = parseStateJson(await readFile(path));
      const problem = envelopeProblem(env) ?? dataProblem(name, env.data);
      if (problem) throw damaged(program, name, path, problem);
      for (const item of env.data as unknown[]) checked(item);
    }
  } catch (err) {
    if (!(err instanceof SyntaxError || err instanceof TypeError)) throw err;
    throw damaged(program, name, path, 'program state is damaged (not valid JSON)');
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A read failure as one line naming the file (a folder in the file's place, no permission). */
function readError(err: unknown, path: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new InputError('is a folder, not a state file', { file: path });
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError('cannot be read (permission denied)', { file: path });
  return err as Error;
}

/** Where a program lives: enough to lock it (`config set` locks before the config is valid). */
type ProgramFolder = Pick<Program, 'dir' | 'stateDir'>;

/**
 * Stops when the program folder has gone (deleted or moved while the command ran): writing on
 * would recreate a partial folder without its config. The config file is what is checked, so a
 * folder that an output write has already recreated (without a config) is noticed too.
 */
function assertProgramPresent(program: ProgramFolder): void {
  if (!existsSync(join(program.dir, CONFIG_FILE)))
    throw new UsageError(
      `The program folder ${program.dir} was deleted or moved while mentor-cli was running`,
      'Nothing more was written. Put the folder back and run the command again',
    );
}

/** Writes a state document atomically (call inside `lockProgram`). */
export async function writeState<T>(
  program: Program,
  name: StateName,
  data: T,
  now: Date = new Date(),
): Promise<void> {
  assertProgramPresent(program);
  const env: StateEnvelope<T> = { version: STATE_VERSION, updatedAt: now.toISOString(), data };
  // The version being replaced is kept, so that `mentor-cli restore` can put it back.
  keepPrevious(program.stateDir, name);
  await writeFileAtomicChunks(join(program.stateDir, `${name}.json`), stateJsonChunks(env));
}

/** Runs `fn` holding the program's lock. */
export async function lockProgram<T>(
  program: ProgramFolder,
  command: string,
  fn: () => Promise<T>,
): Promise<T> {
  assertProgramPresent(program);
  return withLock(
    program.stateDir,
    async () => {
      assertProgramPresent(program);
      // Temp files of writers killed mid-write are cleaned here, where no other writer runs.
      removeStaleTemps(tempFolders(program.dir, program.stateDir));
      const result = await fn();
      // An output written after the folder was deleted (report.xlsx, schedule/) recreates part of
      // it: say so and exit with an error instead of reporting success.
      assertProgramPresent(program);
      return result;
    },
    { command },
  );
}
