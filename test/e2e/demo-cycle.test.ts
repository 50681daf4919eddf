/**
 * The whole `demo` on the sample program, checked against fixtures/sample/README.md and
 * expected.json: import, match, schedule, intro, survey merge, status and report, then
 * report/status JSON and Markdown against the workbook.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { runCli, tempDir, removeDir, FIXTURES, ROOT, type CliResult } from '../helpers/cli.js';

/** The calendar checker beside the project (../shared/tools, see its README), when present. */
const CHECK_ICS = join(ROOT, '..', 'shared', 'tools', 'check-ics');
import { parseCalendar } from '../helpers/ical.js';

const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'sample', 'expected.json'), 'utf8'));
const NOW = '2027-06-30';
const SEVERITY = ['low-satisfaction', 'concern', 'few-meetings', 'no-answer'];

interface Pair {
  id: string;
  mentee: string;
  mentor: string;
  status: string;
}
interface JsonKpi {
  id: string;
  label: string;
  value: number | null;
  format: string;
  target: number | null;
  met: boolean | null;
}
interface JsonRisk {
  pair: string;
  mentee: string;
  mentor: string;
  reasons: Array<{ code: string; text: string }>;
}
interface ReportJson {
  kpis: JsonKpi[];
  waves: unknown[];
  atRiskPairs: JsonRisk[];
  atRiskByReason: Array<{ code: string; pairs: number }>;
  unknownResponses: Array<{ wave: string; email: string }>;
  breakdowns: Array<{ field: string; groups: unknown[] }>;
}

let root: string;
let dir: string;
let demo: CliResult;
let wb: ExcelJS.Workbook;

const state = (name: string) =>
  JSON.parse(readFileSync(join(dir, '.mentor', `${name}.json`), 'utf8')).data;
const cli = (args: string[]) => runCli(['--dir', dir, ...args], { cwd: root });
const json = (args: string[]): ReportJson => {
  const r = cli(args);
  expect({ code: r.code, stdoutStart: r.stdout.slice(0, 1) }).toEqual({
    code: 0,
    stdoutStart: '{',
  });
  return JSON.parse(r.stdout);
};
/** Rows of a sheet (from `first`) as arrays of cell values, 1-based columns dropped to 0-based. */
function rows(name: string, first: number): unknown[][] {
  const out: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row, n) => {
    if (n >= first) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}
const active = (): Pair[] =>
  (state('matches').matches as Pair[]).filter((m) => m.status === 'active');
const pairsOf = (email: string) =>
  active()
    .filter((m) => m.mentee === email || m.mentor === email)
    .map((m) => m.id);

beforeAll(async () => {
  root = tempDir();
  dir = join(root, 'demo');
  demo = runCli(['demo', dir], { cwd: root, timeoutMs: 180_000 });
  wb = new ExcelJS.Workbook();
  // Issue 13: the sheets that name people are in the manager's workbook.
  if (demo.code === 0) await wb.xlsx.readFile(join(dir, 'manager-report.xlsx'));
}, 300_000);
afterAll(() => removeDir(root));

