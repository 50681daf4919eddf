/**
 * Interactive questions (inquirer), only ever asked when stdin and stdout are TTYs and --yes is
 * absent.
 */

import inquirer from 'inquirer';
import type { InitAnswers, InitField, InitOption } from '../core/init-answers.js';

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

/**
 * Asks each init question that no flag answered, offering the default (Enter keeps it) and
 * re-asking until the answer is valid; returns every answer.
 */
export async function askInitAnswers(
  fields: readonly InitField[],
  given: InitAnswers,
  defaultsFor: (answers: InitAnswers) => Record<InitOption, string>,
  problem: (field: InitField, raw: string, before: InitAnswers) => string | undefined,
): Promise<InitAnswers> {
  const answers: InitAnswers = { ...given };
  for (const field of fields) {
    if (given[field.option] !== undefined) continue;
    const def = defaultsFor(answers)[field.option];
    const { value } = await inquirer.prompt<{ value: string }>([
      field.choices
        ? {
            type: 'select',
            name: 'value',
            message: field.question,
            choices: field.choices.map((c) => ({ name: c, value: c })),
            default: def,
          }
        : {
            type: 'input',
            name: 'value',
            message: field.question,
            default: def,
            validate: (v: string) => problem(field, v, answers) ?? true,
          },
    ]);
    answers[field.option] = value;
  }
  return answers;
}
