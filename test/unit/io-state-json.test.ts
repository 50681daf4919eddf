import { afterEach, describe, expect, it } from 'vitest';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eachStateItem,
  eachStateItemInFile,
  parseStateJson,
  stateJsonChunks,
} from '../../src/io/store/state-json.js';
import { readState, readStateEach, writeState, type Program } from '../../src/io/store/program.js';
import { writeFileAtomicChunks } from '../../src/io/store/atomic.js';
import { InputError } from '../../src/errors.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const fresh = (): Program => {
  const dir = mkdtempSync(join(tmpdir(), 'mentor-state-json-'));
  dirs.push(dir);
  // A program folder is one with a config: writes stop when it is gone (issue 10 item 12).
  writeFileSync(join(dir, 'mentor.config.json'), '{}');
  return { dir, stateDir: join(dir, '.mentor'), config: {} as Program['config'] };
};
const env = (data: unknown) => ({ version: 1, updatedAt: '2027-01-01T00:00:00.000Z', data });
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    email: `p${i}@x.org`,
    name: i % 2 ? 'Łukasz "Ł" Nguyễn\n' : 'Ana',
    tags: [i],
  }));
const collect = (buf: Buffer) => {
  const out: unknown[] = [];
  eachStateItem(buf, (x) => out.push(x));
  return out;
};

describe('state JSON layout', () => {
  it('writes small documents exactly as JSON.stringify does', () => {
    for (const data of [[], rows(3), { matches: rows(5000) }, 'text', null]) {
      expect([...stateJsonChunks(env(data))].join('')).toBe(JSON.stringify(env(data)));
    }
  });

  it('writes a long list one line per 2,000 elements, still one JSON value', () => {
    const text = [...stateJsonChunks(env(rows(4500)))].join('');
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('{"version":1,"updatedAt":"2027-01-01T00:00:00.000Z","data":[');
    expect(lines[1].endsWith(',')).toBe(true);
    expect(lines[3].endsWith(',')).toBe(false);
    expect(lines[4]).toBe(']}');
    expect(JSON.parse(text)).toEqual(env(rows(4500)));
  });

  it('reads the line layout and plain JSON alike', () => {
    const long = Buffer.from([...stateJsonChunks(env(rows(4001)))].join(''));
    expect(parseStateJson(long)).toEqual(env(rows(4001)));
    expect(collect(long)).toEqual(rows(4001));
    const plain = Buffer.from(JSON.stringify(env(rows(3)), null, 2));
    expect(parseStateJson(plain)).toEqual(env(rows(3)));
    expect(collect(plain)).toEqual(rows(3));
  });

  it('falls back to one JSON.parse when a file only looks like the layout', () => {
    // A hand edit joined two lines: still valid JSON, no longer one comma per line end.
    const text = [...stateJsonChunks(env(rows(4001)))].join('').replace(',\n', ',');
    expect(parseStateJson(Buffer.from(text)).data).toEqual(rows(4001));
    expect(collect(Buffer.from(text))).toEqual(rows(4001));
  });

  it('refuses damaged text', () => {
    const text = [...stateJsonChunks(env(rows(4001)))].join('');
    expect(() =>
      parseStateJson(Buffer.from(text.replace('"p2500@x.org"', '"p2500@x.org'))),
    ).toThrow(SyntaxError);
    expect(() => collect(Buffer.from(text.slice(0, -5)))).toThrow(SyntaxError);
    expect(() => collect(Buffer.from(JSON.stringify(env({ not: 'a list' }))))).toThrow(TypeError);
  });
});

