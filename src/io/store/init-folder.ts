/** Creates a program folder: config, schema and participant templates. */

import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve, basename } from 'node:path';
import { configJsonSchema, type ProgramConfig } from '../../core/config.js';
import { UsageError } from '../../errors.js';
import { CONFIG_FILE, SCHEMA_FILE, TEMPLATES_DIR } from './program.js';
import { writeFileAtomic } from './atomic.js';
import { writeTemplateWorkbook } from '../outputs/templates/participants-xlsx.js';

/** The folder init fills, refused when it already holds a config (unless forced). */
export function initTarget(
  cwd: string,
  target: string,
  force: boolean,
): { dir: string; title: string } {
  const dir = resolve(cwd, target);
  const configPath = join(dir, CONFIG_FILE);
  if (existsSync(configPath) && !force) {
    throw new UsageError(
      `${configPath} already exists`,
      'Use --force to overwrite it, or choose another folder (`mentor-cli config set` changes ' +
        'one setting)',
    );
  }
  return { dir, title: titleFromFolder(dir) };
}

/** Writes the folder's files; returns the folder and the files written (or that would be). */
export async function createProgramFolder(
  dir: string,
  config: ProgramConfig,
  opts: { force: boolean; dryRun: boolean },
): Promise<{ dir: string; files: string[] }> {
  const configPath = join(dir, CONFIG_FILE);
  const text = `${JSON.stringify(config, null, 2)}\n`;
  const files = [CONFIG_FILE, SCHEMA_FILE, 'participants.csv', 'participants.xlsx'];
  if (opts.dryRun) return { dir, files };
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, SCHEMA_FILE), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  const csv = await readFile(join(TEMPLATES_DIR, 'participants.csv'), 'utf8');
  if (!existsSync(join(dir, 'participants.csv')) || opts.force)
    await writeFileAtomic(join(dir, 'participants.csv'), csv);
  if (!existsSync(join(dir, 'participants.xlsx')) || opts.force)
    await writeTemplateWorkbook(join(dir, 'participants.xlsx'), csv);
  await writeFileAtomic(configPath, text);
  return { dir, files };
}

function titleFromFolder(dir: string): string {
  const base = basename(dir).replace(/[-_]+/g, ' ').trim();
  return base ? `${base.charAt(0).toUpperCase()}${base.slice(1)}` : 'Mentoring Program';
}
