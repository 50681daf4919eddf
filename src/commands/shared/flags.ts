/** Flag values checked once, with a one-line usage error naming the flag. */

import { UsageError } from '../../errors.js';
import type { Role } from '../../core/types.js';

/** Validates a --role/--status filter value against its allowed words (case-insensitive). */
export function checkChoice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const word = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(word))
    throw new UsageError(
      `${flag} "${value}" is not one of ${allowed.join(', ')}`,
      `Use ${flag} ${allowed[0]}`,
    );
  return word as T;
}

/** Parses a whole-number option, or throws a UsageError naming the flag. */
export function intOption(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} "${value}" must be a whole number from ${min} to ${max}`);
  return n;
}

/** Parses --role (mentor, mentee or both, any case). */
export function roleOption(value: string | undefined): Role | undefined {
  if (value === undefined) return undefined;
  const role = value.toLowerCase();
  if (role === 'mentor' || role === 'mentee' || role === 'both') return role;
  throw new UsageError(
    `--role "${value}" is not a role`,
    'Use --role mentor, --role mentee or --role both',
  );
}
