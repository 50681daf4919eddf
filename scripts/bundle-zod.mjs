// Replaces tsc's dist/vendor/zod.js (which re-exports from the zod/mini package) with one
// tree-shaken file holding only what src/vendor/zod.ts lists. Run by `npm run build`.
// perf: importing zod/mini from its package costs ~130 ms CPU per command (bench: startup.mjs)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: [`${root}src/vendor/zod.ts`],
  outfile: `${root}dist/vendor/zod.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'inline',
  logLevel: 'warning',
});
