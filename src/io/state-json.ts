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

/** Array elements per line. */
const CHUNK_ITEMS = 2_000;

/** The JSON text of `env` in pieces; an array `data` one line of CHUNK_ITEMS elements at a time. */
export function* stateJsonChunks(env: { version: number; updatedAt: string; data: unknown }): Generator<string> {
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
export function parseStateJson(buf: Buffer): { version?: number; updatedAt?: string; data?: unknown } {
  const data: unknown[] = [];
  return parseLines(buf, (item) => void data.push(item), data) ?? JSON.parse(buf.toString('utf8'));
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

/** The line layout's elements to `each`; undefined (before any call) when the bytes are not in that layout. */
function parseLines(buf: Buffer, each: (item: unknown) => void, data: unknown[] | undefined): { version?: number; updatedAt?: string; data?: unknown } | undefined {
  const first = buf.indexOf(NL);
  const tail = buf.length >= 3 && buf[buf.length - 3] === NL && buf[buf.length - 2] === 0x5d && buf[buf.length - 1] === 0x7d; // "\n]}"
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
    const items = JSON.parse(`[${buf.toString('utf8', start, stop === end ? stop : stop - 1)}]`) as unknown[];
    for (const item of items) each(item);
    start = stop + 1;
  }
  const env = JSON.parse(`${head.slice(0, -9)}}`) as { version: number; updatedAt: string };
  return { version: env.version, updatedAt: env.updatedAt, data };
}
