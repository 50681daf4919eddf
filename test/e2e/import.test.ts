import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

let cwd: string;
beforeEach(() => {
  cwd = tempDir();
  expect(
    runCli(
      ['init', '.', '--start', '2027-01-11', '--end', '2027-06-25', '--timezone', 'Europe/London'],
      { cwd },
    ).code,
  ).toBe(0);
});
afterEach(() => removeDir(cwd));

const state = (name: string) =>
  JSON.parse(readFileSync(join(cwd, '.mentor', `${name}.json`), 'utf8')).data;
const hasState = (name: string) => existsSync(join(cwd, '.mentor', `${name}.json`));
const write = (name: string, text: string | Buffer) => {
  writeFileSync(join(cwd, name), text);
  return name;
};
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

const FORM_HEADER =
  'Timestamp,Email Address,First name,Last name,Would you like to join as a mentor or a mentee?,Which topics can you help with? (select all that apply),What time zone are you in?,When are you usually available?,How many mentees can you take on?,Office';
const FORM_ROWS = [
  '2026/11/02 9:14:03 AM GMT, Ana.Ruiz@Example.com ,Ana,Ruiz,I\'d like to mentor,"Python, Leadership",Europe/Madrid,Mon 09:00-12:00; Wed 14:00-17:00,3,Madrid',
  '2026/11/02 9:20:00 AM GMT,tom.lee@example.com,Tom,Lee,Mentee,Leadership,(UTC-05:00) Eastern Time (US & Canada),Tuesday and Thursday mornings,,New York',
  '2026/11/02 9:25:00 AM GMT,broken@,Bad,Email,Mentee,Python,Europe/London,Mon 9-11am,,London',
  '2026/11/02 9:30:00 AM GMT,zoe@example.com,Zoë,Ångström,Mentor,"Python",Europe/Stockholm,Mon 9-11am,99,Stockholm',
];
const formCsv = (rows = FORM_ROWS) => [FORM_HEADER, ...rows].join('\r\n') + '\r\n';

