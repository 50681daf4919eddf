import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'fixtures', 'sample');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const TOPICS = [
  'Leadership',
  'Career growth',
  'Public speaking',
  'Python',
  'Data analysis',
  'Product management',
  'Negotiation',
  'Work-life balance',
  'People management',
  'Cloud architecture',
  'Design thinking',
  'Finance basics',
  'Stakeholder management',
  'Writing',
];
const norm = (e: string) => e.trim().toLowerCase();
const validTz = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const validEmail = (e: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(norm(e));
const split = (s: string) =>
  s
    .split(/[;,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function csv(
  name: string,
  encoding = 'utf8',
): { fields: string[]; rows: Record<string, string>[]; raw: Buffer } {
  const raw = readFileSync(join(DIR, name));
  const text = encoding === 'utf8' ? raw.toString('utf8') : iconv.decode(raw, encoding);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data, raw };
}
async function book(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(DIR, name));
  return wb;
}
const text = (v: ExcelJS.CellValue): string => {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return String(v.text);
  if (v && typeof v === 'object' && 'result' in v) return String(v.result);
  return v == null ? '' : String(v);
};
function sheetRows(ws: ExcelJS.Worksheet, headerRow: number): Record<string, ExcelJS.CellValue>[] {
  const headers = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1).map(text);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow || !row.hasValues) return;
    const rec: Record<string, ExcelJS.CellValue> = Object.create(null);
    headers.forEach((h, i) => {
      rec[h] = row.getCell(i + 1).value;
    });
    out.push(rec);
  });
  return out;
}

