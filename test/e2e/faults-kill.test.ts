/**
 * kill -9 at random points of import, match, schedule, survey merge and report (issue 10): after
 * every kill the state is the old or the new version (every state file loads), the next run of the
 * same command succeeds and leaves no temp file, and every later command works. The points are
 * drawn from a seeded generator: MENTOR_FAULT_SEED replays a run, MENTOR_FAULT_TRIALS runs more.
 */

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import {
  initProgram,
  leftoverTemps,
  spawnCli,
  storedEmails,
  writeRoster,
} from '../helpers/fault-program.js';

const SEED = Number(process.env.MENTOR_FAULT_SEED ?? Date.now() % 100_000);
const TRIALS = Number(process.env.MENTOR_FAULT_TRIALS ?? 1);

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let template: string;
beforeAll(() => {
  template = tempDir();
  initProgram(template);
  const ok = (args: string[]) => expect(runCli(args, { cwd: template }).code).toBe(0);
  ok(['import', writeRoster(template, 'base', 300)]);
  ok(['match']);
  // init sets matching.autoApprove false: the pairs are a proposal until approved.
  ok(['match', 'approve', '--all']);
  ok(['schedule']);
  writeRoster(template, 'late', 300);
  const rows = Array.from(
    { length: 100 },
    (_, i) =>
      `2027/02/0${(i % 9) + 1} 10:00:00 AM GMT,base-${i * 2 + 1}@example.com,${(i % 5) + 1},3`,
  );
  writeFileSync(
    join(template, 'survey.csv'),
    [
      'Timestamp,Email Address,How satisfied are you with your mentoring relationship?,How many times have you met?',
      ...rows,
    ].join('\n'),
  );
});
afterAll(() => removeDir(template));

const COMMANDS: Array<[string, string[]]> = [
  ['import', ['import', 'late.csv']],
  ['match', ['match']],
  ['schedule', ['schedule']],
  ['survey merge', ['survey', 'merge', 'survey.csv', '--wave', 'kickoff']],
  ['report', ['report']],
];

describe(`kill -9 at random points (seed ${SEED}; replay with MENTOR_FAULT_SEED=${SEED})`, () => {
  it.each(COMMANDS)(
    '%s',
    async (_name, args) => {
      const rand = random(SEED + args.length * 7919 + args[0].length);
      for (let trial = 0; trial < TRIALS; trial++) {
        const dir = tempDir();
        try {
          cpSync(template, dir, { recursive: true });
          const before = storedEmails(dir);
          const delay = Math.floor(150 + rand() * 1200);
          const run = spawnCli(dir, args);
          await new Promise((r) => setTimeout(r, delay));
          run.child.kill('SIGKILL');
          await run.done;
          const where = `seed ${SEED}, trial ${trial}, killed after ${delay} ms`;
          // Old or new: every state file still loads, and the roster lost nobody.
          const status = runCli(['status', '--json'], { cwd: dir });
          expect({ where, code: status.code, err: status.stderr }).toEqual({
            where,
            code: 0,
            err: '',
          });
          const after = storedEmails(dir);
          for (const e of before) expect(after.has(e)).toBe(true);
          // The next run of the same command succeeds and cleans what the killed one left.
          const again = runCli(args, { cwd: dir });
          expect({ where, code: again.code }).toEqual({ where, code: 0 });
          expect({ where, temps: leftoverTemps(dir) }).toEqual({ where, temps: [] });
          for (const later of [
            ['participants'],
            ['report', '--format', 'json'],
            ['schedule', '--dry-run'],
          ])
            expect({ where, later, code: runCli(later, { cwd: dir }).code }).toEqual({
              where,
              later,
              code: 0,
            });
        } finally {
          removeDir(dir);
        }
      }
    },
    120_000,
  );
});
