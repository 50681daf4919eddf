/** mentor.config.json as text for `mentor-cli config`: read even when invalid, edited in place. */

import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { scanJson, type JsonNode } from '../../core/json-text.js';
import { writeFileAtomic } from './atomic.js';
import {
  CONFIG_FILE,
  configSyntaxError,
  findProgramDir,
  lockProgram,
  readConfigText,
  stateDirOf,
} from './program.js';

/** The config file of a program folder and its text (without a byte-order mark). */
export interface ConfigText {
  dir: string;
  file: string;
  text: string;
  data: unknown;
  root: JsonNode;
  /** The mark the file started with, written back as it was. */
  bom: string;
}

/** Reads and parses the config of the program found from `cwd` (or `--dir`); checks no schema. */
export async function readConfigFile(cwd: string, explicitDir?: string): Promise<ConfigText> {
  const dir = findProgramDir(cwd, explicitDir);
  const file = join(dir, CONFIG_FILE);
  return parseConfigFile(dir, file, await readConfigText(file));
}

function parseConfigFile(dir: string, file: string, raw: string): ConfigText {
  const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const text = raw.slice(bom.length);
  const scan = scanJson(text);
  if (!scan.ok) throw configSyntaxError(text, file, lstatSync(file).isSymbolicLink());
  return { dir, file, text, data: JSON.parse(text) as unknown, root: scan.root, bom };
}

/**
 * Rewrites the config under the program lock: re-reads it there (another command may have changed
 * it meanwhile), applies `edit` and writes the result atomically (through a link, to its target).
 */
export async function rewriteConfigFile<T>(
  config: ConfigText,
  edit: (current: ConfigText) => { text: string; result: T },
): Promise<T> {
  // The same lock as every other writer, with its checks: a folder deleted meanwhile stops here.
  return lockProgram(
    { dir: config.dir, stateDir: stateDirOf(config.dir) },
    'config set',
    async () => {
      const current = parseConfigFile(config.dir, config.file, await readConfigText(config.file));
      const { text, result } = edit(current);
      await writeFileAtomic(realpathSync(config.file), current.bom + text);
      return result;
    },
  );
}
