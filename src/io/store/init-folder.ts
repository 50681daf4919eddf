/** Creates a program folder: config, schema and participant templates. */

import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve, basename } from 'node:path';
import { configJsonSchema, defaultConfig } from '../../core/config.js';
import { UsageError } from '../../errors.js';
import { CONFIG_FILE, SCHEMA_FILE, TEMPLATES_DIR, parseConfig } from './program.js';
import { writeFileAtomic } from './atomic.js';
import { writeTemplateWorkbook } from '../outputs/templates/participants-xlsx.js';

export interface InitOptions {
  name?: string;
  startDate?: string;
  endDate?: string;
  timezone?: string;
  force?: boolean;
  dryRun?: boolean;
}

/** Writes the folder's files; returns the folder and the files written (or that would be). */
export async function createProgramFolder(
  cwd: string,
  target: string,
  opts: InitOptions,
): Promise<{ dir: string; files: string[] }> {
  const dir = resolve(cwd, target);
  const configPath = join(dir, CONFIG_FILE);
  if (existsSync(configPath) && !opts.force) {
    throw new UsageError(
      `${configPath} already exists`,
      'Use --force to overwrite it, or choose another folder',
    );
  }
  for (const [flag, v] of [
    ['--start', opts.startDate],
    ['--end', opts.endDate],
  ] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      throw new UsageError(`${flag} "${v}" is not a date`, 'Use YYYY-MM-DD');
  }
  const config = defaultConfig({
    name: opts.name ?? titleFromFolder(dir),
    startDate: opts.startDate,
    endDate: opts.endDate,
    timezone: opts.timezone,
  });
  // A new program reviews its pairs before anything goes out (`match approve`); a config without
  // the key (made before the review step) keeps the one-step flow.
  config.matching.autoApprove = false;
  const text = `${JSON.stringify(config, null, 2)}\n`;
  parseConfig(text, '--start/--end/--timezone'); // reject bad options before writing anything
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
