import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  readOnScale,
  rescale,
  scaleFromAnswers,
  scaleFromWording,
} from '../../src/core/surveys/scale-detect.js';
import { isRealConcern, readCount, readYesNo } from '../../src/core/surveys/scales.js';
import { classifyColumns } from '../../src/core/surveys/classify.js';
import { parseSurveyMapFlags } from '../../src/core/surveys/measures.js';
import { parseResponseDate } from '../../src/core/surveys/dates.js';
import {
  BUILT_IN_VOCABULARY,
  compileVocabulary,
  mergeVocabularyFiles,
} from '../../src/core/surveys/vocabulary.js';
import { UsageError } from '../../src/errors.js';

const range = (s: { id: string; min: number; max: number } | undefined) =>
  s && `${s.id} ${s.min}-${s.max}`;

describe('scale from wording', () => {
  it.each([
    ['On a scale of 1-10, how satisfied are you?', 'numeric 1-10'],
    ['How likely are you to recommend us? (0-10)', 'numeric 0-10'],
    ['Rate the sessions from 1 to 7', 'numeric 1-7'],
    ['Rate the sessions, 1 = poor, 7 = excellent', 'numeric 1-7'],
    ['Wie zufrieden sind Sie (1 bis 10)?', 'numeric 1-10'],
    ['Satisfaction de 1 à 5', 'numeric 1-5'],
    ['Rate 1-4', 'numeric 1-4'],
    ['How satisfied are you?', undefined],
    ['Meetings in 2027', undefined],
  ])('%s -> %s', (h, want) => expect(range(scaleFromWording(h))).toBe(want));
});

describe('scale from answers, per family and language', () => {
  it.each([
    [['Strongly agree', 'Agree', 'Neutral', 'Disagree'], 'agreement 1-5'],
    [['Stimme voll zu', 'Stimme zu', 'Stimme nicht zu'], 'agreement 1-5'],
    [["Tout à fait d'accord", "Pas d'accord", "Plutôt d'accord"], 'agreement 1-5'],
    [['Totalmente de acuerdo', 'En desacuerdo'], 'agreement 1-5'],
    [['Concordo totalmente', 'Discordo'], 'agreement 1-5'],
    [['Very satisfied', 'Satisfied', 'Dissatisfied'], 'satisfaction 1-5'],
    [['Muy satisfecho', 'Insatisfecho'], 'satisfaction 1-5'],
    [['Très satisfait', 'Satisfait'], 'satisfaction 1-5'],
    [['Sehr zufrieden', 'Unzufrieden'], 'satisfaction 1-5'],
    [['Muito satisfeito', 'Insatisfeito'], 'satisfaction 1-5'],
    [
      ['Extremely satisfied', 'Very satisfied', 'Not so satisfied', 'Not at all satisfied'],
      'satisfaction-surveymonkey 1-5',
    ],
    [['Never', 'Sometimes', 'Always'], 'frequency 1-5'],
    [['Nie', 'Manchmal', 'Immer'], 'frequency 1-5'],
    [['Poor', 'Good', 'Excellent'], 'quality 1-5'],
    [['Very likely', 'Unlikely'], 'likelihood 1-5'],
    [['Extremely likely', 'Not so likely', 'Somewhat likely'], 'likelihood-surveymonkey 1-5'],
    [['4 - Agree', '5 - Strongly agree', '2 - Disagree'], 'numeric 1-5'],
    [['1', '3', '7'], 'numeric 1-7'],
    [['2', '9', '10'], 'numeric 1-10'],
    [['0', '6', '10'], 'numeric 0-10'],
    [['★★★', '★★★★★'], 'numeric 1-5'],
    [['I liked it', 'Too long', 'ok'], undefined],
    [['15', '20'], undefined],
  ])('%j -> %s', (answers, want) => expect(range(scaleFromAnswers(answers))).toBe(want));
});

