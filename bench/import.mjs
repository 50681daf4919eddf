// Import benchmark: a 100,000-row CSV and a 20,000-row XLSX, imported and validated by the whole CLI process.
// Targets (2-core machine): CSV < 2 s, XLSX < 6 s, peak memory < 400 MB.
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateRosterCsv, generateRosterXlsx } from './gen-roster.mjs';
import { timeCli, freshProgram, report } from './lib.mjs';

const dir = freshProgram();
try {
  writeFileSync(join(dir, 'big.csv'), generateRosterCsv(100_000));
  await generateRosterXlsx(20_000, join(dir, 'big.xlsx'));
  const csv = timeCli(['import', 'big.csv', '--quiet'], dir);
  report('import 100,000-row CSV (new program)', 2, csv);
  const again = timeCli(['import', 'big.csv', '--quiet'], dir);
  report('re-import the same 100,000 rows (all unchanged)', 2, again);
  const dir2 = freshProgram();
  const xlsx = timeCli(['import', 'big.xlsx', '--quiet'], dir2);
  report('import 20,000-row XLSX (new program)', 6, xlsx);
  rmSync(dir2, { recursive: true, force: true });
  for (const r of [csv, again, xlsx]) if (r.rssMb > 400) console.log(`peak memory ${r.rssMb.toFixed(0)} MB is over the 400 MB target`);
  if (![0, 1].includes(csv.code)) console.log(csv.stderr.slice(0, 2000));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