describe('mentor-cli demo on the sample program', () => {
  it('rehearses the send (--dry-run, example values flagged) and writes the reminder calendar, its dates as the config gives them', () => {
    expect(demo.stdout).toContain('$ mentor-cli send intro --dry-run');
    expect(demo.stdout).toMatch(/Would send \d+ intro message\(s\)\./);
    expect(demo.stderr).toContain('program.manager.email is still the example');
    expect(demo.stdout).toContain('demo/reminders.csv');
    const config = JSON.parse(readFileSync(join(dir, 'mentor.config.json'), 'utf8')) as {
      program: { startDate: string };
      milestones: Array<{ id: string; date: string; audience: string }>;
      surveys: { waves: Array<{ name: string; opens: string }> };
    };
    const plan = Papa.parse<Record<string, string>>(
      readFileSync(join(dir, 'reminders.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    const day = (iso: string, days: number) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const datesOf = (rule: string) =>
      [...new Set(plan.filter((r) => r.Reminder === rule).map((r) => r['Due on']))].sort();
    // Surveys: 3 and 7 days after each wave opens (nobody has answered by 4 January).
    expect(datesOf('survey')).toEqual(
      config.surveys.waves.flatMap((w) => [day(w.opens, 3), day(w.opens, 7)]).sort(),
    );
    // Milestones: the day before each (all in the manager's zone, Europe/London).
    expect(datesOf('milestone')).toEqual(
      [...new Set(config.milestones.map((m) => day(m.date, -1)))].sort(),
    );
    // Training: a week before the start, to mentors recorded as not trained; due on 4 January.
    const people = state('participants') as Array<{
      email: string;
      role: string;
      status: string;
      trainingCompleted?: boolean;
    }>;
    const untrained = people.filter(
      (p) => p.status === 'active' && p.role !== 'mentee' && p.trainingCompleted === false,
    );
    const training = plan.filter((r) => r.Reminder === 'training');
    expect(training.map((r) => r.Email).sort()).toEqual(untrained.map((p) => p.email).sort());
    expect(new Set(training.map((r) => `${r['Due on']} ${r.Status}`))).toEqual(
      new Set(untrained.length ? [`${day(config.program.startDate, -7)} due`] : []),
    );
    // First meetings: one reminder per person of each scheduled pair, two days ahead.
    const first = plan.filter((r) => r.Reminder === 'first-meeting');
    expect(first.length).toBeGreaterThan(active().length);
    expect(first.every((r) => r['Due on'] >= day(config.program.startDate, -3))).toBe(true);
    // Nothing is sent yet: every reminder is due or upcoming on 4 January.
    expect(new Set(plan.map((r) => r.Status))).toEqual(new Set(['due', 'upcoming']));
  });

  it('runs the whole cycle without a stack trace and says where each output is', () => {
    expect({ code: demo.code, stderrTail: demo.code ? demo.stderr.slice(-500) : '' }).toEqual({
      code: 0,
      stderrTail: '',
    });
    expect(demo.stderr).not.toMatch(/^\s+at /m);
    // The attention list is one of the demo's steps, with the file to fix it in.
    expect(demo.stdout).toContain('$ mentor-cli participants --attention');
    for (const out of ['rejected.csv', 'attention.csv', 'matches.xlsx', 'schedule', 'intro'])
      expect(demo.stdout).toContain(`demo/${out}`);
    for (const out of ['report.xlsx', 'manager-report.xlsx'])
      expect(demo.stdout).toContain(`demo/${out}`);
    // Typeform writes yes/no as 1/0: read as yes/no, no warning per row.
    expect(demo.stderr).not.toContain('is not yes or no');
  });

  it('says each warning once per command: merge names the 4 unknown emails, status and report each count them', () => {
    const count = (needle: string) => demo.stderr.split(needle).length - 1;
    expect(count('4 response email(s) match no participant (kept; listed in the report): ')).toBe(
      1,
    );
    // status, report (the workbook) and report --format html (the demo's last step): once each.
    // Counted responses only: someone.else@ answered the final after --now.
    const counted = [
      ...EXPECTED.surveys.kickoff.unknown,
      ...EXPECTED.surveys.midpoint.unknown,
      ...EXPECTED.surveys.final.unknown,
    ].length;
    // Issue 13: the demo writes the leadership and the manager's workbook, then the HTML.
    expect(count(`${counted} survey response(s) from emails not in the program`)).toBe(4);
  });

  it('imports every person (77, 76 active), rejects only the HR row with no valid email, and lists the two unreadable cells for attention', () => {
    const people = state('participants') as Array<{
      email: string;
      status: string;
      capacity?: number;
      timezone: string;
    }>;
    expect(people).toHaveLength(EXPECTED.participants.imported);
    expect(people.filter((p) => p.status !== 'withdrawn')).toHaveLength(
      EXPECTED.participants.active,
    );
    const csv = (name: string) =>
      Papa.parse<Record<string, string>>(
        readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, ''),
        { header: true, skipEmptyLines: true },
      ).data;
    const rejected = csv('rejected.csv');
    expect(rejected.map((r) => [r['E-mail'], Number(r['Source row'])])).toEqual(
      EXPECTED.files['hr-export-windows1252.csv'].rejectedRows.map(
        (r: { email: string; row: number }) => [r.email, r.row],
      ),
    );
    expect(rejected.map((r) => r['Rejection reason'])).toEqual([
      expect.stringMatching(
        /email "guenter\.brueckner\.northwind\.example" is not a valid email address/,
      ),
    ]);
    // Kept, with the value as typed listed for attention (file, row, column, fix) and the
    // program default applied meanwhile.
    const flagged = EXPECTED.files['hr-export-windows1252.csv'].flagged as Array<{
      row: number;
      email: string;
      column: string;
    }>;
    const attention = csv('attention.csv');
    expect(attention.map((r) => [r.Email, Number(r['Source row'])])).toEqual(
      flagged.map((f) => [f.email, f.row]),
    );
    for (const f of flagged) {
      const row = attention.find((r) => r.Email === f.email)!;
      expect(row['Source file']).toBe('sample/hr-export-windows1252.csv');
      expect(row['Needs attention']).toMatch(new RegExp(`^${f.column}: .+\\(.+\\)$`));
    }
    const byEmail = new Map(people.map((p) => [p.email, p]));
    expect(byEmail.get('juergen.weiss@northwind.example')).toMatchObject({
      status: 'active',
      capacity: 2,
    });
    expect(byEmail.get('zoe.moreau@northwind.example')).toMatchObject({
      status: 'active',
      timezone: 'Europe/London',
    });
  });

  it('matches every active mentee except hanako.sato, who shares no hour with any mentor (minOverlapHours 1)', () => {
    const people = state('participants') as Array<{ email: string; role: string; status: string }>;
    const mentees = people
      .filter((p) => p.status !== 'withdrawn' && p.role === 'mentee')
      .map((p) => p.email);
    const matched = new Set(active().map((m) => m.mentee));
    expect(mentees.filter((e) => !matched.has(e))).toEqual(EXPECTED.matching.unmatchable);
    const run = state('matches').runs.at(-1);
    const hanako = run.unmatched.find(
      (u: { email: string }) => u.email === 'hanako.sato@northwind.example',
    );
    expect(hanako?.reason).toMatch(/availability|overlap|common/);
    // The Summary's match rate agrees: every mentee-side person but the unmatchable ones (Ravi
    // Shankar is "both" and mentee of a pair), rounded to 4 places as the workbook shows it.
    const side = EXPECTED.participants.menteeSide as number;
    const rate = (side - EXPECTED.matching.unmatchable.length) / side;
    expect(rows('Summary', 3).find((r) => r[1] === 'Match rate (mentees matched)')?.[2]).toBe(
      Math.round(rate * 10_000) / 10_000,
    );
  });

  it('writes calendars ical.js can read: one per scheduled pair and person, and all.ics with every event of the state', () => {
    const sched = join(dir, 'schedule');
    const events = Object.values(state('schedule').events) as Array<{
      status: string;
      event: { uid: string; kind: string; unitId?: string };
    }>;
    const live = events.filter((e) => e.status === 'active');
    const uids = (file: string) =>
      new Set(
        parseCalendar(readFileSync(file, 'utf8'))
          .getAllSubcomponents('vevent')
          .map((v) => String(v.getFirstPropertyValue('uid'))),
      );
    expect(uids(join(sched, 'all.ics'))).toEqual(new Set(live.map((e) => e.event.uid)));
    const pairFiles = readdirSync(join(sched, 'pairs')).filter((f) => f.endsWith('.ics'));
    expect(pairFiles).toHaveLength(live.filter((e) => e.event.kind === 'series').length);
    for (const f of pairFiles) expect(uids(join(sched, 'pairs', f)).size).toBeGreaterThan(0);
    const peopleFiles = readdirSync(join(sched, 'people')).filter((f) => f.endsWith('.ics'));
    expect(peopleFiles.length).toBeGreaterThan(pairFiles.length);
    for (const f of peopleFiles) expect(uids(join(sched, 'people', f)).size).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(CHECK_ICS))(
    'passes ../shared/tools/check-ics on the whole schedule folder (a UID in several files reads the same in each)',
    () => {
      const r = spawnSync(CHECK_ICS, [join(dir, 'schedule')], {
        encoding: 'utf8',
        timeout: 240_000,
      });
      const last = r.stdout.trim().split('\n').at(-1) ?? '';
      expect({ code: r.status, last: last.slice(0, 4) }, r.stdout.slice(-3000)).toEqual({
        code: 0,
        last: 'PASS',
      });
    },
    300_000,
  );

  it('writes an introduction email to both people of every scheduled pair, and an announcement', () => {
    const emls = readdirSync(join(dir, 'intro')).filter((f) => f.endsWith('.eml'));
    expect(emls).toContain('announcement.eml');
    const to = new Set(
      emls.map((f) => /^To: .*<([^>]+)>/m.exec(readFileSync(join(dir, 'intro', f), 'utf8'))?.[1]),
    );
    const series = (
      Object.values(state('schedule').events) as Array<{ event: { kind: string; unitId: string } }>
    )
      .filter((e) => e.event.kind === 'series')
      .map((e) => e.event.unitId);
    for (const m of active().filter((p) => series.includes(p.id)))
      expect([to.has(m.mentee), to.has(m.mentor)]).toEqual([true, true]);
  });

  it('report.xlsx Summary: response rates per wave, meetings from the schedule', () => {
    const summary = new Map(rows('Summary', 3).map((r) => [r[1], r[2]]));
    const rate = (n: number) => Math.round((n / EXPECTED.surveys.population) * 10000) / 10000;
    expect([
      summary.get('Response rate: kickoff'),
      summary.get('Response rate: midpoint'),
      summary.get('Response rate: final'),
    ]).toEqual([
      rate(EXPECTED.surveys.kickoff.respondents),
      rate(EXPECTED.surveys.midpoint.respondents),
      rate(EXPECTED.surveys.final.respondents),
    ]);
    // Every meeting of every series is before the end of June: the sum of the stored occurrences,
    // a late joiner's counted from their "Start date" (issue 13), not from the program start.
    const joined = new Map(
      (state('participants') as Array<{ email: string; attributes: Record<string, string> }>).map(
        (p) => [p.email.toLowerCase(), (p.attributes['Start date'] ?? '').slice(0, 10)],
      ),
    );
    const series = (
      Object.values(state('schedule').events) as Array<{
        status: string;
        event: { kind: string; attendees: Array<{ email: string }> };
        occurrences: string[];
      }>
    ).filter((e) => e.status === 'active' && e.event.kind === 'series');
    const from = (e: (typeof series)[number]) =>
      e.event.attendees
        .map((a) => joined.get(a.email.toLowerCase()) ?? '')
        .sort()
        .at(-1) ?? '';
    const occ = series.reduce((s, e) => s + e.occurrences.filter((d) => d >= from(e)).length, 0);
    expect(series.some((e) => from(e) === '2027-03-01')).toBe(true);
    expect(summary.get('Meetings scheduled to date (from the schedule)')).toBe(occ);
    expect(summary.get('Relationships established (active pairs)')).toBe(active().length);
  });

  it('survey sheets: latest answer wins, unknown emails are kept and listed', () => {
    const final = rows('Survey final', 2);
    // Their later Typeform answer was submitted after --now, so the SurveyMonkey one stands.
    expect(final.find((r) => r[0] === EXPECTED.surveys.final.duplicate)?.at(-2)).toBe(
      'sample/surveys/final-surveymonkey.csv',
    );
    const kickoff = rows('Survey kickoff', 2);
    expect(kickoff.find((r) => r[0] === EXPECTED.surveys.kickoff.duplicate)?.[5]).toBe(4);
    const unknown = [
      ...EXPECTED.surveys.kickoff.unknown,
      ...EXPECTED.surveys.midpoint.unknown,
      ...EXPECTED.surveys.final.unknown,
    ];
    for (const e of unknown)
      expect(
        [...kickoff, ...rows('Survey midpoint', 2), ...final].find((r) => r[0] === e)?.[2],
      ).toBe('unknown email');
    expect(rows('Survey waves', 2).map((r) => [r[0], r[3], r[12]])).toEqual([
      ['kickoff', EXPECTED.surveys.kickoff.respondents, EXPECTED.surveys.kickoff.unknown.length],
      ['midpoint', EXPECTED.surveys.midpoint.respondents, EXPECTED.surveys.midpoint.unknown.length],
      ['final', EXPECTED.surveys.final.respondents, EXPECTED.surveys.final.unknown.length],
    ]);
  });

  it('status and report --json agree with the workbook Summary, and --format md with both', () => {
    const report = json(['report', '--format', 'json', '--now', NOW]);
    const status = json(['status', '--json', '--now', NOW]);
    const sheet = rows('Summary', 3).map((r) => [r[1], r[2] ?? null, r[3] ?? null, r[4] ?? '']);
    const fromJson = (d: ReportJson) =>
      d.kpis.map((k) => [
        k.label,
        k.value,
        k.target,
        k.target === null ? '' : k.met === null ? 'no data' : k.met ? 'met' : 'not met',
      ]);
    expect(fromJson(report)).toEqual(sheet);
    expect(fromJson(status)).toEqual(sheet);
    expect([status.atRiskPairs, status.waves]).toEqual([report.atRiskPairs, report.waves]);
    // Issue 13: status --json carries the same breakdowns as the report, not an empty list.
    expect(status.breakdowns.map((b) => b.field)).toEqual(['department', 'cohort']);
    expect(status.breakdowns).toEqual(report.breakdowns);
    // The sheet names the people first; the pair id is its fifth column.
    const atRiskSheet = rows('At-risk pairs', 2).map((r) => r[4]);
    expect(atRiskSheet).toEqual(report.atRiskPairs.map((p) => p.pair));
    const md = cli(['report', '--format', 'md', '--now', NOW]);
    expect(md.code).toBe(0);
    const fmt = (k: JsonKpi) =>
      k.value === null
        ? '-'
        : k.format === 'percent'
          ? `${(k.value * 100).toFixed(1)}%`
          : k.format === 'number' && !Number.isInteger(k.value)
            ? k.value.toFixed(2)
            : String(k.value);
    for (const k of report.kpis) expect(md.stdout).toContain(`| ${k.label} | ${fmt(k)} |`);
    expect(md.stdout).toContain(`## At-risk pairs (${report.atRiskPairs.length})`);
  });

  it('at-risk pairs: most severe first, counted per reason in the status line, and those of the people the fixtures name', () => {
    const report = json(['report', '--format', 'json', '--now', NOW]);
    const rank = (p: JsonRisk) => Math.min(...p.reasons.map((r) => SEVERITY.indexOf(r.code)));
    const ranks = report.atRiskPairs.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const count = (code: string) =>
      report.atRiskPairs.filter((p) => p.reasons.some((r) => r.code === code)).length;
    expect(report.atRiskByReason).toEqual(SEVERITY.map((code) => ({ code, pairs: count(code) })));
    const c = Object.fromEntries(report.atRiskByReason.map((r) => [r.code, r.pairs]));
    expect(demo.stdout).toContain(
      `Northwind Mentoring 2027: ${active().length} active pair(s), ${report.atRiskPairs.length} at risk (low satisfaction: ${c['low-satisfaction']}, concerns: ${c.concern}, few meetings: ${c['few-meetings']}, no answer: ${c['no-answer']}); current survey wave: final`,
    );
    // "None", "N/A", "No concerns" are not concerns: only the people the README names have one.
    const flagged = (d: ReportJson, code: string) =>
      new Set(
        d.atRiskPairs.filter((p) => p.reasons.some((r) => r.code === code)).map((p) => p.pair),
      );
    const named = (emails: string[]) => new Set(emails.flatMap(pairsOf));
    // Answers submitted after --now do not count: a midpoint answer stands for whoever has not
    // answered the final by then.
    expect(flagged(report, 'low-satisfaction')).toEqual(
      named(EXPECTED.surveys.atRiskNow.lowSatisfaction),
    );
    expect(flagged(report, 'concern')).toEqual(named(EXPECTED.surveys.atRiskNow.concerns));
    // As it was after the mid-point survey: the final answers do not count before that wave opens.
    const mid = json(['status', '--json', '--now', '2027-04-20']);
    expect(flagged(mid, 'low-satisfaction')).toEqual(
      named(EXPECTED.surveys.atRiskAfterMidpoint.lowSatisfaction),
    );
    expect(flagged(mid, 'concern')).toEqual(named(EXPECTED.surveys.atRiskAfterMidpoint.concerns));
    // Bruna Costa's first kickoff answer (2, a concern) is superseded by her later one (4, none):
    // the concern stays on the list, dated and marked superseded (issue 12, duplicates).
    const kick = json(['status', '--json', '--now', '2027-02-01']);
    const withOld = (w: { concerns: string[]; supersededConcerns: string[] }) =>
      named([...w.concerns, ...w.supersededConcerns]);
    expect(flagged(kick, 'concern')).toEqual(withOld(EXPECTED.surveys.kickoff));
    const dup = kick.atRiskPairs
      .filter((p) => pairsOf(EXPECTED.surveys.kickoff.duplicate).includes(p.pair))
      .flatMap((p) => p.reasons.filter((r) => r.code === 'concern').map((r) => r.text));
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatch(/^mentee concern \(2027-01-\d\d, superseded\): /);
  });

  it('outcomes: participants by side against non-participants, from hr-outcomes.csv, aggregates only', async () => {
    const hr = Papa.parse<Record<string, string>>(
      readFileSync(join(FIXTURES, 'sample', 'hr-outcomes.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const start = EXPECTED.program.startDate as string;
    const end = EXPECTED.program.endDate as string; // --now 2027-06-30 is after the end
    const all = state('matches').matches as Pair[];
    const people = new Set(
      (state('participants') as Array<{ email: string }>).map((p) => p.email.toLowerCase()),
    );
    const base = hr.filter((r) => !(r['Termination date'] && r['Termination date'] < start));
    const group = (rows: typeof hr) => {
      const stayed = rows.filter((r) => r['Employment status'] === 'Active').length;
      const promoted = rows.filter(
        (r) =>
          r['Last promotion / role change'] >= start && r['Last promotion / role change'] <= end,
      ).length;
      const rate = (n: number) => Math.round((n / rows.length) * 10000) / 10000;
      return [rows.length, stayed, rate(stayed), promoted, rate(promoted)];
    };
    const side = (pick: (m: Pair) => string) => {
      const emails = new Set(all.map(pick));
      return base.filter((r) => emails.has(r['Work email']));
    };
    const expected = [
      ['Mentees', ...group(side((m) => m.mentee))],
      ['Mentors', ...group(side((m) => m.mentor))],
      ['Non-participants', ...group(base.filter((r) => !people.has(r['Work email'])))],
    ];
    const doc = json(['report', '--format', 'json', '--now', NOW]) as unknown as {
      outcomes: {
        periodEnd: string;
        caveat: string;
        groups: Array<Record<string, unknown>>;
      };
    };
    expect(doc.outcomes.periodEnd).toBe(end);
    expect(
      doc.outcomes.groups.map((g) => [
        g.group,
        g.people,
        g.retained,
        g.retentionRate,
        g.promoted,
        g.promotionRate,
      ]),
    ).toEqual(expected);
    expect(doc.outcomes.caveat).toContain('not prove');
    // The workbook's Outcomes sheet holds the same figures; no non-participant is named anywhere.
    const sheet = rows('Outcomes', 3).map((r) => r.slice(0, 6));
    expect(sheet).toEqual(expected);
    const outsiders = base.filter((r) => !people.has(r['Work email'])).map((r) => r['Work email']);
    expect(outsiders.length).toBeGreaterThan(100);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const md = cli(['report', '--format', 'md', '--now', NOW]).stdout;
    const texts = [html, md, JSON.stringify(doc)];
    wb.eachSheet((ws) => ws.eachRow((row) => texts.push(JSON.stringify(row.values))));
    const all_ = texts.join('\n');
    for (const e of outsiders) expect(all_).not.toContain(e);
    expect(html).toContain('Outcomes: participants and non-participants');
    expect(md).toContain('## Outcomes: participants and non-participants');
  });
});

describe('growth from kickoff to close, and the leadership workbook (issue 13)', () => {
  const csvRows = (file: string, skip = 0) =>
    Papa.parse<string[]>(readFileSync(join(FIXTURES, 'sample', 'surveys', file), 'utf8'), {
      skipEmptyLines: true,
    }).data.slice(skip);

  it('compares the baseline self-ratings per person who answered at kickoff and final', () => {
    const people: Array<{ email: string; status: string }> = state('participants');
    const active = new Set(
      people.filter((p) => p.status !== 'withdrawn').map((p) => p.email.toLowerCase()),
    );
    // The three self-ratings are the last three columns of the kickoff and final files; the
    // kickoff's latest answer per person counts (Bruna's two answers carry the same ratings), and
    // every Typeform row is after --now, so the final comes from SurveyMonkey alone, up to --now
    // (noon UTC; SurveyMonkey's End Date is London time, UTC+1 in summer).
    const smInstant = (t: string) => {
      const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d+):(\d\d):(\d\d) (AM|PM)/.exec(t)!;
      const h = (Number(m[4]) % 12) + (m[7] === 'PM' ? 12 : 0);
      return Date.UTC(+m[3], +m[1] - 1, +m[2], h - 1, +m[5], +m[6]);
    };
    const ratings = (rows: string[][], emailCol: number) => {
      const out = new Map<string, number[]>();
      for (const r of rows) {
        const email = r[emailCol].trim().toLowerCase();
        if (active.has(email)) out.set(email, r.slice(-3).map(Number));
      }
      return out;
    };
    const before = ratings(csvRows('kickoff-google-forms.csv', 1), 1);
    const after = ratings(
      csvRows('final-surveymonkey.csv', 2).filter(
        (r) => smInstant(r[3]) <= Date.UTC(2027, 5, 30, 12),
      ),
      5,
    );
    const changes = [...before]
      .filter(([email]) => after.has(email))
      .map(([email, b]) => b.reduce((s, v, i) => s + (after.get(email)![i] - v), 0) / 3);
    expect(changes.length).toBeGreaterThan(10);
    const improved = changes.filter((c) => c > 0).length / changes.length;
    const mean = changes.reduce((s, c) => s + c, 0) / changes.length;
    const doc = json(['report', '--format', 'json', '--now', NOW]);
    const kpi = (id: string) => doc.kpis.find((k) => k.id === id)?.value;
    expect(kpi('growth.people')).toBe(changes.length);
    expect(kpi('growth.improved')).toBeCloseTo(improved, 4);
    expect(kpi('growth.change')).toBeCloseTo(mean, 2);
    // The Growth sheet lists each question per side with the people who answered both.
    const sheet = rows('Growth', 3);
    expect(sheet.map((r) => r[1])).toEqual(
      expect.arrayContaining([expect.stringContaining('Self-rating: planning my career')]),
    );
    expect(sheet.filter((r) => r[0] === 'mentees' || r[0] === 'mentors')).toHaveLength(6);
    const perItem = sheet.reduce((s, r) => s + Number(r[4]), 0);
    expect(perItem).toBe(changes.length * 3);
  });

  it('report.xlsx for leadership holds aggregates only, with the charts as pictures', async () => {
    const lead = new ExcelJS.Workbook();
    await lead.xlsx.readFile(join(dir, 'report.xlsx'));
    expect(lead.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Charts',
      'Survey waves',
      'Survey questions',
      'Growth',
      'By department',
      'By cohort',
      'Outcomes',
    ]);
    expect(lead.getWorksheet('Summary')!.getImages()).toHaveLength(4);
    // Growth, own items by wave, Likert answers, outcomes and the rest are on the Charts sheet.
    expect(lead.getWorksheet('Charts')!.getImages().length).toBeGreaterThanOrEqual(5);
    const cells: string[] = [];
    lead.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => cells.push(String(c.value instanceof Date ? '' : c.value))),
      ),
    );
    const text = cells.join('\n').toLowerCase();
    const people: Array<{ email: string; name: string }> = state('participants');
    for (const p of people) {
      expect(text).not.toContain(p.email.toLowerCase());
      expect(text).not.toContain(p.name.toLowerCase());
    }
    // The manager's workbook names them.
    expect(wb.getWorksheet('At-risk pairs')).toBeDefined();
  });
});
