/**
 * Questions for the matching commands (inquirer), asked only when the caller says the session is
 * interactive.
 */

import inquirer from 'inquirer';

/** Asks why a pair ends (for `unmatch` without --reason); an empty answer is asked again. */
export async function askEndReason(mentee: string, mentor: string): Promise<string> {
  const { reason } = await inquirer.prompt<{ reason: string }>([
    {
      type: 'input',
      name: 'reason',
      message: `Why does the pair ${mentee} – ${mentor} end?`,
      validate: (v: string) =>
        v.trim() ? true : 'Type a short reason (it is kept in the history)',
    },
  ]);
  return reason.trim();
}
