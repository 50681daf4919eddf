// Benchmark: `mentor-cli schedule` on a generated program of 5,000 pairs meeting weekly for 6
// months. Usage: npx tsc -p . && node bench/schedule.mjs [pairs] (prints the wall time of the whole
// command)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { defaultConfig } = await import(join(root, 'dist/core/config.js'));
const { writeState } = await import(join(root, 'dist/io/store/program.js'));

const pairs = Number(process.argv[2] ?? 5000);
const zones = [
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Australia/Sydney',
];
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'mentor-bench-'));
const config = defaultConfig({
  name: 'Bench Program',
  startDate: '2027-01-04',
  endDate: '2027-07-02',
  timezone: 'Europe/London',
});
config.schedule.frequency = 'weekly';
writeFileSync(join(dir, 'mentor.config.json'), JSON.stringify(config, null, 2));
const person = (email, name, role, i) => ({
  email,
  name,
  role,
  timezone: zones[i % zones.length],
  languages: ['English'],
  topics: ['leadership', `t${i % 7}`],
  interests: [],
  availability: [],
  preferences: [],
  avoid: [],
  status: 'active',
  attributes: {},
  goals: 'Grow as a leader',
});
const participants = [];
const matches = [];
const mentors = Math.ceil(pairs / 2);
for (let m = 0; m < mentors; m++)
  participants.push(person(`mentor${m}@example.com`, `Mentor Nümber ${m}`, 'mentor', m));
for (let i = 0; i < pairs; i++) {
  participants.push(person(`mentee${i}@example.com`, `Mentee Ångström ${i}`, 'mentee', i + 1));
  matches.push({
    id: `p${i}`,
    mentor: `mentor${i % mentors}@example.com`,
    mentee: `mentee${i}@example.com`,
    score: 70,
    reasons: ['shares topics: leadership'],
    status: 'active',
    origin: 'optimal',
    createdAt: '2026-12-01T00:00:00Z',
  });
}
const program = { dir, stateDir: join(dir, '.mentor'), config };
await writeState(program, 'participants', participants);
await writeState(program, 'matches', matches);

// GNU time (when installed) adds the child's CPU time and peak RSS: wall time alone misleads on a
// busy machine.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const run = () => {
  const t0 = performance.now();
  const cmd = [
    process.execPath,
    join(root, 'dist/cli.js'),
    'schedule',
    '--json',
    '--now',
    '2026-12-15',
  ];
  const r = spawnSync(gnuTime ?? cmd[0], gnuTime ? ['-f', '@@ %U %S %M', ...cmd] : cmd.slice(1), {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', CI: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`schedule failed (${r.status}): ${r.stderr}`);
  const m = /@@ ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  const usage = m
    ? ` (CPU ${(Number(m[1]) + Number(m[2])).toFixed(2)} s, peak RSS ${Math.round(Number(m[3]) / 1024)} MB)`
    : '';
  return { ms, usage, summary: JSON.parse(r.stdout) };
};
const first = run();
const second = run();
const files = readdirSync(join(dir, 'schedule'), { recursive: true }).length;
console.log(
  `schedule: ${pairs} pairs, ${first.summary.meetings} meetings, ${files} files: first run ${Math.round(first.ms)} ms${first.usage}, re-run ${Math.round(second.ms)} ms${second.usage}`,
);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(dir);
