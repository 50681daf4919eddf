/** Neutralising spreadsheet text against formula injection (OWASP CSV injection guidance). */

const DANGEROUS_START = /^[=+\-@\t\r]/;

/**
 * Returns text that a spreadsheet will show but never evaluate: a value starting with
 * = + - @ tab or CR gets a leading apostrophe. Plain numbers such as "-5" stay numbers.
 */
export function neutraliseCell(text: string): string {
  if (!DANGEROUS_START.test(text)) return text;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return `'${text}`;
}
