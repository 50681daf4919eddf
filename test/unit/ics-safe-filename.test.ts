import { describe, expect, it } from 'vitest';
import { FileNamer, safeStem } from '../../src/io/safe-filename.js';

describe('file names from people', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['a:b*?', 'a-b'],
    ['José Ñúñez', 'Jose-Nunez'],
    ['Zoë Ångström', 'Zoe-Angstrom'],
    ['trailing dot. ', 'trailing-dot'],
    ['<>:"/\\|?*\u0001x', 'x'],
  ])('%j -> %j', (input, expected) => {
    expect(safeStem(input)).toBe(expected);
  });

  it('names with nothing ASCII (emoji, CJK) get a stable short hash', () => {
    expect(safeStem('🎉🎉')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(safeStem('🎉🎉')).toBe(safeStem('🎉🎉'));
    expect(safeStem('山田太郎')).not.toBe(safeStem('🎉🎉'));
  });

  it('caps the length and keeps names unique case-insensitively with -2, -3 suffixes', () => {
    expect(safeStem('a'.repeat(500)).length).toBe(60);
    const namer = new FileNamer();
    expect([namer.name('Ana Ruiz', '.ics'), namer.name('ana ruiz', '.ics'), namer.name('Ana/Ruiz', '.ics')]).toEqual(['Ana-Ruiz.ics', 'ana-ruiz-2.ics', 'Ana-Ruiz-3.ics']);
  });
});
