/**
 * JSON as text: where each value sits (so that one value can be replaced while the rest of the
 * file keeps its layout and key order), and where a syntax error is, in words a person can act on.
 */

/** A JSON value's span in the text and, for an object or array, its children. */
export interface JsonNode {
  start: number;
  end: number;
  kind: 'object' | 'array' | 'scalar';
  members: { key: string; start: number; node: JsonNode }[];
  items: JsonNode[];
}

/** The outcome of scanning: the tree, or the offset of the first error and what was expected. */
export type JsonScan = { ok: true; root: JsonNode } | { ok: false; offset: number; what: string };

class ScanError extends Error {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {
    super(what);
  }
}

const MAX_DEPTH = 500;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WORD = /true|false|null/y;

/** Scans `text` as strict JSON (RFC 8259); never throws. */
export function scanJson(text: string): JsonScan {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) i += m[0].length;
    return m?.[0];
  };
  const fail = (what: string): never => {
    throw new ScanError(
      i,
      i >= text.length ? 'the file ends too early (a } or ] is missing)' : what,
    );
  };
  const string = (): string => {
    const raw = match(STRING);
    if (raw === undefined) {
      if (text[i] === "'") fail('text must be in double quotes ("), not single quotes');
      if (text[i] === '"')
        fail('this text is not closed, or holds a line break or a bad \\ escape');
      fail('expected a key in double quotes');
    }
    return JSON.parse(raw!) as string;
  };
  const value = (depth: number): JsonNode => {
    ws();
    if (depth > MAX_DEPTH) fail('the values are nested too deeply');
    const start = i;
    const node: JsonNode = { start, end: start, kind: 'scalar', members: [], items: [] };
    const c = text[i];
    if (c === '{' || c === '[') {
      node.kind = c === '{' ? 'object' : 'array';
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) i++;
      else
        for (;;) {
          ws();
          if (text[i] === close) fail(`a comma before ${close} is not allowed in JSON: remove it`);
          if (text[i] === ',') fail('two commas in a row: remove one');
          if (node.kind === 'object') {
            const keyStart = i;
            const key = string();
            ws();
            if (text[i] !== ':') fail(`expected : after the key "${key}"`);
            i++;
            node.members.push({ key, start: keyStart, node: value(depth + 1) });
          } else node.items.push(value(depth + 1));
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === close) {
            i++;
            break;
          } else fail(`expected , or ${close} here (is a comma missing before this?)`);
        }
    } else if (c === '"') string();
    else if (match(NUMBER) === undefined && match(WORD) === undefined) {
      if (c === "'") fail('text must be in double quotes ("), not single quotes');
      fail('expected a value: "text", a number, true, false, null, {...} or [...]');
    }
    node.end = i;
    return node;
  };
  try {
    const root = value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the settings (one { } only)');
    return { ok: true, root };
  } catch (err) {
    if (err instanceof ScanError) return { ok: false, offset: err.offset, what: err.what };
    throw err;
  }
}

/** A place in a text as a person finds it in an editor, with a few characters around it. */
export function textPlace(
  text: string,
  offset: number,
): { line: number; column: number; near: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const clip = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?');
  const from = Math.max(0, offset - 30);
  const head = `${from > 0 ? '\u2026' : ''}${clip(text.slice(from, offset)).trimStart()}`;
  const tail = clip(text.slice(offset, offset + 20)).trimEnd();
  const near = `${head}\u2192${tail}${offset + 20 < text.length ? '\u2026' : ''}`;
  return { line, column, near };
}

/** The indentation one level of `text` uses (its first indented line), two spaces by default. */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** `value` as JSON laid out like the file: `unit` per level, continuing at `indent`. */
function render(value: unknown, indent: string, unit: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
}

/**
 * `text` with the value at `path` replaced by `value` (or added to its object when absent),
 * leaving every other byte as it was. The path must lead through existing objects and arrays.
 */
export function setJsonText(
  text: string,
  root: JsonNode,
  path: readonly (string | number)[],
  value: unknown,
): string {
  const unit = indentUnit(text);
  let node = root;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    const next =
      node.kind === 'array'
        ? node.items[seg as number]
        : // JSON.parse keeps the last of duplicate keys, so the last one is the one to change.
          node.members.filter((m) => m.key === seg).pop()?.node;
    if (next) {
      node = next;
      continue;
    }
    // Absent: add `"seg": {...rest}` as the object's last member, indented like its siblings.
    let nested: unknown = value;
    for (const key of path.slice(k + 1).reverse()) nested = { [key]: nested };
    const last = node.members[node.members.length - 1];
    const outer = lineIndent(text, node.start);
    const inner = last ? lineIndent(text, last.start) : outer + unit;
    const member = `${JSON.stringify(seg)}: ${render(nested, inner, unit)}`;
    if (last)
      return `${text.slice(0, last.node.end)},\n${inner}${member}${text.slice(last.node.end)}`;
    return `${text.slice(0, node.start)}{\n${inner}${member}\n${outer}}${text.slice(node.end)}`;
  }
  return (
    text.slice(0, node.start) +
    render(value, lineIndent(text, node.start), unit) +
    text.slice(node.end)
  );
}
