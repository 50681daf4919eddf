import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { withLock } from '../../src/io/store/lock.js';
import { LockError } from '../../src/errors.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'mentor-lock-'));
  dirs.push(d);
  return d;
};

describe('program lock: taken atomically, broken only when the holder is gone', () => {
  it('never judges an empty (still being written) lock file stale', async () => {
    // The race of issue 10: another process had created the file but not yet written its pid.
    const dir = fresh();
    writeFileSync(join(dir, 'lock'), '');
    await expect(withLock(dir, async () => 'ran', { waitMs: 150 })).rejects.toThrow(LockError);
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe('');
  });

  it('never breaks a lock held on another host, and names that host', async () => {
    const dir = fresh();
    const lock = { pid: 2 ** 22 + 4242, host: 'other-machine', command: 'import', token: 'x' };
    writeFileSync(join(dir, 'lock'), JSON.stringify({ ...lock, since: '2027-01-01T00:00:00Z' }));
    await expect(withLock(dir, async () => 'ran', { waitMs: 150 })).rejects.toThrow(
      /process 4198546 on other-machine/,
    );
  });

  it('takes over a lock of a dead process on this host, and leaves no helper files', async () => {
    const dir = fresh();
    const lock = { pid: 2 ** 22 + 4243, host: hostname(), command: 'match', token: 'dead' };
    writeFileSync(join(dir, 'lock'), JSON.stringify({ ...lock, since: '2027-01-01T00:00:00Z' }));
    await expect(withLock(dir, async () => 'ran')).resolves.toBe('ran');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('holds the metadata from the first instant the lock file exists', async () => {
    const dir = fresh();
    const seen = await withLock(dir, async () => readFileSync(join(dir, 'lock'), 'utf8'), {
      command: 'import',
    });
    expect(JSON.parse(seen)).toMatchObject({
      pid: process.pid,
      host: hostname(),
      command: 'import',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('serialises many waiters in one process: every critical section runs alone', async () => {
    const dir = fresh();
    let inside = 0;
    let most = 0;
    const one = () =>
      withLock(dir, async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 2));
        inside--;
      });
    await Promise.all(Array.from({ length: 12 }, one));
    expect(most).toBe(1);
  });
});
