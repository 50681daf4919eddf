import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mapSurveyHeaders, parseSurveyMapFlags } from '../../src/core/surveys/measures.js';
import { SURVEY_TEMPLATES } from '../../src/core/surveys/templates.js';
import { readSurveyFile } from '../../src/io/ingest/survey-read.js';
import { answersOf } from '../../src/core/surveys/state.js';
import { defaultConfig } from '../../src/core/config.js';
import { InputError, UsageError } from '../../src/errors.js';

const fields = (headers: string[]) =>
  Object.fromEntries([...mapSurveyHeaders(headers).columns].map(([f, i]) => [f, headers[i]]));

describe('mapSurveyHeaders', () => {
  it('maps Microsoft Forms columns', () => {
    expect(
      fields([
        'ID',
        'Start time',
        'Completion time',
        'Email',
        'Name',
        'How satisfied are you overall?',
        'Would you join again?',
      ]),
    ).toEqual({
      startedAt: 'Start time',
      submittedAt: 'Completion time',
      email: 'Email',
      name: 'Name',
      satisfaction: 'How satisfied are you overall?',
      wouldContinue: 'Would you join again?',
    });
  });
  it('maps Typeform columns and leaves # and Network ID unmapped', () => {
    const h = [
      '#',
      "What's your email?",
      'How likely are you to recommend us to a friend?',
      'Start Date (UTC)',
      'Submit Date (UTC)',
      'Network ID',
    ];
    expect(fields(h)).toEqual({
      email: "What's your email?",
      recommend: 'How likely are you to recommend us to a friend?',
      startedAt: 'Start Date (UTC)',
      submittedAt: 'Submit Date (UTC)',
    });
    expect(mapSurveyHeaders(h).unmapped).toEqual(['#', 'Network ID']);
  });
  it('maps Google Forms and SurveyMonkey merged headers', () => {
    expect(
      fields([
        'Timestamp',
        'Email Address',
        'How many meetings have you had so far?',
        'Any concerns? - Open-Ended Response',
      ]),
    ).toEqual({
      submittedAt: 'Timestamp',
      email: 'Email Address',
      meetingsHeld: 'How many meetings have you had so far?',
      concerns: 'Any concerns? - Open-Ended Response',
    });
  });
  it('does not take the manager email as the respondent email', () => {
    expect(fields(['Manager email', 'Satisfaction']).email).toBeUndefined();
  });
  it('--map flags win over patterns, and reject unknown fields', () => {
    const flags = parseSurveyMapFlags(['Work mail=email', 'Q7=Satisfaction']);
    expect(
      Object.fromEntries([
        ...mapSurveyHeaders(['Work mail', 'Q7', 'How satisfied?'], flags).columns,
      ]),
    ).toEqual({ email: 0, satisfaction: 1 });
    expect(() => parseSurveyMapFlags(['Q7=happiness'])).toThrow(UsageError);
    expect(() => parseSurveyMapFlags(['no-equals'])).toThrow(UsageError);
  });
  it('maps every recommended template question to its documented field', () => {
    for (const [wave, qs] of Object.entries(SURVEY_TEMPLATES)) {
      const m = mapSurveyHeaders(qs.map((q) => q.question));
      for (const [i, q] of qs.entries()) {
        const got = [...m.columns].find(([, c]) => c === i)?.[0] ?? null;
        expect(`${wave}: ${q.question} -> ${got}`).toBe(`${wave}: ${q.question} -> ${q.field}`);
      }
    }
  });
});

