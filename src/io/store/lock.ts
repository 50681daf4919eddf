/** An exclusive lock on a program folder so two commands never write its state at once. */

import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LockError } from '../../errors.js';

export interface LockOptions {
  /** How long to wait for another command to finish, in ms. */
  waitMs?: number;
  command?: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Lock files this process holds right now (a lock file naming our pid but not in here was left by a
 * dead process that had our pid).
 */
const held = new Set<string>();

/** Creates `path` holding `text` unless it exists; false when it does. */
function writeExclusive(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: 'wx' });
    held.add(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  }
}

function tryAcquire(path: string, command: string): boolean {
  // The lock appears whole or not at all: written aside, then linked into place (link fails when
  // the lock exists). Created empty and then written, a waiting command could read it half-written
  // in between, take it for stale and remove it while its holder still runs.
  const aside = `${path}.${process.pid}`;
  const owner = JSON.stringify({ pid: process.pid, command, since: new Date().toISOString() });
  writeFileSync(aside, owner);
  try {
    linkSync(aside, path);
    held.add(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A file system without hard links: an exclusive create, written at once.
    if (code !== 'EEXIST' && writeExclusive(path, owner)) return true;
  } finally {
    unlinkSync(aside);
  }
  // Someone holds it: take it over only if that process is gone (a kill -9 leaves the file behind).
  let holder: { pid?: number } = {};
  try {
    holder = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number };
  } catch {
    /* half-written lock: treat as stale */
  }
  if (holder.pid && (holder.pid === process.pid ? held.has(path) : isAlive(holder.pid)))
    return false;
  try {
    unlinkSync(path);
  } catch {
    /* raced with another taker */
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` while holding the folder's lock; waits up to `waitMs` for a running command to finish.
 */
export async function withLock<T>(
  stateDir: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, 'lock');
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  const command = options.command ?? 'mentor-cli';
  while (!tryAcquire(path, command)) {
    if (Date.now() > deadline) {
      let who = 'another mentor-cli command';
      try {
        const h = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
        who = `"${String(h.command)}" (process ${String(h.pid)}, since ${String(h.since)})`;
      } catch {
        /* keep generic */
      }
      throw new LockError(
        `The program folder is in use by ${who}`,
        'Wait for it to finish and try again',
      );
    }
    await sleep(50);
  }
  const release = () => {
    held.delete(path);
    try {
      unlinkSync(path);
    } catch {
      /* gone */
    }
  };
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    process.removeListener('exit', release);
    release();
  }
}
