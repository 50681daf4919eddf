import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldLinesToBytes } from '../../src/io/formats/ics/fold.js';
import { foldLine } from '../../src/io/formats/ics/write.js';

const text = fc.string({
  unit: fc.constantFrom('a', ' ', 'ü', '↔', '山', '🎉', '\uD800', ',', 'Z'),
  maxLength: 300,
});

describe('folding on bytes', () => {
  it('gives exactly the bytes of the string folder, for any mix of 1- to 4-byte characters and lone surrogates', () => {
    fc.assert(
      fc.property(
        fc.array(
          text.map((t) => `DESCRIPTION:${t}`),
          { maxLength: 6 },
        ),
        (lines) => {
          expect(
            foldLinesToBytes(lines).equals(Buffer.from(lines.map(foldLine).join(''), 'utf8')),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every physical line within 75 octets and never splits a character', () => {
    const out = foldLinesToBytes([`SUMMARY:${'Zoë 山田 🎉'.repeat(40)}`, 'END:VEVENT']);
    const physical = out.toString('utf8').split('\r\n');
    expect(physical.at(-1)).toBe('');
    for (const l of physical) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(out.toString('utf8')).not.toContain('\uFFFD');
    expect(out.toString('utf8').replace(/\r\n /g, '')).toBe(
      `SUMMARY:${'Zoë 山田 🎉'.repeat(40)}\r\nEND:VEVENT\r\n`,
    );
  });

  it.each([
    ['400 emoji', '🎉'.repeat(400)],
    ['1,000 CJK characters', '山'.repeat(1000)],
    ['emoji after one ASCII byte', `x${'🎉'.repeat(400)}`],
  ])('%s in a name: the buffer holds every fold and the event ends intact', (_, name) => {
    const lines = [
      'BEGIN:VEVENT',
      `SUMMARY:Mentoring: ${name}`,
      `ATTENDEE;CN="${name}":mailto:a@x.org`,
      // The meeting plan names both people on every line of a long description.
      `DESCRIPTION:${`1. Tue 2 Mar 2027: 09:00 (${name})\\n`.repeat(20)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    ];
    const out = foldLinesToBytes(lines);
    expect(out.equals(Buffer.from(lines.map(foldLine).join(''), 'utf8'))).toBe(true);
    const text = out.toString('utf8');
    expect(text.endsWith('TRANSP:OPAQUE\r\nEND:VEVENT\r\n')).toBe(true);
    for (const l of text.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  });

  it('a raw line break inside a line cannot start a new property', () => {
    expect(foldLinesToBytes(['SUMMARY:a\r\nATTENDEE:evil', 'END:VEVENT']).toString()).toBe(
      'SUMMARY:a  ATTENDEE:evil\r\nEND:VEVENT\r\n',
    );
  });
});
