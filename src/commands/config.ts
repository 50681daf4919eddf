/** `mentor-cli config get|set|list|check`: read and change mentor.config.json without an editor. */

import type { Ctx } from './context.js';
import { InputError, UsageError } from '../errors.js';
import { checkConfigData } from '../core/config-check.js';
import {
  assignConfigValue,
  configEntries,
  keyHelp,
  resolveKey,
  valueAt,
} from '../core/config-keys.js';
import { setJsonText } from '../core/json-text.js';
import { readConfigFile, rewriteConfigFile } from '../io/store/config-file.js';
import { renderConfigChange, renderConfigList, renderConfigValue } from '../ui/config-summary.js';

/** The options of `config set` (see commands/index.ts). */
export interface ConfigSetOptions {
  dryRun?: boolean;
}

export async function runConfigGet(ctx: Ctx, key: string): Promise<void> {
  const config = await readConfigFile(ctx.cwd, ctx.dir);
  const found = resolveKey(key, config.data);
  if (!found.ok) throw new UsageError(found.message, found.hint);
  const value = valueAt(config.data, found.path);
  if (ctx.out.json) ctx.out.resultJson({ key, value: value ?? null });
  else renderConfigValue(ctx.out, key, value, keyHelp(found.schema));
}

export async function runConfigList(ctx: Ctx): Promise<void> {
  const config = await readConfigFile(ctx.cwd, ctx.dir);
  if (ctx.out.json) ctx.out.resultJson({ file: config.file, config: config.data });
  else renderConfigList(ctx.out, configEntries(config.data));
}

export async function runConfigCheck(ctx: Ctx): Promise<void> {
  const config = await readConfigFile(ctx.cwd, ctx.dir);
  const check = checkConfigData(config.data);
  if (!check.ok) throw new InputError(check.message, { file: config.file }, check.hint);
  for (const warning of check.warnings) ctx.out.warn(warning);
  if (ctx.out.json)
    ctx.out.resultJson({ file: config.file, valid: true, warnings: check.warnings });
  else ctx.out.result(`${config.file} is valid`);
}

export async function runConfigSet(
  ctx: Ctx,
  key: string,
  value: string,
  opts: ConfigSetOptions,
): Promise<void> {
  const dryRun = Boolean(opts.dryRun);
  const plan = (config: Awaited<ReturnType<typeof readConfigFile>>) => {
    const set = assignConfigValue(config.data, key, value);
    if (!set.ok) throw new UsageError(set.message, set.hint);
    return { set, text: setJsonText(config.text, config.root, set.path, set.value) };
  };
  const config = await readConfigFile(ctx.cwd, ctx.dir);
  let { set, text } = plan(config);
  const changed = text !== config.text;
  if (changed && !dryRun)
    ({ set, text } = await rewriteConfigFile(config, (current) => {
      const again = plan(current);
      return { text: again.text, result: again };
    }));
  for (const note of set.notes) ctx.out.warn(note);
  renderConfigChange(ctx.out, { file: config.file, set, changed, dryRun });
}
