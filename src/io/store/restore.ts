/**
 * Planning and applying `mentor-cli restore`: which state files go back to which kept version.
 * Without names, every state file that is damaged or of the wrong shape goes back to its newest
 * good backup; with names, those files go back one version (the newest good backup that differs
 * from the current file), or to the version `--from ID` names.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups, keepPrevious, type Backup } from './backup.js';
import { writeFileAtomic } from './atomic.js';
import { parseStateJson } from './state-json.js';
import { dataProblem, envelopeProblem } from './state-shape.js';
import { UsageError } from '../../errors.js';

/** The state files a program keeps. */
import { STATE_NAMES } from './state-names.js';

/** One file to put back. */
export interface RestoreStep {
  name: string;
  /** What the current file is: "ok", "missing", or what is wrong with it. */
  current: string;
  from: Backup;
  /** When the kept version was written (its updatedAt), if it says. */
  writtenAt?: string;
}

/** What a state file's bytes are: 'ok', or what is wrong. */
function judge(name: string, bytes: Buffer): { verdict: string; updatedAt?: string } {
  try {
    const env = parseStateJson(bytes);
    const problem = envelopeProblem(env) ?? dataProblem(name, env.data);
    return { verdict: problem ?? 'ok', updatedAt: env.updatedAt };
  } catch {
    return { verdict: 'not valid JSON' };
  }
}

function currentOf(stateDir: string, name: string): { verdict: string; bytes?: Buffer } {
  const path = join(stateDir, `${name}.json`);
  if (!existsSync(path)) return { verdict: 'missing' };
  try {
    const bytes = readFileSync(path);
    return { verdict: judge(name, bytes).verdict, bytes };
  } catch (err) {
    return { verdict: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/** The restore plan; throws UsageError for an unknown name or a `from` id that matches nothing. */
export function planRestore(stateDir: string, names: string[], from?: string): RestoreStep[] {
  for (const n of names)
    if (!(STATE_NAMES as readonly string[]).includes(n))
      throw new UsageError(`"${n}" is not a state file`, `Use one of: ${STATE_NAMES.join(', ')}`);
  const wanted = names.length ? names : [...STATE_NAMES];
  const steps: RestoreStep[] = [];
  for (const name of wanted) {
    const current = currentOf(stateDir, name);
    // Without names only files that cannot be used are restored.
    if (!names.length && current.verdict === 'ok') continue;
    for (const b of listBackups(stateDir, name)) {
      if (from && b.id !== from) continue;
      const bytes = readFileSync(b.path);
      const { verdict, updatedAt } = judge(name, bytes);
      if (verdict !== 'ok') continue;
      if (!from && current.bytes?.equals(bytes)) continue;
      steps.push({ name, current: current.verdict, from: b, writtenAt: updatedAt });
      break;
    }
  }
  if (from && !steps.length)
    throw new UsageError(
      `No good backup with id ${from}${names.length ? ` for ${names.join(', ')}` : ''}`,
      'Run `mentor-cli restore --list` to see the kept versions',
    );
  return steps;
}

/** Puts the planned versions back (call under the program lock); the replaced ones are kept. */
export async function applyRestore(stateDir: string, steps: RestoreStep[]): Promise<void> {
  for (const step of steps) {
    const bytes = readFileSync(step.from.path);
    keepPrevious(stateDir, step.name);
    await writeFileAtomic(join(stateDir, `${step.name}.json`), bytes);
  }
}
