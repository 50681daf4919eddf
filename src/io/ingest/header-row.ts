/**
 * Finding the header row in a grid of text (title rows, blank rows, SurveyMonkey's two header
 * rows).
 */

/** One row of a sheet or CSV file, as text, with the row number a person sees. */
export interface GridRow {
  cells: string[];
  line: number;
}

/** Where the header is and the merged header texts (not yet cleaned). */
export interface HeaderDetection {
  /** Index into the grid of the (first) header row. */
  index: number;
  /** Index into the grid of the first row after the header. */
  dataStart: number;
  headers: string[];
  notes: string[];
}

const WINDOW = 30;
/**
 * Rows detectHeader looks at after the first non-empty one (plus the row below the last candidate).
 */
export const HEADER_WINDOW = WINDOW + 1;
const NUMERIC = /^[-+]?[\d\s.,%$€£¥]+$|^\d{4}-\d{2}-\d{2}|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const SUB_LABEL = /^(open-ended response|response)$/i;

const filled = (c: string | undefined): boolean => c !== undefined && c.trim() !== '';

/**
 * Distinct non-empty values: a merged title row repeats one text across the width, so it counts
 * once.
 */
function distinctFilled(cells: string[]): number {
  const seen = new Set<string>();
  for (const c of cells) if (filled(c)) seen.add(c.trim());
  return seen.size;
}

function mostlyText(cells: string[]): boolean {
  let n = 0;
  let numeric = 0;
  for (const c of cells) {
    if (!filled(c)) continue;
    n++;
    if (NUMERIC.test(c.trim())) numeric++;
  }
  return n > 0 && numeric / n < 0.5;
}

/**
 * SurveyMonkey's second header row: "Response"/"Open-Ended Response" labels, or option labels under
 * blank question cells.
 */
function isSubHeader(head: string[], next: string[] | undefined): boolean {
  if (!next) return false;
  if (next.some((c) => SUB_LABEL.test(c.trim()))) return true;
  let started = false;
  let continued = 0;
  for (let i = 0; i < Math.max(head.length, next.length); i++) {
    if (filled(head[i])) {
      started = true;
      continue;
    }
    if (!started) continue;
    if (!filled(next[i])) return false;
    continued++;
  }
  // Option labels are words, never emails or numbers (which would mean `next` is data).
  return (
    continued > 0 && next.every((c) => !filled(c) || (!c.includes('@') && !NUMERIC.test(c.trim())))
  );
}

/**
 * Merges two header rows: question text, or "Question - Option" when the sub-label names an option.
 */
function mergeHeaderRows(head: string[], sub: string[]): string[] {
  const out: string[] = [];
  let question = '';
  for (let i = 0; i < Math.max(head.length, sub.length); i++) {
    const h = (head[i] ?? '').trim();
    const s = (sub[i] ?? '').trim();
    if (h) question = h;
    const base = h || (s ? question : '');
    if (!s || SUB_LABEL.test(s)) out.push(base);
    else out.push(base ? `${base} - ${s}` : s);
  }
  return out;
}

/**
 * Finds the header: the first row among the first 30 whose distinct non-empty cell count is at
 * least max(2, 60% of the widest row in that window) and which is mostly non-numeric text.
 * Returns undefined when the grid has no non-empty row.
 */
export function detectHeader(rows: GridRow[]): HeaderDetection | undefined {
  const firstFilled = rows.findIndex((r) => r.cells.some(filled));
  if (firstFilled === -1) return undefined;
  const window = rows.slice(0, Math.min(rows.length, firstFilled + WINDOW));
  const widest = Math.max(...window.map((r) => distinctFilled(r.cells)));
  const need = Math.max(2, Math.ceil(widest * 0.6));
  // A SurveyMonkey question row is sparse (blanks over option columns): judge it merged with its
  // sub-labels.
  const asHeader = (i: number): string[] => {
    const next = rows[i + 1]?.cells;
    return next && next.some((c) => SUB_LABEL.test(c.trim()))
      ? mergeHeaderRows(rows[i].cells, next)
      : rows[i].cells;
  };
  let index = window.findIndex(
    (r, i) => mostlyText(r.cells) && distinctFilled(asHeader(i)) >= need,
  );
  if (index === -1) index = firstFilled;
  const notes: string[] = [];
  if (rows[index].line !== 1) notes.push(`header found on row ${rows[index].line}`);
  const head = rows[index].cells;
  const next = rows[index + 1]?.cells;
  if (isSubHeader(head, next)) {
    notes.push(
      `two header rows (${rows[index].line} and ${rows[index + 1].line}) merged, as in SurveyMonkey exports`,
    );
    return { index, dataStart: index + 2, headers: mergeHeaderRows(head, next), notes };
  }
  return { index, dataStart: index + 1, headers: head.slice(), notes };
}

/**
 * Cleans header texts: BOM/NUL removed, whitespace collapsed, blanks named "Column N", duplicates
 * suffixed " (2)".
 */
export function cleanHeaders(raw: string[]): string[] {
  const taken = new Set<string>();
  return raw.map((h, i) => {
    let text = (h ?? '')
      .replace(/[\uFEFF\u0000]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) text = `Column ${i + 1}`;
    let name = text;
    // Case-insensitive: "Email" and "email" would otherwise fight over the same field mapping.
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${text} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}
