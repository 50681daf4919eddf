/** Plain-text tables for the terminal: aligned columns, width-aware for accents and CJK. */

const ANSI = /\u001b\[[0-9;]*m/g;

/** Display width of a string in a terminal (combining marks 0, wide East Asian characters 2). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '').normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 32 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Narrowest a column is cut to when a row must fit the terminal. */
const MIN_COLUMN = 8;

/**
 * The widths of columns whose natural `widths` must fit `total` terminal columns (two spaces
 * between): the widest column gives way first, down to MIN_COLUMN, then the next widest.
 */
function fitWidths(widths: number[], total: number): number[] {
  const out = [...widths];
  let excess = out.reduce((a, b) => a + b, 0) + 2 * (out.length - 1) - total;
  const widestFirst = out.map((_, i) => i).sort((a, b) => out[b] - out[a] || b - a);
  for (const i of widestFirst) {
    if (excess <= 0) break;
    const cut = Math.min(excess, Math.max(0, out[i] - MIN_COLUMN));
    out[i] -= cut;
    excess -= cut;
  }
  return out;
}

/**
 * Renders rows under headers. With `width` (the terminal's columns) each row fits it, the widest
 * column truncated first; without, `maxWidth` caps any single column. Newlines become spaces.
 */
export function renderTable(
  headers: string[],
  rows: string[][],
  opts: { maxWidth?: number; width?: number; header?: (s: string) => string } = {},
): string {
  const max = opts.width ? Infinity : (opts.maxWidth ?? 40);
  const clean = (s: string) => truncate(String(s ?? '').replace(/[\r\n\t]+/g, ' '), max);
  let body = rows.map((r) => r.map(clean));
  let head = headers.map(clean);
  let widths = head.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i] ?? ''))),
  );
  if (opts.width) {
    widths = fitWidths(widths, opts.width);
    const cut = (r: string[]) => r.map((c, i) => truncate(c ?? '', widths[i]));
    body = body.map(cut);
    head = cut(head);
  }
  const pad = (s: string, i: number) => s + ' '.repeat(Math.max(0, widths[i] - displayWidth(s)));
  const style = opts.header ?? ((s: string) => s);
  const lines = [
    style(head.map(pad).join('  ').trimEnd()),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  for (const r of body)
    lines.push(
      r
        .map((c, i) => pad(c ?? '', i))
        .join('  ')
        .trimEnd(),
    );
  return lines.join('\n');
}
