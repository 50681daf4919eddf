/** Stable identifiers: calendar UIDs and content hashes derived from names, never random. */

import { createHash } from 'node:crypto';

/** A hex digest of the parts (joined with NUL so "a"+"bc" differs from "ab"+"c"). */
export function stableHash(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex');
}

/** A calendar UID that stays the same across runs for the same program, kind and id. */
export function stableUid(program: string, kind: string, id: string): string {
  return `${stableHash(program, kind, id).slice(0, 32)}@mentor-cli`;
}
