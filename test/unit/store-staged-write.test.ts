import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStaged } from '../../src/io/store/staged-write.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mentor-staged-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'intro'));
  writeFileSync(join(dir, 'intro', 'old.eml'), 'old');
  writeFileSync(join(dir, 'intro', 'a.eml'), 'before');
  return dir;
}

describe('writeStaged', () => {
  it('writes the files a generator yields, one at a time, and removes stale ones', () => {
    const dir = folder();
    let made = 0;
    function* files(): Generator<[string, string]> {
      for (const name of ['a', 'b', 'c']) {
        made++;
        yield [`intro/${name}.eml`, `mail ${name}`];
      }
    }
    writeStaged(dir, files(), ['intro/old.eml', 'intro/b.eml']);
    expect(made).toBe(3);
    expect(readdirSync(join(dir, 'intro')).sort()).toEqual(['a.eml', 'b.eml', 'c.eml']);
    expect(readFileSync(join(dir, 'intro', 'a.eml'), 'utf8')).toBe('mail a');
    expect(readdirSync(dir)).toEqual(['intro']); // no staging folder left
  });

  it('changes nothing when the generator fails midway', () => {
    const dir = folder();
    function* files(): Generator<[string, string]> {
      yield ['intro/a.eml', 'new'];
      throw new Error('refusing to replace your file');
    }
    expect(() => writeStaged(dir, files(), ['intro/old.eml'])).toThrow(/refusing/);
    expect(readFileSync(join(dir, 'intro', 'a.eml'), 'utf8')).toBe('before');
    expect(readdirSync(join(dir, 'intro')).sort()).toEqual(['a.eml', 'old.eml']);
    expect(readdirSync(dir)).toEqual(['intro']);
  });

  it('writes a path given twice once, with its last content, and refuses paths outside', () => {
    const dir = folder();
    writeStaged(dir, [
      ['intro/a.eml', 'first'],
      ['intro/a.eml', 'second'],
    ]);
    expect(readFileSync(join(dir, 'intro', 'a.eml'), 'utf8')).toBe('second');
    expect(() => writeStaged(dir, [['../escape.eml', 'x']])).toThrow(/outside/);
    expect(readdirSync(join(dir, '..'))).not.toContain('escape.eml');
  });
});
