import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fastScore, readPairScoresCsv } from '../../src/io/formats/pair-scores/read.js';
import { PairScoreArrays, pairArraysToCsr } from '../../src/core/matching/pair-arrays.js';
import { InputError } from '../../src/errors.js';
import { P } from '../helpers/matching-gen.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pair-scores-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
/** Rows as [mentee, mentor, score, line] for easy comparison. */
const rowsOf = (a: PairScoreArrays) =>
  Array.from({ length: a.count }, (_, k) => [
    a.keys[0][a.mentee[k]],
    a.keys[1][a.mentor[k]],
    a.score[k],
    a.lineOf(k),
  ]);
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as InputError;
  }
  throw new Error('no error');
};

describe('readPairScoresCsv', () => {
  it.each([1, 3, 7, 64, 1 << 20])(
    'reads plain, quoted and multi-line rows with file lines (chunks of %i bytes)',
    async (chunkSize) => {
      const f = write(
        `mixed-${chunkSize}.csv`,
        '\uFEFFMentee email,Mentor email,Score,Note\r\n' +
          'A@x.org,m1@x.org,72.5,\r\n' +
          '\r\n' +
          '"b@x.org","m1@x.org","7,5","has, a comma"\r\n' +
          'c@x.org,m2@x.org,80%,"two\nlines"\r\n' +
          'a@x.org,m2@x.org,3\r\n' +
          'b@x.org,"m""2@x.org",1',
      );
      const a = await readPairScoresCsv(f, { label: 'p.csv', chunkSize });
      expect(rowsOf(a)).toEqual([
        ['a@x.org', 'm1@x.org', 72.5, 2],
        ['b@x.org', 'm1@x.org', 7.5, 4],
        ['c@x.org', 'm2@x.org', 80, 5],
        ['a@x.org', 'm2@x.org', 3, 7],
        ['b@x.org', 'm"2@x.org', 1, 8],
      ]);
      expect(a.keys).toEqual([
        ['a@x.org', 'b@x.org', 'c@x.org'],
        ['m1@x.org', 'm2@x.org', 'm"2@x.org'],
      ]);
    },
  );

  it('finds the header under a title row, with semicolons and loose names in any order', async () => {
    const f = write('semi.csv', 'Pair ratings 2027\nRating;Protégé;Coach\n9;a@x.org;m@x.org\n');
    expect(rowsOf(await readPairScoresCsv(f, { label: 'semi.csv' }))).toEqual([
      ['a@x.org', 'm@x.org', 9, 3],
    ]);
  });

  it.each([
    [
      'unknown email',
      'mentee,mentor,score\na@x.org,m@x.org,1\nzed@x.org,m@x.org,2\n',
      '"zed@x.org" is not a known participant email',
      3,
      'mentee',
    ],
    [
      'non-numeric score',
      'mentee,mentor,score\na@x.org,m@x.org,high\n',
      '"high" is not a number',
      2,
      'score',
    ],
    [
      'negative score',
      'mentee,mentor,score\na@x.org,m@x.org,-2\n',
      'score -2 is negative',
      2,
      'score',
    ],
    ['empty mentor', 'mentee,mentor,score\na@x.org,,2\n', 'is empty', 2, 'mentor'],
  ])('%s: one InputError naming file, row and column', async (_, text, message, row, column) => {
    const e = await errorOf(
      readPairScoresCsv(write('bad.csv', text), {
        label: 'bad.csv',
        known: new Set(['a@x.org', 'm@x.org']),
      }),
    );
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(message);
    expect(e.location).toMatchObject({ file: 'bad.csv', row, column });
  });

  it('a file without a score column says which column is missing', async () => {
    const e = await errorOf(
      readPairScoresCsv(write('noscore.csv', 'mentee,mentor\na@x.org,m@x.org\n'), {
        label: 'noscore.csv',
      }),
    );
    expect(e.message).toBe('no score column');
  });
});

describe('fastScore', () => {
  it('equals Number() bit for bit on decimals and is NaN for anything else', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (m, d) => {
          const s = d
            ? `${Math.floor(m / 10 ** d)}.${String(m % 10 ** d).padStart(d, '0')}`
            : String(m);
          expect(Object.is(fastScore(s), Number(s))).toBe(true);
        },
      ),
    );
    expect([
      fastScore('1e3'),
      fastScore(''),
      fastScore('7.5.1'),
      fastScore('80%'),
      fastScore('.'),
    ]).toEqual([NaN, NaN, NaN, NaN, NaN]);
  });
});

describe('pairArraysToCsr', () => {
  const mentees = [P('a@x.org'), P('b@x.org')];
  const mentors = [
    P('m0@x.org', { role: 'mentor' }),
    P('m1@x.org', { role: 'mentor' }),
    P('m2@x.org', { role: 'mentor' }),
  ];
  it('sorts each row by mentor, keeps the later of repeated rows and skips people not on that side', () => {
    const a = PairScoreArrays.fromRows(
      [
        { mentee: 'b@x.org', mentor: 'm2@x.org', score: 1, row: 2 },
        { mentee: 'A@x.org', mentor: 'm1@x.org', score: 2, row: 3 },
        { mentee: 'a@x.org', mentor: 'm0@x.org', score: 3, row: 4 },
        { mentee: 'b@x.org', mentor: 'm2@x.org', score: 4, row: 5 },
        { mentee: 'm0@x.org', mentor: 'a@x.org', score: 5, row: 6 },
        { mentee: 'b@x.org', mentor: 'm0@x.org', score: 6, row: 7 },
      ],
      'p.csv',
    );
    const { csr, duplicates, firstDuplicate } = pairArraysToCsr(a, mentees, mentors);
    expect(Array.from(csr.offsets)).toEqual([0, 2, 4]);
    expect(Array.from(csr.targets)).toEqual([0, 1, 0, 2]);
    expect(Array.from(csr.scores)).toEqual([3, 2, 6, 4]);
    expect(duplicates).toBe(1);
    expect(firstDuplicate).toEqual({
      mentee: 'b@x.org',
      mentor: 'm2@x.org',
      earlierLine: 2,
      line: 5,
    });
  });
});