describe('import: good rows kept, bad rows rejected with reasons', () => {
  it('imports a Google Forms export, rejects rows that cannot be a person to rejected.csv, flags the rest, exits 1', () => {
    const file = write('signups.csv', formCsv());
    const r = runCli(['import', file], { cwd });
    expect(r.code).toBe(1);
    noStack(r.stderr);
    const people = state('participants');
    // Zoë's capacity "99" no longer rejects her: she is kept at the default and flagged.
    expect(people.map((p: { email: string }) => p.email)).toEqual([
      'ana.ruiz@example.com',
      'tom.lee@example.com',
      'zoe@example.com',
    ]);
    expect(people[2].capacity).toBe(2);
    const attention = state('attention');
    expect(attention).toMatchObject([
      {
        email: 'zoe@example.com',
        name: 'Zoë Ångström',
        field: 'capacity',
        text: '99',
        file: 'signups.csv',
        row: 5,
        column: 'How many mentees can you take on?',
        code: 'capacity-invalid',
      },
    ]);
    expect(r.stdout).toMatch(/3 imported, 1 need attention: capacity 1/);
    const flagged = Papa.parse<string[]>(
      readFileSync(join(cwd, 'attention.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(flagged[0]).toEqual([
      'Email',
      'Name',
      'How many mentees can you take on?',
      'Needs attention',
      'Source file',
      'Source row',
      'Submitted at',
      'Source form',
      'Listed at',
    ]);
    expect(flagged[1].slice(0, 3)).toEqual(['zoe@example.com', 'Zoë Ångström', '99']);
    const ana = people[0];
    expect(ana).toMatchObject({
      name: 'Ana Ruiz',
      role: 'mentor',
      timezone: 'Europe/Madrid',
      topics: ['Python', 'Leadership'],
      capacity: 3,
      status: 'active',
    });
    expect(ana.attributes.Office).toBe('Madrid');
    expect(people[1].timezone).toBe('America/New_York');
    expect(people[1].availability.length).toBe(2);
    expect(r.stderr).toMatch(/signups\.csv, row 4, column "Email Address": email "broken@"/);
    expect(r.stderr).toMatch(/signups\.csv, row 5, column "How many mentees can you take on\?"/);
    const rejected = Papa.parse<string[]>(
      readFileSync(join(cwd, 'rejected.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(rejected[0]).toEqual([
      ...FORM_HEADER.split(',').slice(0, 5),
      'Which topics can you help with? (select all that apply)',
      'What time zone are you in?',
      'When are you usually available?',
      'How many mentees can you take on?',
      'Office',
      'Rejection reason',
      'Source file',
      'Source row',
      'Submitted at',
      'Source form',
      'Source key',
      'Listed at',
    ]);
    expect(rejected).toHaveLength(2);
    expect(rejected[1][1]).toBe('broken@');
    expect(rejected[1][11]).toBe('signups.csv');
    expect(rejected[1][12]).toBe('4');
    expect(r.stdout).toMatch(/3 new/);
  });

  it('re-importing the same file changes nothing; an edited row updates that participant', () => {
    const file = write('signups.csv', formCsv());
    runCli(['import', file], { cwd });
    const before = readFileSync(join(cwd, '.mentor', 'participants.json'), 'utf8');
    const again = runCli(['import', file, '--json'], { cwd });
    const out = JSON.parse(again.stdout);
    expect(out.added).toEqual([]);
    expect(out.updated).toEqual([]);
    expect(out.unchanged).toBe(3);
    expect(
      JSON.parse(readFileSync(join(cwd, '.mentor', 'participants.json'), 'utf8')).data,
    ).toEqual(JSON.parse(before).data);
    const edited = FORM_ROWS.slice(0, 2).map((l) => l.replace('Tom,Lee', 'Thomas,Lee'));
    write('signups.csv', formCsv(edited));
    const third = JSON.parse(runCli(['import', 'signups.csv', '--json'], { cwd }).stdout);
    expect(third.updated).toEqual(['tom.lee@example.com']);
    expect(state('participants')[1].name).toBe('Thomas Lee');
  });

  it('--strict writes nothing and exits 1; --dry-run writes nothing', () => {
    const file = write('signups.csv', formCsv());
    const strict = runCli(['import', file, '--strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/nothing was imported because of --strict/);
    expect(hasState('participants')).toBe(false);
    expect(existsSync(join(cwd, 'rejected.csv'))).toBe(false);
    const dry = runCli(['import', file, '--dry-run'], { cwd });
    expect(dry.stdout).toMatch(/Dry run, nothing written/);
    expect(hasState('participants')).toBe(false);
  });

  it('the latest submission of a duplicate email wins, with a warning naming both rows', () => {
    const rows = [
      FORM_ROWS[0],
      FORM_ROWS[0]
        .replace('2026/11/02 9:14:03 AM GMT', '2026/11/05 10:00:00 AM GMT')
        .replace(',3,Madrid', ',1,Madrid'),
    ];
    write('dupes.csv', formCsv(rows));
    const r = runCli(['import', 'dupes.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(state('participants')[0].capacity).toBe(1);
    expect(r.stderr).toMatch(/row 2/);
    expect(r.stderr).toMatch(/row 3/);
  });
});

describe('import: real-world file shapes', () => {
  it('reads a semicolon-separated Windows-1252 HR export with accents', () => {
    const text =
      'E-mail;Full name;Role;Business unit;Timezone\r\njose@example.com;José Ñúñez;Mentor;Ventas;Europe/Madrid\r\nsoren@example.com;Søren Weiß;Mentee;R&D;Europe/Berlin\r\n';
    write('hr.csv', iconv.encode(text, 'windows-1252'));
    const r = runCli(['import', 'hr.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(state('participants').map((p: { name: string }) => p.name)).toEqual([
      'José Ñúñez',
      'Søren Weiß',
    ]);
    expect(state('participants')[0].department).toBe('Ventas');
  });

  it('reads UTF-16 "Unicode text" from Excel (tab separated, BOM)', () => {
    const text = 'Email\tName\tRole\r\nmei@example.com\t山田太郎\tmentee\r\n';
    write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    const r = runCli(['import', 'unicode.txt'], { cwd });
    expect(r.code).toBe(0);
    expect(state('participants')[0]).toMatchObject({
      email: 'mei@example.com',
      name: '山田太郎',
      role: 'mentee',
    });
  });

  it('reads an XLSX with a title row, a merged title, date cells and a hyperlink email', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Late joiners');
    ws.getCell('A1').value = 'Late joiners – March intake';
    ws.mergeCells('A1:E1');
    ws.addRow([]);
    ws.addRow(['Email', 'Name', 'Role', 'Start date', 'Level']);
    ws.addRow([
      { text: 'kim@example.com', hyperlink: 'mailto:kim@example.com' },
      { richText: [{ text: 'Kim ' }, { text: 'Park', font: { bold: true } }] },
      'Protégé',
      new Date(Date.UTC(2027, 2, 1)),
      { formula: '2+1', result: 3 },
    ]);
    await wb.xlsx.writeFile(join(cwd, 'late.xlsx'));
    const r = runCli(['import', 'late.xlsx'], { cwd });
    expect(r.code).toBe(0);
    expect(state('participants')[0]).toMatchObject({
      email: 'kim@example.com',
      name: 'Kim Park',
      role: 'mentee',
      level: 3,
    });
    expect(state('participants')[0].attributes['Start date']).toBe('2027-03-01');
  });

  it('asks for a missing required column only on a TTY: non-interactive exits 2 naming --map, and the mapping is remembered', () => {
    write('odd.csv', 'Contact,Who,Kind\r\nli@example.com,Li Wei,mentor\r\n');
    const r = runCli(['import', 'odd.csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--map "Header=(email|name)"/);
    const ok = runCli(
      ['import', 'odd.csv', '--map', 'Contact=email', '--map', 'Who=name', '--map', 'Kind=role'],
      { cwd },
    );
    expect(ok.code).toBe(0);
    write('odd2.csv', 'Contact,Who,Kind\r\nmo@example.com,Mo Salah,mentee\r\n');
    const again = runCli(['import', 'odd2.csv'], { cwd });
    expect(again.code).toBe(0);
    expect(state('participants')).toHaveLength(2);
  });

  it('keeps headers named __proto__, constructor, prototype as attributes without polluting prototypes', () => {
    write(
      'proto.csv',
      'Email,Name,Role,__proto__,constructor,prototype\r\na@example.com,A Person,mentee,{"polluted":1},x,y\r\n',
    );
    const r = runCli(['import', 'proto.csv', '--json'], { cwd });
    expect(r.code).toBe(0);
    const exported = JSON.parse(
      runCli(['export', 'participants', '--format', 'json'], { cwd }).stdout,
    );
    expect(Object.getOwnPropertyNames(exported[0].attributes).sort()).toEqual([
      '__proto__',
      'constructor',
      'prototype',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('import: bad input gives one clear line and loses nothing', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty.csv', '', /empty/i],
    ['header-only.csv', 'Email,Name,Role\r\n', /no data rows/i],
    [
      'unbalanced.csv',
      'Email,Name,Role\r\na@example.com,"Ana,mentor\r\nb@example.com,Bo,mentee\r\n',
      /quote/i,
    ],
    [
      'junk.xlsx',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      /damaged|not a valid Excel/i,
    ],
    ['binary.csv', Buffer.alloc(2000, 0), /not a text or Excel file/i],
  ];
  for (const [name, content, pattern] of cases) {
    it(`${name}: exit 2, one line, roster untouched`, () => {
      write('good.csv', 'Email,Name,Role\r\nkeep@example.com,Keep Me,mentor\r\n');
      expect(runCli(['import', 'good.csv'], { cwd }).code).toBe(0);
      write(name, content);
      const r = runCli(['import', name], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).toContain(name);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(state('participants').map((p: { email: string }) => p.email)).toEqual([
        'keep@example.com',
      ]);
    });
  }

  it('a text file renamed .xlsx is read as text', () => {
    write('renamed.xlsx', 'Email,Name,Role\r\nr@example.com,Re Named,mentee\r\n');
    const r = runCli(['import', 'renamed.xlsx'], { cwd });
    expect(r.code).toBe(0);
    expect(state('participants')[0].email).toBe('r@example.com');
  });

  it('a row with too many fields is rejected with the reason; the others are kept', () => {
    write(
      'ragged.csv',
      'Email,Name,Role\r\na@example.com,Ana,mentor\r\nb@example.com,Bo,Smith,mentee\r\nc@example.com,Cy\r\n',
    );
    const r = runCli(['import', 'ragged.csv', '--role', 'mentee'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 3.*more values? than there are column headers/);
    expect(state('participants').map((p: { email: string }) => p.email)).toEqual([
      'a@example.com',
      'c@example.com',
    ]);
  });

  it('NUL bytes inside a text file are dropped, not fatal', () => {
    write('nul.csv', Buffer.from('Email,Name,Role\r\nn@example.com,N\u0000ul,mentee\r\n', 'utf8'));
    const r = runCli(['import', 'nul.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(state('participants')[0].name).toBe('Nul');
  });

  it('outside a program folder: exit 2 naming `mentor-cli init`', () => {
    const elsewhere = tempDir();
    try {
      write('x.csv', 'Email,Name,Role\r\n');
      const r = runCli(['import', join(cwd, 'x.csv')], { cwd: elsewhere });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/No program folder.*mentor-cli init/);
    } finally {
      removeDir(elsewhere);
    }
  });

  it('a missing file is one line naming it', () => {
    const r = runCli(['import', 'nope.csv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.csv.*(not found|does not exist)/);
    noStack(r.stderr);
  });
});

describe('participants and export', () => {
  beforeEach(() => {
    write(
      'p.csv',
      'Email,Name,Role,Title,Cohort,Status,Gender\r\nm@example.com,Mara,mentor,"=HYPERLINK(""http://evil"",""x"")",2027,active,female\r\ne@example.com,Eli,mentee,@SUM(A1),2027,withdrawn,male\r\n',
    );
    expect(runCli(['import', 'p.csv'], { cwd }).code).toBe(0);
  });

  it('keeps the original text in state and neutralises it in CSV and XLSX exports', async () => {
    expect(state('participants')[1].title).toBe('=HYPERLINK("http://evil","x")');
    const csv = runCli(['export', 'participants', '--format', 'csv'], { cwd }).stdout;
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const title = rows[0].indexOf('title');
    expect(rows.map((r) => r[title])).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(rows.map((r) => r[title])).toContain(`'@SUM(A1)`);
    expect(rows[0]).not.toContain('Gender');
    const x = runCli(['export', 'participants', '--out', 'people.xlsx'], { cwd });
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(cwd, 'people.xlsx'));
    const ws = wb.worksheets[0];
    const values = ws.getColumn((ws.getRow(1).values as string[]).indexOf('title'))
      .values as unknown[];
    expect(values).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('filters by role and status, and hides sensitive attributes unless asked', () => {
    const j = JSON.parse(runCli(['participants', '--role', 'mentor', '--json'], { cwd }).stdout);
    expect(j.participants.map((p: { email: string }) => p.email)).toEqual(['m@example.com']);
    expect(j.participants[0].attributes.Gender).toBeUndefined();
    const withdrawn = JSON.parse(
      runCli(
        [
          'export',
          'participants',
          '--format',
          'json',
          '--status',
          'withdrawn',
          '--include-sensitive',
        ],
        { cwd },
      ).stdout,
    );
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0].attributes.Gender).toBe('male');
    const human = runCli(['participants'], { cwd });
    expect(human.stdout).toMatch(/2 participants: 1 mentors, 1 mentees/);
    expect(runCli(['participants', '--role', 'boss'], { cwd }).code).toBe(2);
  });

  it('refuses to overwrite a user file outside the program folder without --force', () => {
    const elsewhere = tempDir();
    try {
      const target = join(elsewhere, 'mine.csv');
      writeFileSync(target, 'precious');
      const r = runCli(['export', 'participants', '--out', target], { cwd });
      expect(r.code).toBe(2);
      expect(readFileSync(target, 'utf8')).toBe('precious');
      expect(runCli(['export', 'participants', '--out', target, '--force'], { cwd }).code).toBe(0);
    } finally {
      removeDir(elsewhere);
    }
  });
});
