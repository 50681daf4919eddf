/**
 * The JSON layout of big state documents, written and read in pieces so that a 100,000-participant
 * roster never exists as one 60 MB string (JSON.stringify/JSON.parse of the whole envelope made big
 * imports slow and pushed memory past 600 MB).
 *
 * A `data` array longer than CHUNK_ITEMS is written as
 *   {"version":1,"updatedAt":"...","data":[\n
 *   <elements 1-2000, comma-separated>,\n
 *   <elements 2001-4000>\n
 *   ]}
 * which is still plain JSON: any JSON reader (and older mentor-cli versions) can read it. JSON text
 * never holds a raw newline inside a string, so the lines can be parsed one at a time.
 */

import { readSync } from 'node:fs';

/** Array elements per line. */
const CHUNK_ITEMS = 2_000;

// perf: state written one list item per line, in chunks, never one giant JSON string (bench:
//   import.mjs)
/** The JSON text of `env` in pieces; an array `data` one line of CHUNK_ITEMS elements at a time. */
export function* stateJsonChunks(env: {
  version: number;
  updatedAt: string;
  data: unknown;
}): Generator<string> {
  const data = env.data;
  if (!Array.isArray(data) || data.length <= CHUNK_ITEMS) {
    yield JSON.stringify(env);
    return;
  }
  const head = JSON.stringify({ version: env.version, updatedAt: env.updatedAt });
  yield `${head.slice(0, -1)},"data":[\n`;
  for (let i = 0; i < data.length; i += CHUNK_ITEMS) {
    // One stringify per slice is much faster than one per element; the brackets are dropped.
    const slice = JSON.stringify(data.slice(i, i + CHUNK_ITEMS));
    yield `${slice.slice(1, -1)}${i + CHUNK_ITEMS < data.length ? ',' : ''}\n`;
  }
  yield ']}';
}

const NL = 0x0a;
const COMMA = 0x2c;
const HEAD = /^\{"version":1,"updatedAt":"[^"\\]*","data":\[$/;

/**
 * Parses a state file's bytes and returns the envelope. Files in the line layout above are parsed a
 * line at a time; anything else (small documents, hand-edited files) with one JSON.parse.
 * Throws SyntaxError for text that is not JSON.
 */
export function parseStateJson(buf: Buffer): {
  version?: number;
  updatedAt?: string;
  data?: unknown;
} {
  const data: unknown[] = [];
  return (
    parseLines(buf, (item) => void data.push(item), data) ??
    (JSON.parse(buf.toString('utf8')) as ReturnType<typeof parseStateJson>)
  );
}

/**
 * Calls `each` for every element of the document's `data` array, parsing a line at a time so that
 * elements the caller drops are collected young. Throws SyntaxError for text that is not JSON and
 * TypeError when `data` is not an array.
 */
export function eachStateItem(buf: Buffer, each: (item: unknown) => void): void {
  if (parseLines(buf, each, undefined)) return;
  const env = JSON.parse(buf.toString('utf8')) as { data?: unknown };
  if (!Array.isArray(env.data)) throw new TypeError('state data is not a list');
  for (const item of env.data) each(item);
}

/**
 * The line layout's elements to `each`; undefined (before any call) when the bytes are not in that
 * layout.
 */
