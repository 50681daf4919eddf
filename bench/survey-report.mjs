// Benchmark: 10,000 participants, 6,000 pairs, three survey waves (~24,000 responses).
// Targets on a 2-core machine: `survey merge` of the three exports < 3 s, `report` (XLSX) < 5 s.
// Run after a build: npx tsc -p . && node bench/survey-report.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const { openProgram, writeState } = await import(join(ROOT, 'dist', 'io', 'store', 'program.js'));
const dir = mkdtempSync(join(tmpdir(), 'mentor-bench-survey-'));
const loadAtStart = loadavg();
const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', CI: '1' };
// CPU time of finished children (user + system, Linux /proc; 0 elsewhere): less sensitive to a busy
// machine than wall time.
const childCpuMs = () => {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(f[13]) + Number(f[14])) * 10; // cutime + cstime, in clock ticks of 10 ms
  } catch {
    return 0;
  }
};
const cpu = new Map();
const run = (args) => {
  const t0 = performance.now();
  const c0 = childCpuMs();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  cpu.set(ms, childCpuMs() - c0);
  return ms;
};

// Deterministic pseudo-random numbers (mulberry32) so every run measures the same data.
let seed = 42;
const rnd = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];

run([
  'init',
  '.',
  '--start',
  '2027-01-11',
  '--end',
  '2027-06-25',
  '--timezone',
  'Europe/London',
  '--name',
  'Bench',
]);
const departments = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'HR',
  'Operations',
  'Legal',
  'Product',
];
const participants = [];
for (let i = 0; i < 10_000; i++) {
  const mentor = i < 4_000;
  participants.push({
    email: `person${i}@example.com`,
    name: `Person ${i}`,
    role: mentor ? 'mentor' : 'mentee',
    department: pick(departments),
    cohort: i % 2 ? 'Spring' : 'Autumn',
    languages: ['English'],
    topics: [],
    interests: [],
    availability: [],
    preferences: [],
    avoid: [],
    capacity: mentor ? 2 : undefined,
    trainingCompleted: mentor ? rnd() < 0.8 : undefined,
    status: rnd() < 0.05 ? 'withdrawn' : 'active',
    attributes: { gender: pick(['F', 'M', 'X']), Office: pick(['London', 'Paris', 'NYC']) },
  });
}
const matches = [];
for (let j = 0; j < 6_000; j++) {
  matches.push({
    id: `pair-${j + 1}`,
    mentee: `person${4000 + j}@example.com`,
    mentor: `person${j % 4000}@example.com`,
    score: Math.round(40 + rnd() * 60),
    reasons: ['shares Python and Leadership', '2 h overlap in availability'],
    status: 'active',
    origin: 'optimal',
    createdAt: '2027-01-05T10:00:00Z',
  });
}
const program = await openProgram(dir);
await writeState(program, 'participants', participants);
await writeState(program, 'matches', { matches });

const header =
  'Timestamp,Email Address,Your name,How many meetings have you had with your mentoring partner so far?,How satisfied are you with your mentoring relationship?,How much progress have you made towards your goals?,How likely are you to recommend the mentoring program to a colleague?,"Do you have any concerns, or is there anything we should know?"';
const files = [];
for (const [w, date] of [
  ['kickoff', '2027/01/1'],
  ['midpoint', '2027/04/1'],
  ['final', '2027/06/2'],
]) {
  const lines = [header];
  for (const p of participants) {
    if (rnd() > 0.8) continue;
    const sat = pick(['Very satisfied', 'Satisfied', '4', '5', '3', '2 - Dissatisfied']);
    const concern = rnd() < 0.05 ? '"Hard to find time, we cancelled twice"' : '';
    lines.push(
      `${date}${Math.floor(rnd() * 9)} 10:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00 AM GMT,${p.email},${p.name},${Math.floor(rnd() * 8)},${sat},${1 + Math.floor(rnd() * 5)},${Math.floor(rnd() * 11)},${concern}`,
    );
  }
  const f = join(dir, `${w}.csv`);
  writeFileSync(f, lines.join('\r\n') + '\r\n');
  files.push(f);
}

// The HR outcomes of the organisation: every participant and 5,000 more people.
const hr = [
  'Work email,Employment status,Termination date,Last promotion / role change,Department',
];
for (let i = 0; i < 15_000; i++) {
  const left = rnd() < 0.1;
  const promoted = rnd() < 0.15 ? `2027-0${1 + Math.floor(rnd() * 5)}-15` : '';
  hr.push(
    `person${i}@example.com,${left ? 'Terminated' : 'Active'},${left ? '2027-04-30' : ''},${promoted},${pick(departments)}`,
  );
}
writeFileSync(join(dir, 'hr.csv'), hr.join('\n') + '\n');
run(['outcomes', 'import', join(dir, 'hr.csv'), '--quiet']);

const merge = run(['survey', 'merge', ...files, '--quiet']);
const by = ['--by', 'department', '--by', 'gender', '--now', '2027-06-28'];
const report = run(['report', '--out', 'report.xlsx', ...by]);
const manager = run(['report', '--audience', 'manager', '--out', 'manager.xlsx', ...by]);
const html = run(['report', '--format', 'html', ...by]);
const json = run(['report', '--format', 'json', '--now', '2027-06-28']);
const verdict = (ms, limit) =>
  `${(ms / 1000).toFixed(2)} s (target < ${limit} s: ${ms < limit * 1000 ? 'ok' : 'SLOW'}; CPU ${(cpu.get(ms) / 1000).toFixed(2)} s)`;
console.log(
  `load average (1, 5, 15 min) at start: ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
);
console.log(`survey merge, 3 waves (~24,000 responses): ${verdict(merge, 3)}`);
console.log(`report XLSX (leadership), 10,000 people:  ${verdict(report, 5)}`);
console.log(`report XLSX --audience manager:            ${verdict(manager, 5)}`);
console.log(`report --format html:                      ${verdict(html, 5)}`);
console.log(
  `report --format json:                      ${(json / 1000).toFixed(2)} s (CPU ${(cpu.get(json) / 1000).toFixed(2)} s)`,
);
if (process.env.KEEP) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
