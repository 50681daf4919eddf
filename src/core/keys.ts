/**
 * The one normalisation people and values are compared by: NFC (so that "é" typed two ways is one
 * letter), trimmed, lower-cased. Emails, names, attribute values and pair keys all use it.
 */

/** Printable ASCII without capitals or spaces: already normalised (most emails). */
const PLAIN = /^[!-@[-~]*$/;

/** Lower-case, trimmed, NFC text for comparisons. */
export const norm = (s: string | undefined): string =>
  // perf: bench/survey-report.mjs (the report keys ~100,000 emails; most need no work)
  s === undefined ? '' : PLAIN.test(s) ? s : s.normalize('NFC').trim().toLowerCase();

/** The key an email is linked by (the same rule as `norm`, named for the call sites). */
export const emailKey = (email: string | undefined): string => norm(email);

/** Order-independent key of two emails (a repeat is the same two people either way round). */
export const pairKey = (a: string, b: string): string => {
  const x = norm(a),
    y = norm(b);
  return x < y ? `${x}\n${y}` : `${y}\n${x}`;
};
