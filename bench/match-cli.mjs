// Whole-process bench of `mentor-cli match` on N mentees x M mentors (capacity 4): criteria scoring
// from participants.json, then `--pair-scores` from a generated CSV (skill-vector scores, popular
// mentors). Usage: node bench/match-cli.mjs [mentees=10000] [mentors=2500] [--density 1|0.2]
// [--no-criteria] [--keep-files] Targets (issue 3): whole process with --pair-scores < 30 s and
// peak memory < 1 GB.
import { mkdirSync, writeFileSync, createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freshProgram, report, timeCli } from './lib.mjs';
import { generateInstance, rng } from './gen-instances.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const positional = args.filter(
  (a, k) => !a.startsWith('--') && !(k > 0 && args[k - 1] === '--density'),
);
const nL = Number(positional[0] ?? 10000),
  nR = Number(positional[1] ?? 2500);
const density = value('--density', 1);

const rnd = rng(42);
const TOPICS = Array.from({ length: 40 }, (_, i) => `Topic ${i}`);
const pick = (xs, n) => {
  const o = new Set();
  while (o.size < n) o.add(xs[Math.floor(rnd() ** 1.5 * xs.length)]);
  return [...o];
}; // skewed: some topics (and so mentors) are popular
const zones = ['Europe/London', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata'];
const person = (role, i) => {
  const start = 60 * (8 + Math.floor(rnd() * 8));
  return {
    email: `${role}${i}@example.com`,
    name: `${role} ${i}`,
    role,
    department: `Dept ${Math.floor(rnd() * 12)}`,
    level: 1 + Math.floor(rnd() * 7),
    timezone: zones[Math.floor(rnd() * zones.length)],
    languages: rnd() < 0.9 ? ['English'] : ['Spanish'],
    topics: pick(TOPICS, 2 + Math.floor(rnd() * 4)),
    interests: [],
    availability: [
      { day: 1 + Math.floor(rnd() * 5), start, end: start + 120 },
      { day: 1 + Math.floor(rnd() * 5), start, end: start + 120 },
    ],
    preferences: [],
    avoid: [],
    capacity: role === 'mentor' ? 4 : undefined,
    status: 'active',
    trainingCompleted: true,
    attributes: {},
  };
};

const dir = freshProgram();
mkdirSync(join(dir, '.mentor'), { recursive: true });
const people = [
  ...Array.from({ length: nL }, (_, i) => person('mentee', i)),
  ...Array.from({ length: nR }, (_, j) => person('mentor', j)),
];
writeFileSync(
  join(dir, '.mentor', 'participants.json'),
  JSON.stringify({ version: 1, updatedAt: new Date().toISOString(), data: people }),
);
const summary = (r) =>
  (r.stdout.split('\n').find((l) => l.includes('matched')) ?? r.stderr.split('\n')[0] ?? '').trim();

if (!flag('--no-criteria')) {
  const r = timeCli(['match', '--model', 'group', '--min-score', '0', '--dry-run'], dir);
  report(`match ${nL} x ${nR} (criteria, capacity 4)`, 30, r);
  console.log(`     ${summary(r)}`);
}

// The pair-scores CSV, written from the CSR instance the solver bench uses (same score profile).
const inst = generateInstance({ nLeft: nL, nRight: nR, capacity: 4, density, seed: 42 });
const file = join(dir, 'pairs.csv');
const out = createWriteStream(file);
out.write('Mentee email,Mentor email,Score\n');
for (let i = 0; i < nL; i++) {
  const mentee = `mentee${i}@example.com,mentor`;
  let chunk = '';
  for (let e = inst.offsets[i]; e < inst.offsets[i + 1]; e++)
    chunk += `${mentee}${inst.targets[e]}@example.com,${inst.weights[e]}\n`;
  if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
}
await new Promise((r) => out.end(r));
const rows = inst.targets.length;
console.log(
  `     pairs.csv: ${rows.toLocaleString('en')} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB`,
);
const r = timeCli(
  ['match', '--model', 'group', '--min-score', '0', '--pair-scores', 'pairs.csv', '--dry-run'],
  dir,
);
report(`match --pair-scores ${nL} x ${nR}, ${density * 100}% density`, 30, r);
console.log(`     ${summary(r)}${r.rssMb > 1024 ? '  (MEMORY over the 1 GB target)' : ''}`);
if (r.code !== 0) console.log(r.stderr.slice(0, 1000));
if (!flag('--keep-files')) rmSync(dir, { recursive: true, force: true });
else console.log(`     kept ${dir}`);
