/** Which intro drafts differ from the message `send intro` last delivered for the same person. */

import type { ProgramConfig } from '../../../core/config.js';
import { planSend, type Outbox } from '../../../core/outbox/plan.js';
import { senderOf } from '../../../core/outbox/placeholders.js';
import { introMails } from '../intros/emails.js';
import type { PreparedSchedule } from '../schedule/calendars.js';
import { outgoing } from './compose.js';

/** Draft paths (intro/...) whose intro was sent and has changed since; sorted. */
export function draftsChangedSinceSent(
  prep: PreparedSchedule,
  config: ProgramConfig,
  outbox: Outbox,
): string[] {
  const sender = senderOf(config);
  const drafts = introMails(prep, config);
  const plan = planSend(
    outbox,
    drafts.map((d) => outgoing(d, sender).candidate),
  );
  return plan.items
    .map((item, i) => (item.decision === 'changed' ? drafts[i].path : ''))
    .filter(Boolean)
    .sort();
}
