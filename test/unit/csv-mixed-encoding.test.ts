import { describe, it, expect } from 'vitest';
import { decodeText } from '../../src/io/formats/csv/decode.js';
import { startMerge } from '../../src/core/roster/merge.js';
import type { Participant } from '../../src/core/types.js';

// Issue 10, item 4: rows alternating UTF-8 and Windows-1252 were all read as Windows-1252.
describe('mixed-encoding CSV', () => {
  const lines = [
    ['Email,Name', 'utf8'],
    ['a@x.org,François Dubois', 'utf8'],
    ['b@x.org,Zoë Ångström', 'latin1'],
    ['c@x.org,José Núñez', 'utf8'],
    ['d@x.org,Renée Müller', 'latin1'],
  ] as const;
  const bytes = Buffer.concat(
    lines.map(([l, enc]) => Buffer.from(`${l}\r\n`, enc === 'utf8' ? 'utf8' : 'latin1')),
  );

  it('decodes each line in its own encoding, with a note', () => {
    const d = decodeText(bytes, 'mixed.csv');
    expect(d.text).toBe(lines.map(([l]) => `${l}\r\n`).join(''));
    expect(d.notes.join(' ')).toMatch(
      /mixed encodings: 2 line\(s\) in UTF-8 and 2 in Windows-1252/,
    );
  });

  it('a plain Windows-1252 file is still read as Windows-1252', () => {
    const d = decodeText(Buffer.from('Email,Name\r\nb@x.org,Zoë Ångström\r\n', 'latin1'), 'w.csv');
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('Zoë Ångström');
  });

  it('an update that replaces a name with its own mojibake is kept with a warning', () => {
    const person = (name: string): Participant =>
      ({ email: 'a@x.org', name, role: 'mentor' }) as Participant;
    const merge = startMerge([person('FranÃ§ois Dubois')]);
    merge.take(person('François Dubois'));
    const result = merge.finish();
    expect(result.updated).toEqual(['a@x.org']);
    expect(result.problems.map((p) => p.code)).toEqual(['mojibake']);
    expect(result.problems[0].message).toContain(
      '"François Dubois" of a@x.org was replaced by "FranÃ§ois Dubois"',
    );
  });
});
