/**
 * An exclusive lock on a program folder so two commands never write its state at once.
 *
 * The lock file appears with its metadata already in it: the holder writes a temp file (pid, host,
 * command, time, a random token) and link()s it to `lock`, which fails if the lock exists. So
 * nobody can ever read a lock file that is empty or half-written. A lock is taken over only when
 * its holder is provably gone: same host, and no process with that pid. An unreadable lock, or one
 * from another host, is waited for, never broken.
 */

import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LockError } from '../../errors.js';

export interface LockOptions {
  /** How long to wait for another command to finish, in ms. */
  waitMs?: number;
  command?: string;
}

/** What a lock file holds. */
interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
  token: string;
}

/** True when a process with this pid exists on this host (EPERM: it exists, owned by another). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tokens of the locks this process holds right now. */
const held = new Set<string>();

function readHolder(path: string): Holder | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid !== 'number' || !Number.isInteger(h.pid) || h.pid <= 0) return undefined;
    // Locks written by older versions name no host or token: they were written on this host.
    return {
      pid: h.pid,
      host: typeof h.host === 'string' ? h.host : hostname(),
      command: String(h.command ?? 'mentor-cli'),
      since: String(h.since ?? '?'),
      token: typeof h.token === 'string' ? h.token : text,
    };
  } catch {
    /* absent or unreadable */
  }
  return undefined;
}

/** True only when the holder cannot be running: it lived on this host and its pid is gone. */
function isGone(h: Holder): boolean {
  if (h.host !== hostname()) return false;
  if (h.pid === process.pid) return !held.has(h.token);
  return !isAlive(h.pid);
}

/** Creates `path` holding `text`, atomically; false when it exists already. */
function createWith(path: string, text: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create, written at once (from main).
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return false;
    }
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Removes the lock at `path` if it is still the one `stale` describes. The file is first renamed
 * to a private name, so that what is removed is exactly what was checked; a lock that turns out to
 * be someone else's is put back.
 */
function breakStale(path: string, stale: Holder): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone
  }
  const now = readHolder(aside);
  if (now && now.token !== stale.token) {
    try {
      linkSync(aside, path);
    } catch {
      /* someone took the lock meanwhile: theirs stands */
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    /* gone */
  }
}

function tryAcquire(path: string, holder: Holder): boolean {
  if (createWith(path, JSON.stringify(holder))) {
    held.add(holder.token);
    return true;
  }
  const current = readHolder(path);
  // Only a lock whose holder is provably gone is taken over; breaking happens under a second lock
  // so that two waiters never both judge and remove the same file.
  if (current && isGone(current)) {
    const breaker = `${path}.break`;
    const me = { ...holder, token: `${holder.token}-break` };
    if (createWith(breaker, JSON.stringify(me))) {
      try {
        const again = readHolder(path);
        if (again && again.token === current.token) breakStale(path, current);
      } finally {
        unlinkSync(breaker);
      }
    } else {
      const other = readHolder(breaker);
      if (other && isGone(other)) breakStale(breaker, other);
    }
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
  const holder: Holder = {
    pid: process.pid,
    host: hostname(),
    command: options.command ?? 'mentor-cli',
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  while (!tryAcquire(path, holder)) {
    if (Date.now() > deadline) throw lockedError(path);
    await sleep(20 + Math.floor(Math.random() * 40));
  }
  const release = () => {
    held.delete(holder.token);
    // Remove only our own lock (it cannot have been taken over while we live, but be certain).
    if (readHolder(path)?.token !== holder.token) return;
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

function lockedError(path: string): LockError {
  const h = readHolder(path);
  if (!h)
    return new LockError(
      `The program folder is locked (${path} cannot be read)`,
      'If no mentor-cli command is running, delete that file and try again',
    );
  const where = h.host === hostname() ? `process ${h.pid}` : `process ${h.pid} on ${h.host}`;
  return new LockError(
    `The program folder is in use by "${h.command}" (${where}, since ${h.since})`,
    'Wait for it to finish and try again',
  );
}
