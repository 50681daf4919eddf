/**
 * Builds dist/ once before any test file runs, as `npm run build` does: empty dist/ (so no file
 * moved in src/ survives as a stale output), tsc, then scripts/bundle-vendor.mjs. End-to-end tests
 * spawn dist/cli.js; building inside individual test files rewrote dist/ while other files were
 * running it (flaky exit-3 failures).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  const c = spawnSync(process.execPath, [join(root, 'scripts', 'clean-dist.mjs')], {
    encoding: 'utf8',
  });
  if (c.status !== 0) throw new Error(`emptying dist/ failed:\n${c.stdout}${c.stderr}`);
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`tsc failed, so no test can run:\n${r.stdout}${r.stderr}`);
  // The same bundling step as `npm run build`, so that e2e tests run what users run.
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'bundle-vendor.mjs')], {
    encoding: 'utf8',
  });
  if (b.status !== 0) throw new Error(`bundling vendor files failed:\n${b.stdout}${b.stderr}`);
}
