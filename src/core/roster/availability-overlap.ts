/**
 * Weekly availability overlap: one shared implementation in core/availability-overlap.ts (matching
 * uses it too).
 */

export { overlapMinutes, overlapOfIntervals, toUtcWeekIntervals } from '../availability-overlap.js';
