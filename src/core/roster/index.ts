/** The roster stage: header mapping, cell normalising, validation, merging and reference checks. */

export * from './header-map.js';
export * from './normalise.js';
export * from './roles.js';
export * from '../timezones/resolve.js';
export * from '../availability/parse.js';
export * from './timestamp.js';
export * from './build.js';
export * from './merge.js';
export * from './references.js';
