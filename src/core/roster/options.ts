/**
 * Checkbox answers whose options contain a comma ("Research, design & UX"): form tools join the
 * chosen options with ", ", so such an option is learned from the file before cells are split.
 */

import { splitMulti } from './normalise.js';

const JOIN = ', ';

/**
 * The options with a comma in one column: a whole cell (someone chose only that option) none of
 * whose parts is ever an answer on its own, that recurs (in another row, alone or among others).
 */
export function learnOptions(cells: Iterable<string>): string[] {
  const whole = new Map<string, number>();
  let seen = 0;
  for (const raw of cells) {
    const c = raw.trim();
    if (!c) continue;
    seen++;
    whole.set(c, (whole.get(c) ?? 0) + 1);
  }
  if (seen === 0) return [];
  const options: string[] = [];
  for (const [text] of whole) {
    if (!text.includes(JOIN) || text.length > 200) continue;
    const parts = text.split(JOIN);
    if (parts.some((p) => whole.has(p.trim()))) continue;
    let uses = 0;
    for (const [other, n] of whole) if (other.includes(text)) uses += n;
    if (uses >= 2) options.push(text);
  }
  // Longest first, so that an option inside a longer one does not cut it.
  return options.sort((a, b) => b.length - a.length);
}

/** Splits a list cell as splitMulti does, keeping each of `options` whole. */
export function splitWithOptions(text: string, options: readonly string[]): string[] {
  if (!options.length || !text.includes(JOIN)) return splitMulti(text);
  const kept: string[] = [];
  let rest = text;
  for (const o of options) {
    let at = rest.indexOf(o);
    while (at !== -1) {
      const before = rest.slice(0, at).trimEnd();
      const after = rest.slice(at + o.length).trimStart();
      // Only a whole option: at the start or after a separator, and at the end or before one.
      const edge =
        (before === '' || /[,;\n]$/.test(before)) && (after === '' || /^[,;\n]/.test(after));
      if (edge) {
        const mark = `\u0000${kept.length}\u0000`;
        kept.push(o);
        rest = `${rest.slice(0, at)}${mark}${rest.slice(at + o.length)}`;
      }
      at = rest.indexOf(o, at + 1);
    }
  }
  if (!kept.length) return splitMulti(text);
  const out: string[] = [];
  for (const part of rest.split(/[,;\n]/)) {
    const item = part.trim();
    if (!item) continue;
    const mark = /^\u0000(\d+)\u0000$/.exec(item);
    const value = mark ? kept[Number(mark[1])] : item;
    if (!out.some((x) => x.toLowerCase() === value.toLowerCase())) out.push(value);
  }
  return out;
}