describe('eachStateItemInFile (a big roster read a few MB at a time)', () => {
  const inFile = (text: string, readBytes: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'mentor-state-file-'));
    dirs.push(dir);
    const path = join(dir, 's.json');
    writeFileSync(path, text);
    const fd = openSync(path, 'r');
    try {
      const out: unknown[] = [];
      return {
        ok: eachStateItemInFile(fd, Buffer.byteLength(text), (x) => out.push(x), readBytes),
        out,
      };
    } finally {
      closeSync(fd);
    }
  };

  it('gives the elements in order whatever the read size (lines split across reads, lines longer than a read)', () => {
    const text = [...stateJsonChunks(env(rows(4501)))].join('');
    for (const readBytes of [7, 1000, 300_000, 1 << 22])
      expect(inFile(text, readBytes)).toEqual({ ok: true, out: rows(4501) });
  });

  it('hands back files not in the line layout before giving any element, and refuses damaged ones', () => {
    const text = [...stateJsonChunks(env(rows(4001)))].join('');
    expect(inFile(text.replace(',\n', ','), 1000)).toEqual({ ok: true, out: rows(4001) });
    expect(inFile(JSON.stringify(env(rows(4001)), null, 1), 1000)).toEqual({ ok: false, out: [] });
    expect(inFile(text.replace(/,\n(?=[^\n]*\n\]\}$)/, '\n'), 1000)).toEqual({
      ok: false,
      out: [],
    });
    expect(inFile(JSON.stringify(env(rows(3))), 1000)).toEqual({ ok: false, out: [] });
    expect(() => inFile(text.replace('"p2500@x.org"', '"p2500@x.org'), 1000)).toThrow(SyntaxError);
  });
});

describe('readState / writeState / readStateEach', () => {
  it('round-trips big and small documents and streams the elements of a list', async () => {
    const program = fresh();
    await writeState(program, 'participants', rows(4500), new Date('2027-01-02T00:00:00Z'));
    await writeState(program, 'mappings', { a: { b: 'c' } });
    expect(await readState(program, 'participants', [])).toEqual(rows(4500));
    expect(await readState(program, 'mappings', {})).toEqual({ a: { b: 'c' } });
    const seen: string[] = [];
    expect(
      await readStateEach<{ email: string }>(program, 'participants', (p) => seen.push(p.email)),
    ).toBe(true);
    expect(seen).toHaveLength(4500);
    expect(seen[4499]).toBe('p4499@x.org');
    expect(
      await readStateEach(program, 'matches', () => {
        throw new Error('not called');
      }),
    ).toBe(false);
    expect(
      JSON.parse(readFileSync(join(program.stateDir, 'participants.json'), 'utf8')).updatedAt,
    ).toBe('2027-01-02T00:00:00.000Z');
    expect(readdirSync(program.stateDir).sort()).toEqual(['mappings.json', 'participants.json']);
  });

  it('reports a damaged document as an InputError naming the file', async () => {
    const program = fresh();
    await writeState(program, 'participants', rows(4500));
    const path = join(program.stateDir, 'participants.json');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, -10));
    await expect(readState(program, 'participants', [])).rejects.toThrow(InputError);
    await expect(readStateEach(program, 'participants', () => undefined)).rejects.toThrow(
      /program state is damaged/,
    );
  });

  it('streams a state file of several MB, and reads a hand-written one whole', async () => {
    const program = fresh();
    const big = Array.from({ length: 9000 }, (_, i) => ({
      email: `p${i}@x.org`,
      goals: 'Ł'.repeat(300),
    }));
    await writeState(program, 'participants', big);
    const seen: unknown[] = [];
    expect(await readStateEach(program, 'participants', (p) => seen.push(p))).toBe(true);
    expect(seen).toEqual(big);
    writeFileSync(join(program.stateDir, 'participants.json'), JSON.stringify(env(big), null, 1));
    seen.length = 0;
    expect(await readStateEach(program, 'participants', (p) => seen.push(p))).toBe(true);
    expect(seen).toEqual(big);
  });

  it('writeFileAtomicChunks writes every piece in order', async () => {
    const program = fresh();
    const file = join(program.dir, 'out.txt');
    await writeFileAtomicChunks(file, ['a', Buffer.from('ß'), '', 'c'.repeat(70_000)]);
    expect(readFileSync(file, 'utf8')).toBe(`aß${'c'.repeat(70_000)}`);
    expect(readdirSync(program.dir).sort()).toEqual(['mentor.config.json', 'out.txt']);
  });
});
