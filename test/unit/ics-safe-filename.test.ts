import { describe, expect, it } from 'vitest';
import { FileNamer, peopleStem, personStem, safeStem } from '../../src/io/outputs/file-names.js';

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
    expect([
      namer.name('Ana Ruiz', '.ics'),
      namer.name('ana ruiz', '.ics'),
      namer.name('Ana/Ruiz', '.ics'),
    ]).toEqual(['Ana-Ruiz.ics', 'ana-ruiz-2.ics', 'Ana-Ruiz-3.ics']);
  });
});

describe('file names that hold several people', () => {
  it('a name with nothing Latin uses the email local part, so the file still says whom it is for', () => {
    expect(personStem({ name: 'ليلى حداد', email: 'layla.haddad@northwind.example' })).toBe(
      'layla.haddad',
    );
    expect(personStem({ name: '田中 由紀', email: 'yuki+mentor@x.org' })).toBe('yuki-mentor');
    expect(personStem({ name: '🎉', email: '🎉@x.org' })).toMatch(/^x-[0-9a-f]{8}$/);
    expect(personStem({ name: 'CON', email: 'c@x.org' })).toBe('_CON');
  });

  it('caps each person at 28 characters so long names never push the reader out of the name', () => {
    const long = { name: 'Fatima-Zahra Benali El Idrissi Ouazzani', email: 'f@x.org' };
    expect(personStem(long)).toBe('Fatima-Zahra-Benali-El-Idris');
    const namer = new FileNamer();
    const name = namer.parts(
      [
        peopleStem([long, { name: 'ليلى حداد', email: 'layla.haddad@x.org' }]),
        'to',
        personStem({ name: 'ليلى حداد', email: 'layla.haddad@x.org' }),
      ],
      '.eml',
    );
    expect(name).toBe('Fatima-Zahra-Benali-El-Idris-layla.haddad-to-layla.haddad.eml');
    expect(namer.parts(['Fatima-Zahra-Benali-El-Idris-layla.haddad-to-layla.haddad'], '.eml')).toBe(
      'Fatima-Zahra-Benali-El-Idris-layla.haddad-to-layla.haddad-2.eml',
    );
  });

  it('a big group names the mentor, two mentees and how many more', () => {
    const p = (n: string) => ({ name: n, email: `${n}@x.org` });
    expect(peopleStem([p('Ann'), p('Bo'), p('Cy'), p('Di'), p('Ed')])).toBe('Ann-Bo-Cy-and-2-more');
    expect(peopleStem([p('Ann'), p('Bo'), p('Cy')])).toBe('Ann-Bo-Cy');
  });

  it('no part can carry a path or a reserved character', () => {
    const stem = peopleStem([
      { name: '../../etc', email: 'a@x.org' },
      { name: 'a\\b:c*?"<>|', email: 'b@x.org' },
    ]);
    expect(stem).toBe('etc-a-b-c');
    expect(stem).not.toMatch(/[\\/:*?"<>|]/);
  });
});
