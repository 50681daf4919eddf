import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFolder } from '../../src/io/staged-write.js';

const dirs: string[] = [];
afterEach(() => { while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true }); });
const temp = () => { const d = mkdtempSync(join(tmpdir(), 'mentor-swap-')); dirs.push(d); return d; };
const list = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();

describe('replaceFolder', () => {
  it('writes text, bytes and chunk lists; a re-run replaces the folder, drops stale files and links unchanged ones', () => {
    const parent = temp();
    const out = join(parent, 'schedule');
    replaceFolder(out, new Map<string, string | Uint8Array | Uint8Array[]>([
      ['all.ics', 'A'], ['pairs/a.ics', [Buffer.from('B1'), Buffer.from('é')]], ['old.csv', Buffer.from('x')],
    ]));
    expect(list(out)).toEqual(['all.ics', 'old.csv', 'pairs', 'pairs/a.ics']);
    expect(readFileSync(join(out, 'pairs/a.ics'), 'utf8')).toBe('B1é');
    const inode = statSync(join(out, 'all.ics')).ino;
    replaceFolder(out, new Map([['all.ics', 'A'], ['pairs/a.ics', 'B2']]), ['all.ics', 'pairs/a.ics', 'old.csv']);
    expect(list(out)).toEqual(['all.ics', 'pairs', 'pairs/a.ics']);
    expect(readFileSync(join(out, 'pairs/a.ics'), 'utf8')).toBe('B2');
    expect(statSync(join(out, 'all.ics')).ino).toBe(inode);
    expect(readdirSync(parent)).toEqual(['schedule']);
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
    expect(() => replaceFolder(out, new Map([['../evil.ics', 'x']]))).toThrow(/refusing to write outside/);
    expect(existsSync(out)).toBe(false);
  });
});
