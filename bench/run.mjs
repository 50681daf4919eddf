// `npm run bench`: every benchmark in turn (built CLI, whole processes). Not part of `npm test`.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const suites = [
  'import.mjs',
  'match-solver.mjs',
  'match-cli.mjs',
  'schedule.mjs',
  'survey-report.mjs',
  'startup.mjs',
].filter((f) => readdirSync(here).includes(f) && (!only || f.startsWith(only)));
let failed = 0;
for (const file of suites) {
  console.log(`\n## ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