function parseLines(
  buf: Buffer,
  each: (item: unknown) => void,
  data: unknown[] | undefined,
): { version?: number; updatedAt?: string; data?: unknown } | undefined {
  const first = buf.indexOf(NL);
  const tail =
    buf.length >= 3 &&
    buf[buf.length - 3] === NL &&
    buf[buf.length - 2] === 0x5d &&
    buf[buf.length - 1] === 0x7d; // "\n]}"
  if (first === -1 || !tail) return undefined;
  const head = buf.toString('utf8', 0, first);
  if (!HEAD.test(head)) return undefined;
  const end = buf.length - 3;
  // Check the commas first, so that a file not in the layout is handed back before any element is.
  for (let start = first + 1; start <= end;) {
    const nl = buf.indexOf(NL, start);
    const stop = nl === -1 || nl > end ? end : nl;
    // Every line but the last ends with the comma that separates it from the next one.
    if ((buf[stop - 1] === COMMA) === (stop === end)) return undefined;
    start = stop + 1;
  }
  for (let start = first + 1; start <= end;) {
    const nl = buf.indexOf(NL, start);
    const stop = nl === -1 || nl > end ? end : nl;
    const items = JSON.parse(
      `[${buf.toString('utf8', start, stop === end ? stop : stop - 1)}]`,
    ) as unknown[];
    for (const item of items) each(item);
    start = stop + 1;
  }
  const env = JSON.parse(`${head.slice(0, -9)}}`) as { version: number; updatedAt: string };
  return { version: env.version, updatedAt: env.updatedAt, data };
}

/** Bytes read at a time by eachStateItemInFile (a line longer than this grows the buffer). */
const READ_BYTES = 4 << 20;

// perf: a big state file is parsed a few MB at a time, item by item (bench: import.mjs)
/**
 * eachStateItem on an open file, read a few MB at a time, so that a big roster's bytes are never
 * all in memory next to its parsed elements. False (before any call to `each`) when the file is not
 * in the line layout: the caller then reads it whole.
 */
export function eachStateItemInFile(
  fd: number,
  size: number,
  each: (item: unknown) => void,
  readBytes = READ_BYTES,
): boolean {
  // The head line is short (HEAD); a longer one is not the layout.
  const start = Buffer.alloc(Math.min(size, 256));
  const headLen = readSync(fd, start, 0, start.length, 0);
  const first = start.subarray(0, headLen).indexOf(NL);
  if (first === -1 || size < first + 4 || !HEAD.test(start.toString('utf8', 0, first)))
    return false;
  let buf = Buffer.alloc(Math.min(readBytes, Math.max(size, 1)));
  const tail = Buffer.alloc(3);
  readSync(fd, tail, 0, 3, size - 3);
  if (tail[0] !== NL || tail[1] !== 0x5d || tail[2] !== 0x7d) return false;
  const end = size - 3;
  // First pass: the comma before every line break (as parseLines checks), without keeping the
  // bytes.
  let prev = -1;
  for (let pos = first + 1; pos <= end;) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end + 1 - pos), pos);
    if (n <= 0) return false;
    for (let i = buf.indexOf(NL); i !== -1 && i < n; i = buf.indexOf(NL, i + 1)) {
      const before = i > 0 ? buf[i - 1] : prev;
      if ((before === COMMA) === (pos + i === end)) return false;
    }
    prev = buf[n - 1];
    pos += n;
  }
  // Second pass: parse line by line; a partial line at the end of the buffer moves to its start.
  let filled = 0;
  for (let pos = first + 1; pos < end || filled > 0;) {
    if (pos < end) {
      if (filled === buf.length) buf = Buffer.concat([buf, Buffer.alloc(buf.length)]);
      const n = readSync(fd, buf, filled, Math.min(buf.length - filled, end - pos), pos);
      if (n <= 0) throw new SyntaxError('state file changed while it was read');
      filled += n;
      pos += n;
    }
    let start = 0;
    for (let nl = buf.indexOf(NL); nl !== -1 && nl < filled; nl = buf.indexOf(NL, start)) {
      for (const item of JSON.parse(`[${buf.toString('utf8', start, nl - 1)}]`) as unknown[])
        each(item);
      start = nl + 1;
    }
    if (pos >= end) {
      // The last line has no comma and no line break of its own.
      if (filled > start)
        for (const item of JSON.parse(`[${buf.toString('utf8', start, filled)}]`) as unknown[])
          each(item);
      break;
    }
    buf.copy(buf, 0, start, filled);
    filled -= start;
  }
  return true;
}
