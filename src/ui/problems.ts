/** Grouped rendering of problems: a count per rule with a few sample rows, never a wall of text. */

import { formatLocation } from '../errors.js';
import type { Problem } from '../core/types.js';
import type { Output } from './output.js';

/** One line for one problem: where, what, how to fix. */
export function problemLine(p: Problem): string {
  const where = p.location ? formatLocation(p.location) : '';
  const text = where ? `${where}: ${p.message}` : p.message;
  return p.hint ? `${text}. ${p.hint}` : text;
}

/**
 * Groups problems by code and prints each group with up to `samples` lines (all with --verbose).
 */
export function printProblems(out: Output, problems: Problem[], samples = 3): void {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = `${p.severity}:${p.code}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const showAll = out.isVerbose;
  for (const [, group] of groups) {
    const limit = showAll ? group.length : samples;
    for (const p of group.slice(0, limit)) {
      if (p.severity === 'error') out.error(problemLine(p));
      else out.warn(problemLine(p));
    }
    if (group.length > limit)
      out.info(
        `  ... and ${group.length - limit} more like this (${group[0].code}); ` +
          'see --verbose or --json',
      );
  }
}
