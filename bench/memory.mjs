// Peak memory (and time) of every command on one big program: a 100,000-person import, then the
// rest of the cycle on it. Issue 10's bound: every command of a 100,000-person program under 1 GB.
// Usage: npm run build && node bench/memory.mjs [people=100000] [pairs=20000]
// The pairs are written straight into the state (as `match` would store them, approved), so the
// solver's own figures stay in match-solver.mjs / match-cli.mjs; `match --dry-run` on the whole
// roster is timed here too, with a time limit.
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateRosterCsv } from './gen-roster.mjs';
import { ROOT, freshProgram, timeCli } from './lib.mjs';

const people = Number(process.argv[2] ?? 100_000);
const pairCount = Number(process.argv[3] ?? 20_000);
const LIMIT_MB = 1024;
const { openProgram, readState, writeState } = await import(
  join(ROOT, 'dist', 'io', 'store', 'program.js')
);

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const dir = freshProgram(['--timezone', 'Europe/London', '--name', 'Memory bench']);
const rows = [];
const measure = (name, args, { allowFail = false, timeoutMs } = {}) => {
  const r = timeCli(args, dir, { timeoutMs });
  if (r.code !== 0 && !allowFail) {
    console.error(r.stderr);
    throw new Error(`${name} exited ${r.code}`);
  }
  const ok = r.rssMb < LIMIT_MB ? 'OK  ' : 'OVER';
  const line = `${ok} ${name.padEnd(46)} peak ${r.rssMb.toFixed(0).padStart(5)} MB  ${r.seconds.toFixed(1).padStart(6)} s  exit ${r.code}`;
  console.log(line);
  rows.push(line);
  return r;
};

writeFileSync(join(dir, 'roster.csv'), generateRosterCsv(people));
measure(`import ${people.toLocaleString('en')} rows`, ['import', 'roster.csv', '--quiet']);

// Pairs: mentees in order, mentors round robin (each mentor meets up to two mentees).
const program = await openProgram(dir);
const roster = await readState(program, 'participants', []);
const active = roster.filter((p) => p.status === 'active');
const mentors = active.filter((p) => p.role === 'mentor');
const mentees = active.filter((p) => p.role === 'mentee');
const n = Math.min(pairCount, mentees.length, mentors.length * 2);
const matches = Array.from({ length: n }, (_, i) => ({
  id: `pair-${i + 1}`,
  mentor: mentors[i % mentors.length].email,
  mentee: mentees[i].email,
  score: 70,
  reasons: ['shares topics'],
  status: 'active',
  origin: 'optimal',
  approved: true,
  createdAt: '2026-12-01T00:00:00Z',
}));
await writeState(program, 'matches', { matches });
console.log(`${active.length} active people, ${n} pairs`);

measure('participants --json', ['participants', '--json']);
measure('export participants (csv)', ['export', 'participants', '--out', 'people.csv']);
measure('status --json', ['status', '--json', '--now', '2027-03-01']);
measure(`schedule (${n} pairs, weekly)`, ['schedule', '--json', '--now', '2026-12-15']);
measure('intro', ['intro', '--quiet', '--now', '2026-12-15']);

// Three survey waves, four in five answering.
const header =
  'Timestamp,Email Address,How satisfied are you with your mentoring relationship?,How likely are you to recommend the mentoring program to a colleague?';
const paired = matches.flatMap((m) => [m.mentor, m.mentee]);
const waves = ['2027/01/20', '2027/04/01', '2027/06/20'].map((date, w) => {
  const lines = [header];
  paired.forEach((email, i) => {
    if ((i + w) % 5 === 0) return;
    lines.push(`${date} 10:00:00 AM GMT,${email},${1 + ((i + w) % 5)},${(i * 7 + w) % 11}`);
  });
  const file = join(dir, `wave${w + 1}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
});
measure(`survey merge (3 waves, ${(paired.length * 2.4).toFixed(0)} answers)`, [
  'survey',
  'merge',
  ...waves,
  '--quiet',
]);
measure('report xlsx', ['report', '--out', 'report.xlsx', '--now', '2027-06-28', '--quiet']);
measure('report --format json', ['report', '--format', 'json', '--now', '2027-06-28']);
measure('report html', ['report', '--out', 'report.html', '--now', '2027-06-28', '--quiet']);
if (!process.env.SKIP_MATCH) {
  // The whole roster through the solver: may exceed the bound or the 10-minute limit (reported).
  measure('match --dry-run (whole roster)', ['match', '--dry-run', '--json'], {
    allowFail: true,
    timeoutMs: 600_000,
  });
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (process.env.KEEP) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
