/** What `intro` tells a person: how many emails, where, and how to send them. */

import type { Output } from './output.js';

/** The count and folder on stdout, the sending advice on stderr. */
export function renderIntroResult(
  out: Output,
  written: { emails: number; where: string; dryRun: boolean },
): void {
  out.result(
    `${written.dryRun ? 'Would write' : 'Wrote'} ${written.emails} introduction emails ` +
      `and an announcement to ${written.where}/`,
  );
  out.info(
    'Open each .eml in your mail program (it opens as a draft), check it and send it. ' +
      "The attached invitation adds the meetings to the reader's calendar.",
  );
}
