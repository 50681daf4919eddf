/**
 * The part of zod/mini this program uses. `npm run build` bundles this file into dist/vendor/zod.js
 * (scripts/bundle-vendor.mjs).
 */
// perf: zod's package entry loads its ~50 locale files and JIT compiler (~130 ms CPU per command);
// the tree-shaken bundle of what is listed here loads in ~10 ms (bench: startup.mjs)
export {
  _default,
  array,
  boolean,
  enum,
  globalRegistry,
  int,
  gte,
  lte,
  minLength,
  number,
  optional,
  regex,
  strictObject,
  string,
  superRefine,
  toJSONSchema,
} from 'zod/mini';
export type { infer, ZodMiniType } from 'zod/mini';
export type { $ZodIssue } from 'zod/v4/core';
