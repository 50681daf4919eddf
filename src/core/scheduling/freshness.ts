/** Whether the schedule on disk is one a command may build on (intros attach its invitations). */

import { UsageError } from '../../errors.js';
import type { Reconciled } from './reconcile.js';

/**
 * Throws unless `schedule` has run and nothing changed since: the invitation an intro attaches must
 * be the one `schedule` wrote (same UID, SEQUENCE, DTSTAMP), or calendars see two versions.
 */
export function assertScheduleCurrent(hasRun: boolean, counts: Reconciled['counts']): void {
  if (!hasRun)
    throw new UsageError(
      "No schedule yet: the introductions attach each pair's invitation",
      'Run `mentor-cli schedule` first',
    );
  const { added, changed, cancelled } = counts;
  if (added + changed + cancelled > 0)
    throw new UsageError(
      `The schedule is out of date (${added} new, ${changed} changed, ${cancelled} cancelled ` +
        'event(s) since `mentor-cli schedule` ran)',
      'Run `mentor-cli schedule` first, then `mentor-cli intro`',
    );
}
