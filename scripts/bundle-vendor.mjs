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
  plugins: [commanderBuiltins()],
});

/**
 * commander's CommonJS code calls `require('node:events')` etc., which an ESM bundle can only do
 * through `createRequire`. This maps each to ESM instead: events and path are imported, process is
 * the global, and child_process and fs (used only to run executable subcommands, which this program
 * has none of) become stubs that say so if ever reached.
 * perf: bench/startup.mjs — `createRequire` loads node:module with fs/promises and readline, and
 * child_process brings net, dgram and streams: together ~10 ms of the ~50 ms between `node -e 0`
 * and `mentor-cli --version` (2026-12-02).
 */
function commanderBuiltins() {
  const unused = (name) =>
    `module.exports = new Proxy({}, { get() { throw new Error(` +
    `'mentor-cli: commander tried to use ${name}, which the bundle leaves out'); } });`;
  const contents = {
    events: { contents: "export * from 'events';", loader: 'js' },
    path: { contents: "export * from 'path';", loader: 'js' },
    process: { contents: 'module.exports = globalThis.process;', loader: 'js' },
    child_process: { contents: unused('child_process'), loader: 'js' },
    fs: { contents: unused('fs'), loader: 'js' },
  };
  return {
    name: 'commander-builtins',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (args) => ({
        path: args.path.slice(5),
        namespace: 'shim',
      }));
      b.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => {
        const shim = contents[args.path];
        if (!shim) throw new Error(`commander requires node:${args.path}; add it to the shims`);
        return shim;
      });
    },
  };
}
