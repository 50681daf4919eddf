// Times the pure roster stage on 100,000 generated rows: map headers, build, merge, check
// references. Run after `npm run build`: node bench/roster-build.mjs (ROSTER_DIST=folder overrides
// ../dist/core/roster/)
import { performance } from 'node:perf_hooks';

const dist = process.env.ROSTER_DIST ?? new URL('../dist/core/roster/', import.meta.url).href;
const from = (file) => import(new URL(file, dist.endsWith('/') ? dist : `${dist}/`).href);
const { mapHeaders } = await from('header-map.js');
const { buildParticipants } = await from('build.js');
const { mergeParticipants } = await from('merge.js');
const { checkReferences } = await from('references.js');

const N = Number(process.env.ROWS ?? 100_000);
const headers = [
  'Timestamp',
  'Email Address',
  'Full name',
  'Would you like to join as a mentor or a mentee?',
  'Department',
  'Time zone',
  'How many mentees can you take?',
  'When are you available?',
  'Which topics can you help with? (select all that apply)',
  'Languages',
  'Preferred mentors',
  'Level',
  'Completed mentor training?',
  'Office',
];
const zones = [
  'Europe/London',
  '(UTC-05:00) Eastern Time (US & Canada)',
  'IST',
  'Asia/Tokyo',
  'São Paulo',
  'UTC+2',
  'CET',
  'America/Chicago',
  '',
];
const avail = [
  'Mon 09:00-12:00; Wed 14:00-17:00',
  'Tuesday and Thursday mornings',
  'Mon-Fri 9-5',
  'weekday afternoons',
  'evenings',
  'Mon 9-11am',
  '',
];
const topics = [
  'Leadership, Career growth',
  'Python; Data',
  'Public speaking\nNegotiation',
  'Product, Design, Research',
];
const rows = [];
for (let i = 0; i < N; i++) {
  rows.push({
    line: i + 2,
    cells: [
      `${1 + (i % 12)}/${1 + (i % 28)}/2026 9:${String(i % 60).padStart(2, '0')}:03`,
      `Person.${i}@Example.com`,
      `Person ${i} Müller`,
      i % 3 === 0 ? 'Mentor' : i % 3 === 1 ? "I'd like to be mentored" : 'Both',
      `Dept ${i % 40}`,
      zones[i % zones.length],
      String(1 + (i % 4)),
      avail[i % avail.length],
      topics[i % topics.length],
      'English / Spanish',
      `person.${(i * 7) % N}@example.com`,
      `L${i % 9}`,
      i % 2 ? 'yes' : 'no',
      `Office ${i % 25}`,
    ],
  });
}
const table = { file: 'bench.csv', headerRow: 1, headers, rows, notes: [] };

const t0 = performance.now();
const { mapping } = mapHeaders(headers);
const t1 = performance.now();
const c1 = process.cpuUsage();
const built = buildParticipants(table, mapping, {
  defaultCapacity: 2,
  defaultTimezone: 'Europe/London',
});
const t2 = performance.now();
const c2 = process.cpuUsage(c1);
const merged = mergeParticipants([], built.participants);
const t3 = performance.now();
const again = mergeParticipants(merged.participants, built.participants);
const t4 = performance.now();
const refs = checkReferences(merged.participants);
const t5 = performance.now();
const ms = (a, b) => `${(b - a).toFixed(0)} ms`;
console.log(
  `rows ${N}: built ${built.participants.length}, rejected ${built.rejected.length}, warnings ${built.problems.length}`,
);
console.log(
  `mapHeaders ${ms(t0, t1)}, buildParticipants ${ms(t1, t2)}, merge into empty ${ms(t2, t3)}, re-merge (all unchanged: ${again.unchanged.length}) ${ms(t3, t4)}, checkReferences ${ms(t4, t5)} (${refs.length} warnings)`,
);
console.log(
  `buildParticipants CPU time ${((c2.user + c2.system) / 1000).toFixed(0)} ms (all threads, GC included)`,
);
// The machine may be shared: repeat the build and report the best and the median wall-clock time.
const runs = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  buildParticipants(table, mapping, { defaultCapacity: 2, defaultTimezone: 'Europe/London' });
  runs.push(performance.now() - s);
}
runs.sort((a, b) => a - b);
console.log(`buildParticipants x5: best ${runs[0].toFixed(0)} ms, median ${runs[2].toFixed(0)} ms`);
console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
