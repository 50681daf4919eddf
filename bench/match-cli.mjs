// Whole-process bench of `mentor-cli match`: a program with N mentees x M mentors as participants.json
// (criteria scoring), and optionally a --pair-scores CSV at a given density.
// Usage: node bench/match-cli.mjs [mentees=10000] [mentors=2500] [--pair-scores density=0.2]
import { mkdtempSync, mkdirSync, writeFileSync, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const args = process.argv.slice(2);
const nL = Number(args[0] ?? 10000), nR = Number(args[1] ?? 2500);
const pairScores = args.includes('--pair-scores');
const density = Number(args[args.indexOf('--pair-scores') + 1]) || 0.2;

let seed = 42;
const rnd = () => { seed = (seed + 0x6d2b79f5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const TOPICS = Array.from({ length: 40 }, (_, i) => `Topic ${i}`);
const pick = (xs, n) => { const o = new Set(); while (o.size < n) o.add(xs[Math.floor(rnd() ** 1.5 * xs.length)]); return [...o]; }; // skewed: some topics (and so mentors) are popular
const zones = ['Europe/London', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata'];
const person = (role, i) => {
  const start = 60 * (8 + Math.floor(rnd() * 8));
  return {
    email: `${role}${i}@example.com`, name: `${role} ${i}`, role, department: `Dept ${Math.floor(rnd() * 12)}`, level: 1 + Math.floor(rnd() * 7),
    timezone: zones[Math.floor(rnd() * zones.length)], languages: rnd() < 0.9 ? ['English'] : ['Spanish'], topics: pick(TOPICS, 2 + Math.floor(rnd() * 4)),
    interests: [], availability: [{ day: 1 + Math.floor(rnd() * 5), start, end: start + 120 }, { day: 1 + Math.floor(rnd() * 5), start, end: start + 120 }],
    preferences: [], avoid: [], capacity: role === 'mentor' ? 4 : undefined, status: 'active', trainingCompleted: true, attributes: {},
  };
};

const dir = mkdtempSync(join(tmpdir(), 'mentor-bench-'));
const run = (argv) => { const t = performance.now(); const r = spawnSync(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : []), CLI, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 1 << 30 }); return { ...r, ms: performance.now() - t }; };
run(['init', '.', '--yes']);
mkdirSync(join(dir, '.mentor'), { recursive: true });
const people = [...Array.from({ length: nL }, (_, i) => person('mentee', i)), ...Array.from({ length: nR }, (_, j) => person('mentor', j))];
writeFileSync(join(dir, '.mentor', 'participants.json'), JSON.stringify({ version: 1, updatedAt: new Date().toISOString(), data: people }));

const report = (label, r) => {
  const line = r.stdout.split('\n').find((l) => l.startsWith('matched') || l.includes('matched')) ?? '';
  console.log(`${label}: exit ${r.status}, ${(r.ms / 1000).toFixed(2)} s — ${line.trim()}${r.status ? `\n${r.stderr.slice(0, 500)}` : ''}`);
};
report(`match ${nL} x ${nR} (criteria, capacity 4)`, run(['match', '--model', 'group', '--min-score', '0', '--dry-run']));
if (pairScores) {
  const file = join(dir, 'pairs.csv');
  const out = createWriteStream(file);
  out.write('mentee,mentor,score\n');
  for (let i = 0; i < nL; i++) {
    let chunk = '';
    for (let j = 0; j < nR; j++) if (rnd() < density) chunk += `mentee${i}@example.com,mentor${j}@example.com,${(rnd() * 100).toFixed(1)}\n`;
    out.write(chunk);
  }
  await new Promise((r) => out.end(r));
  report(`match --pair-scores ${nL} x ${nR} at ${density * 100}% density`, run(['match', '--model', 'group', '--min-score', '0', '--pair-scores', 'pairs.csv', '--dry-run']));
}
rmSync(dir, { recursive: true, force: true });
