/**
 * The review step: `match` stores a proposal, nothing is scheduled until `match approve`, a
 * rejected pair goes back to the pool, and configs made before the step keep the one-step flow.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, person, writeProgram } from '../helpers/schedule-program.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

const week = hours([1, 2, 3, 4, 5], '09:00', '17:00');
const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'Europe/London',
    availability: week,
    capacity: 2,
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/London', availability: week }),
  person('zoe@x.org', 'Zoe Park', 'mentee', { timezone: 'Europe/London', availability: week }),
];

async function program(autoApprove: boolean | undefined): Promise<string> {
  const dir = tempDir('mentor-review-');
  dirs.push(dir);
  const config = configWith();
  if (autoApprove !== undefined) config.matching.autoApprove = autoApprove;
  await writeProgram(dir, config, people, undefined);
  return dir;
}

const cli = (dir: string, ...args: string[]) =>
  runCli([...args, '--now', '2027-02-01'], { cwd: dir });
const stored = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.mentor', 'matches.json'), 'utf8')).data.matches as Array<{
    id: string;
    mentee: string;
    status: string;
    review?: string;
    endReason?: string;
  }>;

describe('match approve / reject', () => {
  it('stores a proposal that schedule refuses until it is approved', async () => {
    const dir = await program(false);
    const m = cli(dir, 'match');
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).toContain('saved 2 pairs as a proposal');
    expect(stored(dir).map((p) => p.review)).toEqual(['proposed', 'proposed']);
    const refused = cli(dir, 'schedule');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'No approved pairs yet: the 2 pair(s) of the last match are a proposal. Review them, then run `mentor-cli match approve --all`',
    );
    const status = cli(dir, 'status', '--json');
    expect(JSON.parse(status.stdout).stages).toEqual({ proposed: 2, approved: 0, active: 0 });

    const ana = stored(dir).find((p) => p.mentee === 'ana@x.org')!;
    const zoe = stored(dir).find((p) => p.mentee === 'zoe@x.org')!;
    const approve = cli(dir, 'match', 'approve', ana.id, '--json');
    expect(approve.code, approve.stderr).toBe(0);
    expect(JSON.parse(approve.stdout)).toMatchObject({
      approved: [{ id: ana.id, mentee: 'ana@x.org' }],
      counts: { proposed: 1, approved: 1 },
    });
    const sched = cli(dir, 'schedule', '--json');
    expect(sched.code, sched.stderr).toBe(0);
    expect(JSON.parse(sched.stdout).pairs).toBe(1);

    const reject = cli(dir, 'match', 'reject', zoe.id, '--reason', 'same team in practice');
    expect(reject.code, reject.stderr).toBe(0);
    expect(stored(dir).find((p) => p.id === zoe.id)).toMatchObject({
      status: 'ended',
      endReason: 'rejected in review: same team in practice',
    });
    expect(JSON.parse(cli(dir, 'status', '--json').stdout).stages).toEqual({
      proposed: 0,
      approved: 1,
      active: 0,
    });
    expect(cli(dir, 'match', 'approve', 'm-00000000').stderr).toContain(
      'No current pair "m-00000000"',
    );
    expect(cli(dir, 'match', 'reject', ana.id).code).toBe(2);
  });

  it('--all approves everything; --auto-approve and configs without the key keep one step', async () => {
    const dir = await program(false);
    expect(cli(dir, 'match').code).toBe(0);
    const all = cli(dir, 'match', 'approve', '--all');
    expect(all.stdout).toContain('Approved 2 pair(s); 2 approved and 0 still proposed.');
    expect(cli(dir, 'schedule').code).toBe(0);

    const auto = await program(false);
    expect(cli(auto, 'match', '--auto-approve').code).toBe(0);
    expect(stored(auto).every((p) => p.review === undefined)).toBe(true);

    const legacy = await program(undefined);
    expect(cli(legacy, 'match').code).toBe(0);
    expect(cli(legacy, 'schedule').code).toBe(0);
  });
});
