/**
 * Interactive questions (inquirer), only ever asked when stdin and stdout are TTYs and --yes is
 * absent.
 */

import inquirer from 'inquirer';

/** Asks the user to pick which column holds `field`; returns the header, or undefined to skip. */
export async function askColumnFor(
  field: string,
  file: string,
  headers: string[],
): Promise<string | undefined> {
  const SKIP = '\u0000skip';
  const { column } = await inquirer.prompt<{ column: string }>([
    {
      type: 'select',
      name: 'column',
      message: `${file}: which column holds "${field}"?`,
      choices: [
        ...headers.map((h) => ({ name: h, value: h })),
        { name: '(none of these: reject the rows)', value: SKIP },
      ],
      pageSize: 15,
    },
  ]);
  return column === SKIP ? undefined : column;
}

/** Asks for a secret (typed without echo); used for the SMTP password, which is never stored. */
export async function askSecret(message: string): Promise<string> {
  const { secret } = await inquirer.prompt<{ secret: string }>([
    { type: 'password', name: 'secret', message, mask: '*' },
  ]);
  return secret;
}