describe('fixtures/sample sign-up exports', () => {
  const gf = csv('google-forms-mentors.csv');
  const hr = csv('hr-export-windows1252.csv', 'windows-1252');
  let mentees: Record<string, ExcelJS.CellValue>[] = [];
  let late: Record<string, ExcelJS.CellValue>[] = [];
  let lateSheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    mentees = sheetRows((await book('ms-forms-mentees.xlsx')).getWorksheet('Sheet1')!, 1);
    lateSheet = (await book('hr-late-joiners.xlsx')).getWorksheet('March intake')!;
    late = sheetRows(lateSheet, 3);
  });

  it('Google Forms CSV: UTF-8 without BOM, exact headers, a duplicate whose later row raises capacity', () => {
    expect([...gf.raw.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(gf.fields.slice(0, 5)).toEqual([
      'Timestamp',
      'Email Address',
      'First name',
      'Last name',
      'Would you like to join as a mentor or a mentee?',
    ]);
    expect(gf.fields).toContain('Which topics can you help with? (select all that apply)');
    expect(gf.rows).toHaveLength(29);
    expect(new Set(gf.rows.map((r) => norm(r['Email Address']))).size).toBe(28);
    for (const r of gf.rows) {
      expect(r.Timestamp).toMatch(/^2026\/1[12]\/\d\d \d{1,2}:\d\d:\d\d (AM|PM) GMT$/);
      expect(r['Would you like to join as a mentor or a mentee?']).toBe("I'd like to mentor");
      for (const t of split(r['Which topics can you help with? (select all that apply)']))
        expect(TOPICS).toContain(t);
    }
    const emma = gf.rows
      .map((r, i) => ({ r, excelRow: i + 2 }))
      .filter(({ r }) => r['Email Address'] === 'emma.thompson@northwind.example');
    expect(emma.map((e) => e.excelRow)).toEqual(
      expected.files['google-forms-mentors.csv'].duplicateRows,
    );
    expect(emma.map((e) => e.r['How many mentees can you take on?'])).toEqual(['2', '3']);
    expect(gf.rows.some((r) => r['What do you hope to get out of mentoring?'].includes('\n'))).toBe(
      true,
    );
    expect(gf.rows.some((r) => r['Job title'] === 'VP Sales, EMEA')).toBe(true);
    expect(
      gf.rows.some((r) => r['Job title'] === '=HYPERLINK("http://evil.example","click")'),
    ).toBe(true);
    expect(gf.rows.filter((r) => r['What time zone are you in?'].startsWith('(UTC'))).toHaveLength(
      11,
    );
    expect(gf.rows.find((r) => r['First name'] === '山田太郎')?.['Last name']).toBe('');
  });

  it('Microsoft Forms XLSX: Sheet1, real date cells, ranked wants from the vocabulary, traps in place', () => {
    expect(mentees).toHaveLength(36);
    for (const m of mentees) {
      expect(m['Start time']).toBeInstanceOf(Date);
      expect((m['Completion time'] as Date).getTime()).toBeGreaterThan(
        (m['Start time'] as Date).getTime(),
      );
      const wants = split(
        text(m['What would you like help with? (pick up to 3, most important first)']),
      );
      expect(wants.length).toBeLessThanOrEqual(3);
      for (const t of wants) expect(TOPICS).toContain(t);
    }
    expect(
      mentees.find((m) => norm(text(m.Email)) === 'sarah.cohen@northwind.example')?.Interests,
    ).toBe('+SUM(1,1)');
    expect(mentees.find((m) => m.Name === '佐藤花子')?.['When are you usually available?']).toBe(
      'Sat 19:00-22:00; Sun 19:00-22:00',
    );
    expect(
      mentees.find((m) => m.Name === 'Harry Patel')?.["People you'd rather not be matched with"],
    ).toBe('oliver.bennett@northwind.example');
  });

  it('hand-made XLSX: merged title, blank row, header on row 3, hyperlink, rich text, formula and date cells', () => {
    expect(lateSheet.getCell('A1').value).toBe('Late joiners – March intake');
    expect(lateSheet.getCell('N1').isMerged).toBe(true);
    expect(lateSheet.getRow(2).hasValues).toBe(false);
    expect(late).toHaveLength(6);
    expect(
      late.every(
        (p) =>
          typeof p.Email === 'object' &&
          String((p.Email as ExcelJS.CellHyperlinkValue).hyperlink).startsWith('mailto:'),
      ),
    ).toBe(true);
    expect(
      late.some((p) => typeof p.Name === 'object' && p.Name !== null && 'richText' in p.Name),
    ).toBe(true);
    expect(late.find((p) => typeof p.Level === 'object')?.Level).toEqual({
      formula: '2+1',
      result: 3,
    });
    expect(late.every((p) => p['Start date'] instanceof Date)).toBe(true);
    expect(new Set(late.map((p) => p.Role))).toEqual(
      new Set(['Mentor', 'Mentee', 'Protégé', 'Both']),
    );
    expect(lateSheet.rowCount).toBeGreaterThan(9); // styled empty rows below the data
  });

  it('HR export: Windows-1252 (not UTF-8), semicolons, one row with no valid email, two unreadable cells and one withdrawn', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(hr.raw)).toThrow();
    expect(Papa.parse(iconv.decode(hr.raw, 'windows-1252')).meta.delimiter).toBe(';');
    expect(hr.fields).toEqual([
      'E-mail',
      'Full name',
      'Role',
      'Business unit',
      'Position',
      'Grade',
      'Manager email',
      'Timezone',
      'Languages',
      'Skills',
      'Capacity',
      'Cohort',
      'Status',
    ]);
    expect(hr.rows.map((r) => r['Full name'])).toContain('Jürgen Weiß');
    const rows = hr.rows.map((r, i) => ({ r, row: i + 2 }));
    // Only a row that cannot be a person is rejected.
    expect(rows.filter(({ r }) => !validEmail(r['E-mail'])).map((b) => b.row)).toEqual(
      expected.files['hr-export-windows1252.csv'].rejectedRows.map((x: { row: number }) => x.row),
    );
    // An unreadable time zone or capacity keeps the person and is listed for attention.
    expect(
      rows
        .filter(
          ({ r }) =>
            validEmail(r['E-mail']) &&
            (!validTz(r.Timezone) || (r.Capacity !== '' && Number(r.Capacity) > 50)),
        )
        .map((b) => b.row),
    ).toEqual(
      expected.files['hr-export-windows1252.csv'].flagged.map((x: { row: number }) => x.row),
    );
    expect(hr.rows.filter((r) => r.Status === 'Withdrawn').map((r) => r['E-mail'])).toEqual([
      'bjorn.hakonsen@northwind.example',
    ]);
  });

  it('all files together: enough distinct people, cultures, continents, topics and capacity', () => {
    const people = new Map<string, { name: string; tz: string }>();
    const tzOf = (t: string) =>
      (
        ({ '(UTC-05:00) Eastern Time (US & Canada)': 'America/New_York' }) as Record<string, string>
      )[t] ?? t;
    for (const r of gf.rows)
      people.set(norm(r['Email Address']), {
        name: `${r['First name']} ${r['Last name']}`.trim(),
        tz: tzOf(r['What time zone are you in?']),
      });
    for (const m of mentees)
      people.set(norm(text(m.Email)), { name: text(m.Name), tz: text(m['Time zone']) });
    for (const p of late)
      people.set(norm(text(p.Email)), { name: text(p.Name), tz: text(p['Time zone']) });
    for (const r of hr.rows)
      if (validEmail(r['E-mail']))
        people.set(norm(r['E-mail']), {
          name: r['Full name'],
          tz: validTz(r.Timezone) ? r.Timezone : 'Europe/London',
        });
    expect(people.size).toBe(expected.participants.imported);
    expect(people.size).toBeGreaterThanOrEqual(60);
    const names = [...people.values()].map((p) => p.name);
    expect(names.filter((n) => /[^\x00-\x7f]/.test(n)).length).toBeGreaterThanOrEqual(15);
    expect(names).toEqual(
      expect.arrayContaining([
        'Zoë Ångström',
        'Łukasz Wójcik',
        'José Ñúñez',
        '山田太郎',
        'ليلى حداد',
        'Nguyễn Thị Lan',
      ]),
    );
    const continents = new Set(
      [...people.values()].filter((p) => p.tz.includes('/')).map((p) => p.tz.split('/')[0]),
    );
    expect(continents.size).toBeGreaterThanOrEqual(3);
    const offered = new Set(
      gf.rows.flatMap((r) => split(r['Which topics can you help with? (select all that apply)'])),
    );
    for (const m of mentees)
      for (const t of split(
        text(m['What would you like help with? (pick up to 3, most important first)']),
      ))
        expect(offered).toContain(t);
    const latest = new Map(
      gf.rows.map((r) => [
        norm(r['Email Address']),
        Number(r['How many mentees can you take on?']),
      ]),
    );
    expect([...latest.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(mentees.length);
  });
});