describe('reading on a scale', () => {
  const sm = scaleFromAnswers(['Extremely satisfied', 'Not so satisfied'])!;
  it.each([
    ['Extremely satisfied', 5],
    ['Very satisfied', 4],
    ['Somewhat satisfied', 3],
    ['Not so satisfied', 2],
    ['Not at all satisfied', 1],
  ])('SurveyMonkey %s = %d (not dropped, not 5 for both top labels)', (t, v) =>
    expect(readOnScale(t, sm)).toEqual({ kind: 'value', value: v }),
  );
  it('reads a number prefix on any scale and refuses values outside it', () => {
    const ten = { id: 'numeric', min: 0, max: 10 };
    expect(readOnScale('10 - Extremely likely', ten)).toEqual({ kind: 'value', value: 10 });
    expect(readOnScale('11', ten).kind).toBe('invalid');
    expect(readOnScale('', ten).kind).toBe('empty');
  });
});

describe('rescaling a known measure to its documented scale', () => {
  it('a 1-10 satisfaction becomes 1-5 as 1 + (x - 1) * 4/9', () => {
    expect(
      [1, 3, 5, 7, 10].map((x) => rescale(x, { min: 1, max: 10 }, { min: 1, max: 5 })),
    ).toEqual([1, 1.8889, 2.7778, 3.6667, 5]);
  });
  it('keeps order and endpoints (property)', () => {
    const scales = fc.constantFrom([1, 4], [1, 5], [1, 7], [1, 10], [0, 10]);
    fc.assert(
      fc.property(scales, scales, fc.nat(), fc.nat(), ([a, b], [c, d], i, j) => {
        const from = { min: a, max: b };
        const to = { min: c, max: d };
        const x = a + (i % (b - a + 1));
        const y = a + (j % (b - a + 1));
        expect(rescale(a, from, to)).toBe(c);
        expect(rescale(b, from, to)).toBe(d);
        const rx = rescale(x, from, to);
        const ry = rescale(y, from, to);
        expect(Math.sign(rx - ry)).toBe(Math.sign(x - y));
        expect(rx >= c && rx <= d).toBe(true);
      }),
    );
  });
});

describe('counting words, yes/no and concerns in five languages', () => {
  it.each([
    ['once', 1],
    ['twice', 2],
    ['never', 0],
    ['a couple of times', 2],
    ['about 4', 4],
    ['~3', 3],
    ['5+', 5],
    ['4 or 5', 4],
    ['4-5', 4],
    ['3 meetings', 3],
    ['einmal', 1],
    ['zweimal', 2],
    ['deux fois', 2],
    ['dos veces', 2],
    ['três vezes', 3],
    ['etwa 4', 4],
  ])('count %s = %d', (t, v) => expect(readCount(t)).toEqual({ kind: 'value', value: v }));
  it('"maybe" is an explicit not-counted answer; nonsense is invalid', () => {
    expect(readCount('not sure').kind).toBe('not-counted');
    expect(readCount('lots').kind).toBe('invalid');
    expect(readCount('5 or 4').kind).toBe('invalid');
  });
  it.each([
    ['Ja', true],
    ['Nein', false],
    ['Oui', true],
    ['Non', false],
    ['Sí', true],
    ['No', false],
    ['Sim', true],
    ['Não', false],
  ])('yes/no %s = %s', (t, v) => expect(readYesNo(t)).toEqual({ kind: 'value', value: v }));
  it.each(['Maybe', 'Vielleicht', 'Peut-être', 'Tal vez', 'Talvez'])('%s counts for nothing', (t) =>
    expect(readYesNo(t).kind).toBe('not-counted'),
  );
  it.each(['Nichts', 'Keine Probleme', 'Rien à signaler', 'Ninguno', 'Nenhum', 'RAS'])(
    '"%s" is no concern',
    (t) => expect(isRealConcern(t)).toBe(false),
  );
  it('real concerns in any language count', () => {
    expect(isRealConcern('Mein Mentor sagt ständig ab')).toBe(true);
  });
});

