/**
 * Five exports written in each form tool's real shape (fixtures/surveys/), merged through the
 * built CLI; every reported mean, share and count is checked against the fixture's expected-values
 * file, which was computed by hand.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURES, removeDir, runCli, tempDir } from '../helpers/cli.js';
import type { SurveyResponse, SurveyState } from '../../src/core/surveys/state.js';

const DIR = join(FIXTURES, 'surveys');
const read = <T>(f: string): T => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as T;

interface ExpectedItem {
  side: string;
  question: string;
  row?: string;
  kind: string;
  scale?: string;
  answers: number;
  mean?: number;
  favourable?: number;
  distribution?: number[];
  options?: Record<string, number>;
  texts?: Array<[string, string]>;
}
interface ExpectedFile {
  file: string;
  wave: string;
  columns: Record<string, string>;
  responses: number;
  empty: number;
  items: ExpectedItem[];
  satisfaction?: Record<string, number>;
  meetingsHeld?: Record<string, number>;
  wouldContinue?: Record<string, boolean>;
  submittedAt?: Record<string, string>;
}
interface Item {
  wave: string;
  side: string;
  question: string;
  row?: string;
  kind: string;
  scale?: string;
  answers: number;
  mean: number | null;
  favourable: number | null;
  distribution?: Array<{ value: number; count: number }>;
  options?: Array<{ option: string; count: number }>;
  texts?: Array<{ name: string; text: string }>;
}
interface MergeJson {
  files: Array<{
    responses: number;
    empty: number;
    columns: Array<{ header: string; kind: string; field?: string }>;
  }>;
}

const FILES = [
  'google-forms-kickoff',
  'ms-forms-midpoint-en',
  'ms-forms-midpoint-de',
  'surveymonkey-final',
  'typeform-final',
];
const expected = FILES.map((f) => read<ExpectedFile>(`${f}.expected.json`));
const waves = read<{
  now: string;
  waves: Record<string, Record<string, unknown>>;
  atRisk: Record<string, string[]>;
  notAtRisk: string[];
  statusBeforeMidpoint: { now: string; openedWaves: string[] };
}>('expected-waves.json');

let cwd: string;
const merges: MergeJson[] = [];
let report: {
  waves: Array<Record<string, unknown>>;
  surveyItems: Item[];
  atRiskPairs: Array<{ pair: string; reasons: Array<{ text: string }> }>;
};

beforeAll(async () => {
  cwd = tempDir();
  const init = runCli(
    [
      'init',
      '.',
      '--start',
      '2027-01-11',
      '--end',
      '2027-06-25',
      '--timezone',
      'Europe/London',
      '--name',
      'Fixtures',
    ],
    { cwd },
  );
  expect(init.code).toBe(0);
  const { openProgram, writeState } = await import('../../src/io/store/program.js');
  const program = await openProgram(cwd);
  const people = read<{ participants: unknown[]; matches: unknown[] }>('program.json');
  await writeState(program, 'participants', people.participants);
  await writeState(program, 'matches', { matches: people.matches, runs: [], history: [] });
  for (const e of expected) {
    const r = runCli(['survey', 'merge', join(DIR, e.file), '--wave', e.wave, '--json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    merges.push(JSON.parse(r.stdout) as MergeJson);
  }
  const r = runCli(['report', '--format', 'json', '--now', waves.now], { cwd });
  expect(r.code, r.stderr).toBe(0);
  report = JSON.parse(r.stdout) as typeof report;
}, 120_000);
afterAll(() => removeDir(cwd));

describe.each(expected.map((e, i) => [e.file, e, i] as const))('%s', (_file, e, i) => {
  it('classifies every column as expected and counts empty responses apart', () => {
    const f = merges[i].files[0];
    const got = Object.fromEntries(
      f.columns.map((c) => [c.header, c.kind === 'measure' ? `measure:${c.field}` : c.kind]),
    );
    expect(got).toEqual(e.columns);
    expect([f.responses, f.empty]).toEqual([e.responses, e.empty]);
  });
  it('stores measures on their documented scale and local times as UTC', async () => {
    const { openProgram, readState } = await import('../../src/io/store/program.js');
    const state = await readState<SurveyState>(await openProgram(cwd), 'surveys', {
      headerSets: [],
      responses: [],
    });
    const latest = new Map<string, SurveyResponse>();
    for (const r of state.responses.filter((x) => x.source.file.endsWith(e.file)))
      if (!latest.has(r.email) || (r.submittedAt ?? '') > (latest.get(r.email)!.submittedAt ?? ''))
        latest.set(r.email, r);
    for (const key of ['satisfaction', 'meetingsHeld', 'wouldContinue'] as const)
      for (const [email, v] of Object.entries(e[key] ?? {}))
        expect([email, key, latest.get(email)?.measures[key]]).toEqual([email, key, v]);
    for (const [email, at] of Object.entries(e.submittedAt ?? {}))
      expect([email, latest.get(email)?.submittedAt]).toEqual([email, at]);
  });
  it('reports every item with the expected answers, mean, favourable share and counts', () => {
    for (const x of e.items) {
      const got = report.surveyItems.find(
        (g) =>
          g.wave === e.wave &&
          g.side === x.side &&
          g.question === x.question &&
          (g.row ?? null) === (x.row ?? null),
      );
      expect(got, `${x.question} ${x.row ?? ''}`).toBeDefined();
      const seen: Record<string, unknown> = { kind: got!.kind, answers: got!.answers };
      const want: Record<string, unknown> = { kind: x.kind, answers: x.answers };
      if (x.scale !== undefined) {
        Object.assign(seen, { scale: got!.scale, mean: got!.mean, favourable: got!.favourable });
        Object.assign(want, { scale: x.scale, mean: x.mean, favourable: x.favourable });
        seen.distribution = got!.distribution?.map((d) => d.count);
        want.distribution = x.distribution;
      }
      if (x.options) {
        seen.options = Object.fromEntries(got!.options!.map((o) => [o.option, o.count]));
        want.options = x.options;
      }
      if (x.texts) {
        seen.texts = got!.texts!.map((t) => [t.name, t.text]);
        want.texts = x.texts;
      }
      expect(seen).toEqual(want);
    }
  });
});

describe('the merge summary', () => {
  it("gives each rating column's answers and mean in the file", () => {
    const de = merges[FILES.indexOf('ms-forms-midpoint-de')].files[0] as MergeJson['files'][0] & {
      figures: Array<{ answers: number; mean?: number }>;
    };
    const i = de.columns.findIndex((c) => c.kind === 'rating');
    expect(de.figures[i]).toEqual({ answers: 3, mean: 3.67 });
  });
});

describe('the merged program', () => {
  it('wave figures: active participants only, leavers apart, unpaired counted, late and empty not', () => {
    for (const [name, want] of Object.entries(waves.waves)) {
      const w = report.waves.find((x) => x.wave === name)!;
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, w[k]]))).toEqual(want);
    }
  });
  it('at-risk pairs: low satisfaction, concerns (a superseded one with its date); German "no concern" answers do not flag', () => {
    for (const [pair, reasons] of Object.entries(waves.atRisk)) {
      const p = report.atRiskPairs.find((x) => x.pair === pair);
      for (const r of reasons) expect(p?.reasons.map((x) => x.text)).toContain(r);
    }
    for (const pair of waves.notAtRisk)
      expect(
        report.atRiskPairs
          .find((x) => x.pair === pair)
          ?.reasons.filter((r) => /concern/.test(r.text)) ?? [],
      ).toEqual([]);
  });
  it('before the midpoint opens, status reports and compares only the kickoff wave', () => {
    const r = runCli(['status', '--json', '--now', waves.statusBeforeMidpoint.now], { cwd });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as typeof report & {
      kpis: Array<{ id: string; value: number | null; met: boolean | null }>;
    };
    expect([...new Set(doc.surveyItems.map((i) => i.wave))]).toEqual(
      waves.statusBeforeMidpoint.openedWaves,
    );
    for (const id of [
      'responseRate.final',
      'satisfaction.final.mentee',
      'satisfaction.midpoint.mentor',
    ])
      expect(doc.kpis.find((k) => k.id === id)).toMatchObject({ value: null, met: null });
  });
  it('status and Markdown show the custom questions; the workbook has a Survey questions sheet', async () => {
    const status = runCli(['status', '--now', waves.now], { cwd });
    expect(status.stdout).toContain('Survey questions: final');
    expect(status.stdout).toContain('Availability (How would you rate');
    const md = runCli(['report', '--format', 'md', '--now', waves.now], { cwd });
    expect(md.stdout).toContain('## Survey questions');
    expect(md.stdout).toContain(
      '| final | mentees | How would you rate your mentor on the following? [Listening] | matrix (quality 1-5) | 4 | 2.75 | 50% |',
    );
    expect(md.stdout).toContain('- Olga Ortiz: Shorter sessions');
    const out = join(cwd, 'r.xlsx');
    expect(runCli(['report', '--out', out, '--now', waves.now], { cwd }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Survey questions')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const advice = rows.find((r) => r[3] === 'Advice');
    expect(advice?.slice(0, 9)).toEqual([
      'final',
      'mentees',
      'How would you rate your mentor on the following?',
      'Advice',
      'matrix',
      'quality 1-5',
      4,
      3.25,
      0.5,
    ]);
  });
});
