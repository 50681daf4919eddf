/** What `intro` tells a person: how many emails, where, and how to send them. */

import type { Output } from './output.js';

/** The count and folder on stdout, the sending advice on stderr. */
export function renderIntroResult(
  out: Output,
  written: {
    emails: number;
    where: string;
    dryRun: boolean;
    retired?: string[];
    changed?: string[];
  },
): void {
  out.result(
    `${written.dryRun ? 'Would write' : 'Wrote'} ${written.emails} introduction emails ` +
      `and an announcement to ${written.where}/`,
  );
  const { retired = [], changed = [] } = written;
  if (retired.length)
    out.result(
      `${written.dryRun ? 'Would move' : 'Moved'} ${retired.length} draft(s) of pairs no longer ` +
        `current to ${written.where}/old/: ${retired.join(', ')}`,
    );
  if (changed.length)
    out.result(
      `${changed.length} draft(s) changed since \`send intro\` sent them (it sends the new ` +
        `version): ${changed.map((p) => p.replace(/^intro\//, '')).join(', ')}`,
    );
  out.info(
    'Open each .eml in your mail program (it opens as a draft), check it and send it. ' +
      "The attached invitation adds the meetings to the reader's calendar.",
  );
}
