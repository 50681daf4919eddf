import { describe, it, expect } from 'vitest';
import { shouldColor, Output } from '../../src/ui/output.js';
import { renderTable, displayWidth } from '../../src/ui/table.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('colour decision', () => {
  it.each([
    ['a terminal', tty, {}, undefined, true],
    ['a pipe', pipe, {}, undefined, false],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, undefined, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, undefined, false],
    ['--no-color', tty, {}, false, false],
    ['FORCE_COLOR into a pipe', pipe, { FORCE_COLOR: '1' }, undefined, true],
    ['NO_COLOR beats FORCE_COLOR', pipe, { NO_COLOR: '1', FORCE_COLOR: '1' }, undefined, false],
    ['FORCE_COLOR=0', tty, { FORCE_COLOR: '0' }, undefined, true],
  ] as const)('%s', (_name, stream, env, flag, expected) => {
    expect(shouldColor(stream, env as NodeJS.ProcessEnv, flag)).toBe(expected);
  });

  it('never colours JSON output, even when forced', () => {
    const writes: string[] = [];
    const stream = {
      isTTY: true,
      write: (s: string) => writes.push(s),
    } as unknown as NodeJS.WriteStream;
    const out = new Output({ json: true }, stream, stream, { FORCE_COLOR: '1' });
    out.resultJson({ a: out.color.red('x') });
    expect(writes.join('')).not.toMatch(/\u001b\[/);
  });
});

describe('tables', () => {
  it('aligns columns by display width (accents, CJK) and flattens newlines', () => {
    expect(displayWidth('Zoë')).toBe(3);
    expect(displayWidth('山田太郎')).toBe(8);
    const t = renderTable(
      ['Name', 'Zone'],
      [
        ['山田太郎', 'Asia/Tokyo'],
        ['Zoë\nÅngström', 'Europe/Stockholm'],
      ],
    ).split('\n');
    expect(t[2]).toBe('山田太郎      Asia/Tokyo');
    expect(t[3]).toBe('Zoë Ångström  Europe/Stockholm');
  });
});
