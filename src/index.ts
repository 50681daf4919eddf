/** mentor-cli as a library: the pure core for scripts and other tools. */

export * from './core/types.js';
export * from './core/config.js';
export { neutraliseCell } from './core/safe-cell.js';
export { isValidTimeZone } from './core/timezones/valid.js';
