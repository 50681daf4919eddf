/**
 * The slow path of the pair-scores reader: one CSV record with double-quoted fields (RFC 4180),
 * possibly over several lines.
 */

/** A record's cells, the offset just after it, and how many line breaks it used. */
export interface QuotedRecord {
  cells: string[];
  end: number;
  lines: number;
}

/**
 * Splits the record starting at `pos`. Quotes open a field only at its start; "" inside quotes is
 * one quote; a stray quote elsewhere is kept as text. Returns undefined when the text ends inside
 * the record and more may follow (`final` false).
 */
export function splitQuotedRecord(
  text: string,
  pos: number,
  delim: string,
  final: boolean,
): QuotedRecord | undefined {
  const cells: string[] = [];
  const d = delim.charCodeAt(0);
  let lines = 0;
  let k = pos;
  const n = text.length;
  for (;;) {
    let cell = '';
    if (k < n && text.charCodeAt(k) === 34) {
      k++;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) {
          if (!final) return undefined;
          cell += text.slice(k);
          k = n;
          break; // unbalanced quote at the end of the file: keep the text
        }
        cell += text.slice(k, q);
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          cell += '"';
          k = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return undefined;
        k = q + 1;
        break;
      }
      for (let x = 0; x < cell.length; x++) if (cell.charCodeAt(x) === 10) lines++;
    }
    // Unquoted part (or anything after a closing quote) up to the delimiter or the line end.
    let e = k;
    while (e < n) {
      const c = text.charCodeAt(e);
      if (c === d || c === 10) break;
      e++;
    }
    let tail = text.slice(k, e);
    if (e < n && text.charCodeAt(e) === 10 && tail.endsWith('\r')) tail = tail.slice(0, -1);
    cells.push(cell + tail);
    if (e >= n) {
      if (!final) return undefined;
      return { cells, end: n, lines };
    }
    if (text.charCodeAt(e) === 10) return { cells, end: e + 1, lines: lines + 1 };
    k = e + 1;
  }
}
