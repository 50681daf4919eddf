/**
 * The part of commander this program uses. `npm run build` bundles this file into
 * dist/vendor/commander.js (scripts/bundle-vendor.mjs).
 */
// perf: commander is CommonJS; loading it through Node's ESM-to-CJS bridge (cjs-module-lexer, the
// CJS loader) cost 0.168-0.180 s CPU for `import { Command }` against 0.123-0.130 s for an empty
// script; the esbuild ESM bundle cost 0.153-0.159 s (10 runs each, 2026-12-02), about 20 ms off
// every command's start (bench: startup.mjs)
export { Command, CommanderError, Option } from 'commander';
