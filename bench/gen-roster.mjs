// Deterministic realistic participant exports for benchmarks (seeded PRNG: same n, same bytes).
// CLI: node bench/gen-roster.mjs [outDir=$TMPDIR/mentor-cli-bench] [csvRows=100000]
// [xlsxRows=20000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const ROSTER_HEADERS = [
  'Timestamp',
  'Email Address',
  'Full name',
  'Role',
  'Department',
  'Title',
  'Level',
  'Time zone',
  'Languages',
  'Topics',
  'Interests',
  'Goals',
  'Capacity',
  'Availability',
  'Cohort',
];

const FIRST = [
  'Ana',
  'Zoë',
  'Kenji',
  'Olúwaseun',
  'Priya',
  'Mateo',
  'Siobhán',
  'Łukasz',
  'Aylin',
  'Chen',
  'Fatima',
  'Jürgen',
  'Amara',
  'Diego',
  'Nguyễn',
  'Sofía',
  'Ravi',
  'Ingrid',
  'Tomás',
  'Yuki',
];
const LAST = [
  'Müller',
  'Okafor',
  'Tanaka',
  'García',
  'Sharma',
  'O’Brien',
  'Kowalski',
  'Yılmaz',
  'Li',
  'Haddad',
  'Schmidt',
  'Mensah',
  'Rossi',
  'Nguyen',
  'Pérez',
  'Iyer',
  'Larsen',
  'Silva',
  'Sato',
  'Dubois',
];
const DEPTS = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'People',
  'Operations',
  'Legal',
  'Product',
  'Support',
  'Design',
];
const TITLES = [
  'Analyst',
  'Engineer',
  'Senior Engineer',
  'Manager',
  'Director',
  'Designer',
  'Specialist',
  'Lead',
  'Coordinator',
  'VP',
];
const ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Africa/Lagos',
  'Australia/Sydney',
  '(UTC-05:00) Eastern Time (US & Canada)',
];
const LANGS = [
  'English',
  'Spanish',
  'French',
  'German',
  'Japanese',
  'Hindi',
  'Portuguese',
  'Yoruba',
  'Polish',
  'Mandarin',
];
const TOPICS = [
  'leadership',
  'career growth',
  'public speaking',
  'negotiation',
  'technical depth',
  'work-life balance',
  'management',
  'networking',
  'product sense',
  'data skills',
];
const INTERESTS = [
  'running',
  'chess',
  'cooking',
  'music',
  'travel',
  'reading',
  'hiking',
  'photography',
  'gaming',
  'volunteering',
];
const GOALS = [
  'Grow into a team lead role within a year',
  'Get better at presenting to executives',
  'Plan a move into product management, "eventually"',
  'Build a network outside my department',
  'Learn to negotiate, and to say no',
];
const AVAIL = [
  'Mon 09:00-12:00; Wed 14:00-17:00',
  'Tue 9-11am',
  'Tuesday and Thursday mornings',
  'Fri 13:00-15:00',
  'Mon-Fri 08:00-09:00',
];

/** Mulberry32: tiny seeded PRNG so runs are reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** Row i of the roster as plain values (index 0 = Timestamp as a UTC Date). */
function makeRows(n, seed = 42) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const some = (list, k) =>
    Array.from({ length: 1 + Math.floor(rnd() * k) }, () => pick(list))
      .filter((v, i, a) => a.indexOf(v) === i)
      .join(', ');
  const start = Date.UTC(2025, 0, 6, 8, 0, 0);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const mentor = rnd() < 0.35;
    rows.push([
      new Date(start + Math.floor(rnd() * 30 * 86400) * 1000),
      `${first}.${last}.${i}@example.com`
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
        .toLowerCase(),
      `${first} ${last}`,
      mentor ? 'Mentor' : 'Mentee',
      pick(DEPTS),
      pick(TITLES),
      1 + Math.floor(rnd() * 8),
      pick(ZONES),
      some(LANGS, 3),
      some(TOPICS, 3),
      some(INTERESTS, 3),
      pick(GOALS),
      mentor ? 1 + Math.floor(rnd() * 4) : '',
      pick(AVAIL),
      `2025-${pad(1 + (i % 4) * 3)}`,
    ]);
  }
  return rows;
}

const fmtStamp = (d) =>
  `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const csvField = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A Google-Forms-like CSV export with n participants, as a string. */
export function generateRosterCsv(n) {
  const lines = [ROSTER_HEADERS.map(csvField).join(',')];
  for (const r of makeRows(n)) lines.push([fmtStamp(r[0]), ...r.slice(1)].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes an XLSX export with n participants (real date cells, numbers as numbers) to path. */
export async function generateRosterXlsx(n, path) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Form Responses 1');
  ws.addRow(ROSTER_HEADERS);
  for (const r of makeRows(n)) ws.addRow(r);
  ws.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  await wb.xlsx.writeFile(path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(tmpdir(), 'mentor-cli-bench'));
  mkdirSync(dir, { recursive: true });
  const csvRows = Number(process.argv[3] ?? 100000);
  const xlsxRows = Number(process.argv[4] ?? 20000);
  writeFileSync(join(dir, `roster-${csvRows}.csv`), generateRosterCsv(csvRows));
  await generateRosterXlsx(xlsxRows, join(dir, `roster-${xlsxRows}.xlsx`));
  console.log(
    `wrote ${join(dir, `roster-${csvRows}.csv`)} and ${join(dir, `roster-${xlsxRows}.xlsx`)}`,
  );
}
