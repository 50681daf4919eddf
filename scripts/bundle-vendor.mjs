// Replaces tsc's dist/vendor/*.js (which re-export from the packages) with one tree-shaken ESM file
// each, holding only what src/vendor/<name>.ts lists. Run by `npm run build` and the test setup.
// perf: importing zod/mini from its package costs ~130 ms CPU per command, commander through the
// CJS bridge ~20 ms more than its bundle (bench: startup.mjs; figures in src/vendor/*.ts)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'inline',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: [`${root}src/vendor/zod.ts`],
  outfile: `${root}dist/vendor/zod.js`,
});
await build({
  ...common,
  entryPoints: [`${root}src/vendor/commander.ts`],
  outfile: `${root}dist/vendor/commander.js`,
  // commander's CommonJS code calls require('node:events') etc.; an ESM bundle has no require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
