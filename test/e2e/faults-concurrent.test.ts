/**
 * Concurrent writers on one program folder (issue 10, item 1): several real processes at once,
 * repeated a bounded number of times (MENTOR_FAULT_TRIALS for more), checking that every row of
 * every file is present at the end and that nothing was merged into a stale copy.
 */

import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import {
  initProgram,
  leftoverTemps,
  spawnCli,
  storedEmails,
  writeRoster,
} from '../helpers/fault-program.js';

const TRIALS = Number(process.env.MENTOR_FAULT_TRIALS ?? 3);
let dir: string;
beforeEach(() => {
  dir = tempDir();
  initProgram(dir);
});
afterEach(() => removeDir(dir));

describe('concurrent writers', () => {
  it(`six imports started together keep every row of every file (${TRIALS} trials)`, async () => {
    const files = Array.from({ length: 6 }, (_, f) => writeRoster(dir, `f${f}`, 200));
    for (let trial = 0; trial < TRIALS; trial++) {
      removeDir(join(dir, '.mentor'));
      const runs = files.map((f) => spawnCli(dir, ['import', f, '--json']).done);
      const results = await Promise.all(runs);
      for (const r of results)
        expect({ code: r.code, err: r.stderr }).toEqual({ code: 0, err: '' });
      const emails = storedEmails(dir);
      const missing = files.flatMap((_, f) =>
        Array.from({ length: 200 }, (_, i) => `f${f}-${i}@example.com`).filter(
          (e) => !emails.has(e),
        ),
      );
      expect({ trial, missing: missing.length }).toEqual({ trial, missing: 0 });
      expect(emails.size).toBe(1200);
      expect(leftoverTemps(dir)).toEqual([]);
    }
  }, 120_000);

  it('import and match at once: the import is kept and the matches stay valid', async () => {
    expect(runCli(['import', writeRoster(dir, 'base', 40)], { cwd: dir }).code).toBe(0);
    const late = writeRoster(dir, 'late', 60);
    const [imp, match] = await Promise.all([
      spawnCli(dir, ['import', late]).done,
      spawnCli(dir, ['match']).done,
    ]);
    expect(imp.code).toBe(0);
    expect(match.code).toBe(0);
    expect(storedEmails(dir).size).toBe(100);
    const matches = JSON.parse(readFileSync(join(dir, '.mentor', 'matches.json'), 'utf8'));
    const emails = storedEmails(dir);
    for (const m of matches.data.matches as Array<{ mentee: string; mentor: string }>) {
      expect(emails.has(m.mentee)).toBe(true);
      expect(emails.has(m.mentor)).toBe(true);
    }
    expect(runCli(['status'], { cwd: dir }).code).toBe(0);
  }, 60_000);

  it('match and schedule at once: both finish, and a later schedule agrees with the matches', async () => {
    expect(runCli(['import', writeRoster(dir, 'p', 40)], { cwd: dir }).code).toBe(0);
    expect(runCli(['match'], { cwd: dir }).code).toBe(0);
    // init sets matching.autoApprove false: the pairs are a proposal until approved.
    expect(runCli(['match', 'approve', '--all'], { cwd: dir }).code).toBe(0);
    const [match, schedule] = await Promise.all([
      spawnCli(dir, ['match', '--keep']).done,
      spawnCli(dir, ['schedule']).done,
    ]);
    expect(match.code).toBe(0);
    expect(schedule.code).toBe(0);
    const again = runCli(['schedule', '--json'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(leftoverTemps(dir)).toEqual([]);
  }, 60_000);
});