describe('fixtures/sample survey exports', () => {
  let mid: Record<string, ExcelJS.CellValue>[] = [];
  beforeAll(async () => {
    mid = sheetRows((await book('surveys/midpoint-ms-forms.xlsx')).getWorksheet('Sheet1')!, 1);
  });

  it('kickoff (Google Forms): row count, unknown emails and a superseded duplicate', () => {
    const k = csv('surveys/kickoff-google-forms.csv');
    expect(k.rows).toHaveLength(expected.surveys.kickoff.rows);
    const emails = k.rows.map((r) => norm(r['Email Address']));
    expect(emails.filter((e) => e === expected.surveys.kickoff.duplicate)).toHaveLength(2);
    expect(k.rows.some((r) => r['Email Address'] !== norm(r['Email Address']))).toBe(true);
    expect(emails).toEqual(expect.arrayContaining(expected.surveys.kickoff.unknown));
    const distinct = new Set(emails);
    expect(distinct.size - expected.surveys.kickoff.unknown.length).toBe(
      expected.surveys.kickoff.respondents,
    );
    // Bruna's 2 is superseded by her later 4
    expect(expected.surveys.kickoff.lowSatisfaction).toEqual([]);
  });

  it('midpoint (Microsoft Forms): low satisfaction and concerns match expected.json', () => {
    expect(mid).toHaveLength(expected.surveys.midpoint.rows);
    const low = mid
      .filter((m) =>
        ['Very dissatisfied', 'Dissatisfied'].includes(
          text(m['Overall, how satisfied are you with the mentoring relationship?']),
        ),
      )
      .map((m) => norm(text(m.Email)))
      .sort();
    expect(low).toEqual(expected.surveys.midpoint.lowSatisfaction);
    expect(typeof mid[0]['How many times have you met your mentor/mentee so far?']).toBe('number');
  });

  it('final (SurveyMonkey two header rows + Typeform late responders)', () => {
    const sm = Papa.parse<string[]>(
      readFileSync(join(DIR, 'surveys/final-surveymonkey.csv'), 'utf8'),
      { skipEmptyLines: true },
    );
    expect(sm.errors).toEqual([]);
    const [h1, h2, ...rows] = sm.data;
    expect(h1.slice(0, 9)).toEqual([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'IP Address',
      'Email Address',
      'First Name',
      'Last Name',
      'Custom Data 1',
    ]);
    expect(h2.slice(0, 9).every((c) => c === '')).toBe(true);
    expect(h2.slice(9)).toEqual([
      'Response',
      'Response',
      'Response',
      'Response',
      'Open-Ended Response',
      // Issue 13: the three baseline self-ratings, asked again at the final (growth).
      'Response',
      'Response',
      'Response',
    ]);
    expect(rows).toHaveLength(expected.surveys.finalFiles['final-surveymonkey.csv']);
    const tf = csv('surveys/final-typeform.csv');
    expect(tf.fields[0]).toBe('#');
    expect(tf.fields.slice(-6, -3)).toEqual([
      'Start Date (UTC)',
      'Submit Date (UTC)',
      'Network ID',
    ]);
    expect(tf.fields.slice(-3).every((f) => f.startsWith('Self-rating: '))).toBe(true);
    expect(tf.rows).toHaveLength(expected.surveys.finalFiles['final-typeform.csv']);
    const both = tf.rows
      .map((r) => norm(r["What's your email address?"]))
      .filter((e) => rows.some((r) => norm(r[5]) === e));
    expect(both).toEqual([expected.surveys.final.duplicate]);
    const rate = expected.surveys.final.respondents / expected.surveys.population;
    // Counted by the demo's --now 2027-06-30: the Typeform rows and the last SurveyMonkey days are later.
    expect(rate).toBeGreaterThan(0.4);
    expect(expected.surveys.final.late).toBeGreaterThanOrEqual(tf.rows.length);
    expect(rate).toBeLessThan(0.8);
  });
});

