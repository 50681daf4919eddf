// Import benchmark: a 100,000-row CSV and a 20,000-row XLSX, imported and validated by the whole
// CLI process. Targets (2-core machine): CSV < 2 s, XLSX < 6 s, peak memory < 400 MB. Also prints
// the child's CPU time (user + system, all threads): the fairer figure when the machine is busy.
import { writeFileSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { generateRosterCsv, generateRosterXlsx } from './gen-roster.mjs';
import { timeCli, freshProgram, report } from './lib.mjs';

/** CPU seconds used by waited-for children so far (Linux /proc; NaN elsewhere). */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100; // cutime + cstime, in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** timeCli plus the child's CPU time. */
function timed(args, cwd) {
  const c0 = childCpuSeconds();
  const r = timeCli(args, cwd);
  r.cpu = childCpuSeconds() - c0;
  return r;
}

const show = (name, target, r) => {
  report(name, target, r);
  console.log(`     cpu ${r.cpu.toFixed(2)} s`);
};

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const dir = freshProgram();
const dir2 = freshProgram();
try {
  writeFileSync(join(dir, 'big.csv'), generateRosterCsv(100_000));
  const xlsxPath = join(dir, 'big.xlsx');
  await generateRosterXlsx(20_000, xlsxPath);
  const csv = timed(['import', 'big.csv', '--quiet'], dir);
  show('import 100,000-row CSV (new program)', 2, csv);
  const again = timed(['import', 'big.csv', '--quiet'], dir);
  show('re-import the same 100,000 rows (all unchanged)', 2, again);
  // Absolute path: the workbook lives in the first program folder.
  const xlsx = timed(['import', xlsxPath, '--quiet'], dir2);
  show('import 20,000-row XLSX (new program)', 6, xlsx);
  for (const r of [csv, again, xlsx])
    if (r.rssMb > 400)
      console.log(`peak memory ${r.rssMb.toFixed(0)} MB is over the 400 MB target`);
  for (const r of [csv, again, xlsx])
    if (![0, 1].includes(r.code)) console.log(r.stderr.slice(0, 2000));
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dir2, { recursive: true, force: true });
}