describe('classifying columns', () => {
  const table = (headers: string[], rows: string[][]) => ({
    headers,
    rows: rows.map((cells, i) => ({ cells, line: i + 2 })),
  });
  it('Microsoft Forms German: identity columns, measures, a rating item', () => {
    const cols = classifyColumns(
      table(
        [
          'ID',
          'Startzeit',
          'Fertigstellungszeit',
          'E-Mail',
          'Name',
          'Wie zufrieden sind Sie?',
          'Mein Mentor hört zu',
        ],
        [
          [
            '1',
            '2027-04-10T10:00:00',
            '2027-04-10T10:04:00',
            'a@x.org',
            'A',
            'Sehr zufrieden',
            'Stimme voll zu',
          ],
          [
            '2',
            '2027-04-10T11:00:00',
            '2027-04-10T11:04:00',
            'b@x.org',
            'B',
            'Zufrieden',
            'Stimme nicht zu',
          ],
        ],
      ),
    );
    expect(cols.map((c) => [c.kind, c.field ?? c.scale?.id ?? ''])).toEqual([
      ['identity', ''],
      ['identity', 'startedAt'],
      ['identity', 'submittedAt'],
      ['identity', 'email'],
      ['identity', 'name'],
      ['measure', 'satisfaction'],
      ['rating', 'agreement'],
    ]);
  });
  it('grid rows never claim a measure, free-text goals are not a measure, --map forces a kind', () => {
    const cols = classifyColumns(
      table(
        [
          'Email',
          'Rate your mentor [Helped me set goals]',
          'Rate your mentor [Listens]',
          'What are your goals?',
          'Q9',
        ],
        [
          ['a@x.org', 'Agree', 'Strongly agree', 'Become a better manager of people', '7'],
          ['b@x.org', 'Disagree', 'Agree', 'Learn how the sales side of the business works', '3'],
        ],
      ),
      parseSurveyMapFlags(['Q9=rating:1-10']),
    );
    expect(
      cols.map((c) => [c.kind, c.row ?? '', c.scale ? `${c.scale.min}-${c.scale.max}` : '']),
    ).toEqual([
      ['identity', '', ''],
      ['matrix', 'Helped me set goals', '1-5'],
      ['matrix', 'Listens', '1-5'],
      ['text', '', ''],
      ['rating', '', '1-10'],
    ]);
    expect(() => parseSurveyMapFlags(['Q9=rating:banana'])).toThrow(UsageError);
  });
  it('a program vocabulary adds labels in another language', () => {
    const vocab = compileVocabulary(
      mergeVocabularyFiles(BUILT_IN_VOCABULARY, {
        scales: { agreement: { labels: { nl: { 'helemaal eens': 5, oneens: 2 } } } },
        noConcern: { nl: ['niets'] },
      }),
    );
    expect(range(scaleFromAnswers(['Helemaal eens', 'Oneens'], vocab))).toBe('agreement 1-5');
    expect(isRealConcern('Niets', vocab)).toBe(false);
  });
});

describe('local export times', () => {
  it('are read in the program zone (BST in summer, GMT in winter), UTC-marked ones as UTC', () => {
    expect(parseResponseDate('06/28/2027 09:00:00 AM', 'Europe/London')).toBe(
      '2027-06-28T08:00:00Z',
    );
    expect(parseResponseDate('01/12/2027 09:00:00 AM', 'Europe/London')).toBe(
      '2027-01-12T09:00:00Z',
    );
    expect(parseResponseDate('10.04.2027 10:04', 'Europe/Berlin')).toBe('2027-04-10T08:04:00Z');
    expect(parseResponseDate('2027/06/28 9:00:00 AM GMT', 'Europe/London')).toBe(
      '2027-06-28T09:00:00Z',
    );
  });
});
