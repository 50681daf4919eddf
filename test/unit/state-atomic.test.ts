import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/io/store/atomic.js';
import { withLock } from '../../src/io/store/lock.js';
import { LockError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'mentor-state-'));
  dirs.push(d);
  return d;
};

describe('atomic writes', () => {
  it('replaces content and leaves no temp files', async () => {
    const dir = fresh();
    const file = join(dir, 'state.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('survives kill -9 at any moment: the file is always a complete old or new version', async () => {
    const dir = fresh();
    const file = join(dir, 'participants.json');
    const payload = (n: number) =>
      JSON.stringify({ n, rows: Array.from({ length: 20_000 }, (_, i) => `row-${n}-${i}`) });
    writeFileSync(file, payload(0));
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(join(ROOT, 'dist', 'io', 'store', 'atomic.js'))};
      const payload = ${payload.toString()};
      for (let n = 1; ; n++) {
        await writeFileAtomic(${JSON.stringify(file)}, payload(n));
        if (n === 1) process.stdout.write('first\\n');
      }
    `;
    let lastSeen = 0;
    for (const delay of [15, 40, 90, 160, 400]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Listen before killing: a child that already exited (say, a wrong import path) must fail
      // the test at once instead of hanging until the timeout.
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      // Kill `delay` ms after the first complete write, so that on a slow machine the kill still
      // lands among writes, not during Node's start-up.
      await Promise.race([new Promise((r) => child.stdout.once('data', r)), exited]);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      const code = await exited;
      expect(stderr, 'the writer crashed instead of being killed').toBe('');
      expect(code).toBeNull();
      const data = JSON.parse(readFileSync(file, 'utf8'));
      expect(data.rows).toHaveLength(20_000);
      expect(data.rows[19_999]).toBe(`row-${data.n}-19999`);
      lastSeen = Math.max(lastSeen, data.n);
    }
    // The writer really ran: at least one new version replaced the first.
    expect(lastSeen).toBeGreaterThan(0);
  });
});

describe('program lock', () => {
  it('serialises concurrent writers so no update is lost', async () => {
    const dir = fresh();
    const file = join(dir, 'counter.json');
    writeFileSync(file, '0');
    const bump = () =>
      withLock(dir, async () => {
        const n = Number(readFileSync(file, 'utf8'));
        await new Promise((r) => setTimeout(r, 5));
        await writeFileAtomic(file, String(n + 1));
      });
    await Promise.all(Array.from({ length: 8 }, bump));
    expect(readFileSync(file, 'utf8')).toBe('8');
  });

  it('takes over a lock left by a killed process', async () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: 'import', since: '2026-01-01T00:00:00Z' }),
    );
    await expect(withLock(dir, async () => 'ran')).resolves.toBe('ran');
  });

  it('refuses with a clear message while a live process holds it', async () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'lock'),
      JSON.stringify({ pid: process.ppid, command: 'match', since: '2026-01-01T00:00:00Z' }),
    );
    await expect(withLock(dir, async () => 'ran', { waitMs: 200 })).rejects.toThrow(LockError);
    await expect(withLock(dir, async () => 'ran', { waitMs: 100 })).rejects.toThrow(
      /in use by "match"/,
    );
  });
});
