import { afterEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFolder } from '../../src/io/store/staged-write.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mentor-swap-'));
  dirs.push(d);
  return d;
};
const list = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();

describe('replaceFolder', () => {
  it('writes text, bytes and chunk lists; a re-run replaces the folder, drops stale files and links unchanged ones', () => {
    const parent = temp();
    const out = join(parent, 'schedule');
    replaceFolder(
      out,
      new Map<string, string | Uint8Array | Uint8Array[]>([
        ['all.ics', 'A'],
        ['pairs/a.ics', [Buffer.from('B1'), Buffer.from('é')]],
        ['old.csv', Buffer.from('x')],
      ]),
    );
    expect(list(out)).toEqual(['all.ics', 'old.csv', 'pairs', 'pairs/a.ics']);
    expect(readFileSync(join(out, 'pairs/a.ics'), 'utf8')).toBe('B1é');
    const inode = statSync(join(out, 'all.ics')).ino;
    replaceFolder(
      out,
      new Map([
        ['all.ics', 'A'],
        ['pairs/a.ics', 'B2'],
      ]),
      ['all.ics', 'pairs/a.ics', 'old.csv'],
    );
    expect(list(out)).toEqual(['all.ics', 'pairs', 'pairs/a.ics']);
    expect(readFileSync(join(out, 'pairs/a.ics'), 'utf8')).toBe('B2');
    expect(statSync(join(out, 'all.ics')).ino).toBe(inode);
    expect(readdirSync(parent)).toEqual(['schedule']);
  });

  it('with the stamps of the last run, links unchanged files without reading them and rewrites a file someone edited', () => {
    const out = join(temp(), 'schedule');
    const chunk = Buffer.from('EVENT');
    const stamps = replaceFolder(
      out,
      new Map<string, string | Uint8Array[]>([
        ['a.ics', [Buffer.from('H'), chunk]],
        ['b.ics', 'B'],
      ]),
    )!;
    expect(Object.keys(stamps).sort()).toEqual(['a.ics', 'b.ics']);
    expect(stamps['a.ics']).toMatch(/^[0-9a-f]{40} 6 \d/);
    const inodeA = statSync(join(out, 'a.ics')).ino;
    // Same size, different bytes, written "by hand": the stamp's mtime no longer matches, so it is
    // rewritten.
    writeFileSync(join(out, 'b.ics'), 'X');
    const utimes = statSync(join(out, 'b.ics'));
    expect(utimes.size).toBe(1);
    const next = replaceFolder(
      out,
      new Map<string, string | Uint8Array[]>([
        ['a.ics', [Buffer.from('H'), chunk]],
        ['b.ics', 'B'],
      ]),
      ['a.ics', 'b.ics'],
      { ...stamps, 'b.ics': `${stamps['b.ics'].split(' ')[0]} 1 1` },
    )!;
    expect(statSync(join(out, 'a.ics')).ino).toBe(inodeA);
    expect(next['a.ics']).toBe(stamps['a.ics']);
    expect(readFileSync(join(out, 'b.ics'), 'utf8')).toBe('B');
    // Nothing changed at all: the folder is left as it is (same inodes, no staging or backup
    // folder).
    const inodeB = statSync(join(out, 'b.ics')).ino;
    expect(
      replaceFolder(
        out,
        new Map<string, string | Uint8Array[]>([
          ['a.ics', [Buffer.from('H'), chunk]],
          ['b.ics', 'B'],
        ]),
        ['a.ics', 'b.ics'],
        next,
      ),
    ).toEqual(next);
    expect(statSync(join(out, 'b.ics')).ino).toBe(inodeB);
    expect(readdirSync(join(out, '..'))).toEqual(['schedule']);
    // A changed content hash rewrites even when size and mtime match.
    const third = replaceFolder(
      out,
      new Map<string, string | Uint8Array[]>([
        ['a.ics', [Buffer.from('H'), Buffer.from('EVENU')]],
        ['b.ics', 'B'],
      ]),
      ['a.ics', 'b.ics'],
      next,
    )!;
    expect(readFileSync(join(out, 'a.ics'), 'utf8')).toBe('HEVENU');
    expect(third['a.ics']).not.toBe(next['a.ics']);
  });

  it('keeps files it did not write: falls back to replacing file by file', () => {
    const out = join(temp(), 'schedule');
    mkdirSync(out);
    writeFileSync(join(out, 'my-notes.txt'), 'mine');
    replaceFolder(out, new Map([['all.ics', 'A']]));
    expect(list(out)).toEqual(['all.ics', 'my-notes.txt']);
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
  });

  it('restores the previous folder left aside by an interrupted swap, and clears a half-made staging folder', () => {
    const parent = temp();
    const out = join(parent, 'schedule');
    mkdirSync(join(parent, '.schedule.previous'));
    writeFileSync(join(parent, '.schedule.previous', 'all.ics'), 'OLD');
    mkdirSync(join(parent, '.schedule.staging'));
    writeFileSync(join(parent, '.schedule.staging', 'half'), '');
    replaceFolder(out, new Map([['all.ics', 'NEW']]), ['all.ics']);
    expect(readFileSync(join(out, 'all.ics'), 'utf8')).toBe('NEW');
    expect(readdirSync(parent)).toEqual(['schedule']);
    expect(existsSync(join(parent, '.schedule.previous'))).toBe(false);
  });

  it('refuses paths outside the folder before touching anything', () => {
    const out = join(temp(), 'schedule');
    expect(() => replaceFolder(out, new Map([['../evil.ics', 'x']]))).toThrow(
      /refusing to write outside/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