describe('fixtures/make-sample.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'sample-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('regenerates the committed files byte for byte (deterministic, and the committed copy is current)', () => {
    execFileSync(
      process.execPath,
      [join(process.cwd(), 'fixtures', 'make-sample.mjs'), '--out', out],
      { env: { ...process.env, TZ: 'Pacific/Auckland' }, stdio: 'pipe' },
    );
    const files = (d: string): string[] =>
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath ?? e.path, e.name).slice(d.length + 1))
        .sort();
    expect(files(out)).toEqual(files(DIR));
    for (const f of files(DIR))
      expect(readFileSync(join(out, f)).equals(readFileSync(join(DIR, f))), f).toBe(true);
  });

  it('README states each file and its exact import outcome', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const f of [
      'google-forms-mentors.csv',
      'ms-forms-mentees.xlsx',
      'hr-late-joiners.xlsx',
      'hr-export-windows1252.csv',
      'kickoff-google-forms.csv',
      'midpoint-ms-forms.xlsx',
      'final-surveymonkey.csv',
      'final-typeform.csv',
    ])
      expect(readme).toContain(f);
    expect(readme).toContain('28 imported, 0 rejected');
    expect(readme).toContain('36 imported, 0 rejected');
    expect(readme).toContain('6 imported, 0 rejected');
    expect(readme).toContain('7 imported');
    expect(readme).toContain('1 rejected');
    expect(readme).toContain('2 people are kept with a value the import cannot read');
  });
});