describe('reading the trap fixtures', () => {
  const dir = join(__dirname, '../../fixtures/surveys-traps');
  const config = defaultConfig();
  const base = { flags: new Map(), waves: config.surveys.waves, fallbackWave: 'kickoff' };
  it('google-forms.csv: wave from Timestamp, measures read', async () => {
    const r = await readSurveyFile(join(dir, 'google-forms.csv'), base);
    expect(
      r.responses.map((x) => [x.wave, x.email, x.measures.satisfaction, x.measures.recommend]),
    ).toEqual([
      ['midpoint', 'alice@example.com', 5, 10],
      ['midpoint', 'bob@example.com', 4, 9],
      ['midpoint', 'carol@example.com', 2, 5],
      ['midpoint', 'dave@example.com', 5, 7],
    ]);
    expect(r.responses[2].measures.concerns).toBe('We keep cancelling, my mentor is too busy');
    expect(r.responses[0].measures.goalProgress).toBe(4);
    expect(answersOf({ headerSets: [r.table.headers] }, r.responses[0])['Your name']).toBe(
      'Alice Able',
    );
    expect(r.problems).toEqual([]);
  });
  it('surveymonkey-two-row.csv: final wave from End Date, yes/no read', async () => {
    const r = await readSurveyFile(join(dir, 'surveymonkey-two-row.csv'), base);
    expect(
      r.responses.map((x) => [x.wave, x.email, x.measures.satisfaction, x.measures.wouldContinue]),
    ).toEqual([
      ['final', 'alice@example.com', 5, true],
      ['final', 'bob@example.com', 4, true],
      ['final', 'carol@example.com', 2, false],
    ]);
    expect(r.responses[2].measures.concerns).toBe('Would like a different mentor');
  });
  it('typeform.csv: stars, kickoff wave from Submit Date', async () => {
    const r = await readSurveyFile(join(dir, 'typeform.csv'), base);
    expect(
      r.responses.map((x) => [x.wave, x.email, x.measures.satisfaction, x.submittedAt]),
    ).toEqual([
      ['kickoff', 'alice@example.com', 4, '2027-01-12T09:03:10Z'],
      ['kickoff', 'bob@example.com', 5, '2027-01-13T10:02:00Z'],
      ['kickoff', 'alice@example.com', 3, '2027-01-14T09:01:00Z'],
    ]);
  });
  it('ms-forms.xlsx: real date cells, "4 - Satisfied", anonymous kept', async () => {
    const r = await readSurveyFile(join(dir, 'ms-forms.xlsx'), base);
    expect(
      r.responses.map((x) => [
        x.wave,
        x.email,
        x.measures.satisfaction,
        x.measures.meetingsHeld,
        x.measures.wouldContinue,
      ]),
    ).toEqual([
      ['midpoint', 'alice@example.com', 4, 5, true],
      ['midpoint', 'dave@example.com', 2, 2, false],
      ['midpoint', 'anonymous', 5, 3, true],
    ]);
  });
  it('out-of-scale.csv: one warning per cell with row and column, value kept as text', async () => {
    const r = await readSurveyFile(join(dir, 'out-of-scale.csv'), base);
    expect(r.problems.map((p) => [p.code, p.location?.row, p.location?.column])).toEqual([
      ['survey-out-of-scale', 2, 'How satisfied are you with your mentoring relationship?'],
      [
        'survey-out-of-scale',
        2,
        'How likely are you to recommend the mentoring program to a colleague?',
      ],
      [
        'survey-out-of-scale',
        2,
        'How many meetings have you had with your mentoring partner so far?',
      ],
      ['survey-out-of-scale', 3, 'How satisfied are you with your mentoring relationship?'],
    ]);
    expect(r.responses[0].measures).toEqual({});
    expect(r.responses[0].invalid).toEqual(['satisfaction', 'recommend', 'meetingsHeld']);
    expect(
      answersOf({ headerSets: [r.table.headers] }, r.responses[0])[
        'How satisfied are you with your mentoring relationship?'
      ],
    ).toBe('7');
    expect(r.responses[1].measures).toEqual({ recommend: 9, meetingsHeld: 3 });
  });
  it('no-email.csv: InputError naming the file and the headers, hinting --map', async () => {
    const err = await readSurveyFile(join(dir, 'no-email.csv'), base).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.toLine()).toContain(
      'no-email.csv: has no email column (headers found: "Timestamp", "Work mail", "How satisfied are you with your mentoring relationship?")',
    );
    expect(err.toLine()).toContain('--map "Header=email"');
  });
});
