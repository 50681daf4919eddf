/**
 * Preference and avoid answers as people type them: emails, "Name (email)", "Name <email>", or a
 * name that is resolved to a roster person once every file (and the stored roster) is known.
 */

import type { Location } from '../../errors.js';
import type { Participant, Problem } from '../types.js';
import { attentionItem, type AttentionItem } from './attention.js';
import { normaliseEmail, splitMulti, type Issue } from './normalise.js';
import { foldText } from './text.js';

/** A person named in a preference or avoid answer without an email, to resolve later. */
export interface NameRef {
  /** Who gave the answer. */
  email: string;
  field: 'preferences' | 'avoid';
  /** The name as typed. */
  text: string;
  location: Location;
}

// "No preference", "none", "N/A", "-": an answer that names nobody.
const NOBODY =
  /^(?:n\/?a|none|no|nope|nobody|no ?one|not really|not sure|tbd|any|anyone|anybody|no idea|-+|–|—|\?+|no(?: particular| specific)? preferences?(?: at all)?|nothing)[.!]*$/i;
const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/;
const HAS_LETTER = /\p{L}/u;

/** What one preference or avoid cell says: emails, names to resolve, and values that are neither. */
export interface ReferenceCell {
  emails: string[];
  names: string[];
  invalid: Issue[];
}

/** Reads a preference/avoid cell; `field` words the messages. */
export function readReferenceCell(text: string, field: 'preferences' | 'avoid'): ReferenceCell {
  const out: ReferenceCell = { emails: [], names: [], invalid: [] };
  if (!text || NOBODY.test(text.trim())) return out;
  for (const item of splitMulti(text)) {
    if (NOBODY.test(item)) continue;
    const found = EMAIL_IN_TEXT.exec(item);
    const e = normaliseEmail(found ? found[0] : item);
    if (e.value) {
      if (!out.emails.includes(e.value)) out.emails.push(e.value);
    } else if (!item.includes('@') && HAS_LETTER.test(item) && item.length <= 100) {
      if (!out.names.includes(item)) out.names.push(item);
    } else
      out.invalid.push({
        code: `${field === 'avoid' ? 'avoid' : 'preference'}-invalid`,
        message: `${field} "${item.slice(0, 60)}" is not an email address or a name; ignored`,
        hint: 'List people by email or full name, separated by commas',
      });
  }
  return out;
}

/** The key a name is compared under: case, accents and punctuation ignored. */
const nameKey = (name: string): string => foldText(name);

/**
 * Resolves every name to the one roster person of that name (case- and accent-insensitive), adding
 * their email to the answerer's list in `incoming`. A name that fits nobody or several people
 * becomes an attention item (printed as a warning). `roster` holds everyone, stored and incoming.
 */
export function resolveNameRefs(
  incoming: Participant[],
  refs: readonly NameRef[],
  roster: Iterable<{ email: string; name: string }>,
): AttentionItem[] {
  const attention: AttentionItem[] = [];
  if (!refs.length) return attention;
  const byName = new Map<string, Set<string>>();
  for (const p of roster) {
    const key = nameKey(p.name);
    if (!key) continue;
    let set = byName.get(key);
    if (!set) byName.set(key, (set = new Set()));
    set.add(p.email);
  }
  const people = new Map(incoming.map((p) => [p.email, p]));
  for (const ref of refs) {
    const p = people.get(ref.email);
    if (!p) continue;
    const found = [...(byName.get(nameKey(ref.text)) ?? [])].filter((e) => e !== p.email).sort();
    if (found.length === 1) {
      if (!p[ref.field].includes(found[0])) p[ref.field] = [...p[ref.field], found[0]];
      continue;
    }
    const what = ref.field === 'avoid' ? 'avoid' : 'preference';
    const issue: Problem =
      found.length === 0
        ? {
            severity: 'warning',
            code: `${what}-name-unknown`,
            message: `${what} "${ref.text}" names nobody in the program`,
            hint: 'Write their email, or import that person and this file again',
            location: ref.location,
          }
        : {
            severity: 'warning',
            code: `${what}-name-ambiguous`,
            message: `${what} "${ref.text}" fits ${found.length} people: ${found.join(', ')}`,
            hint: 'Write the email of the one meant',
            location: ref.location,
          };
    attention.push(
      attentionItem(p.email, p.name, { field: ref.field, text: ref.text, problem: issue }),
    );
  }
  return attention;
}
