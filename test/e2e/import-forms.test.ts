import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';

let cwd: string;
beforeEach(() => {
  cwd = tempDir();
  const init = ['init', '.', '--start', '2027-01-11', '--end', '2027-06-25'];
  expect(runCli([...init, '--timezone', 'Europe/London'], { cwd }).code).toBe(0);
});
afterEach(() => removeDir(cwd));

interface Person {
  email: string;
  topics: string[];
  goals?: string;
  capacity?: number;
  preferences: string[];
  avoid: string[];
}
const people = (): Person[] =>
  JSON.parse(readFileSync(join(cwd, '.mentor', 'participants.json'), 'utf8')).data;
const byEmail = (email: string) => people().find((p) => p.email === email)!;
const write = (name: string, lines: string[]) => {
  writeFileSync(join(cwd, name), lines.join('\r\n') + '\r\n');
  return name;
};

async function workbook(name: string, sheets: Array<[string, string[][]]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of sheets) wb.addWorksheet(sheet).addRows(rows);
  await wb.xlsx.writeFile(join(cwd, name));
  return name;
}

describe('forms that ask mentors and mentees different questions', () => {
  it('maps each pair to one field per role, warns when a row fills both, shows the mapping', () => {
    const file = write('form.csv', [
      'Email,Your name,Role,What can you help with? (mentors),What would you like help with? (mentees),How many mentees can you take on? (mentors),Chars in name,Office',
      'ana@x.org,Ana Ruiz,Mentor,"Python, SQL",,3,8,Madrid',
      'bo@x.org,Bo Li,Mentee,,Design,,5,Paris',
      'cy@x.org,Cy Diaz,Mentee,Leadership,Hiring,,7,',
    ]);
    const r = runCli(['import', file], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Columns of form.csv:');
    expect(r.stdout).toContain(
      'asked per role: "What can you help with? (mentors)" -> topics (mentors), ' +
        '"What would you like help with? (mentees)" -> topics (mentees), ' +
        '"How many mentees can you take on? (mentors)" -> capacity (mentors)',
    );
    expect(r.stdout).toContain('not mapped, kept as attributes: "Chars in name", "Office"');
    // Every other column is named outright ("Your name" included): nothing to check by hand.
    expect(r.stdout).not.toContain('mapped by a guess');
    expect(r.stderr).toContain('form.csv, row 4, column "What can you help with? (mentors)"');
    expect(r.stderr).toContain("this mentee answered both roles' questions");
    expect(byEmail('ana@x.org').topics).toEqual(['Python', 'SQL']);
    expect(byEmail('ana@x.org').capacity).toBe(3);
    expect(byEmail('bo@x.org').topics).toEqual(['Design']);
    expect(byEmail('cy@x.org').topics).toEqual(['Hiring']);
  });

  it('resolves preferences written as names or "Name (email)" across files', () => {
    const mentees = write('mentees.csv', [
      'Email,Name,Role,Who would you like as a mentor?,"Is there anyone you\'d rather not be paired with?"',
      'bo@x.org,Bo Li,Mentee,linda chen,no preference',
      'cy@x.org,Cy Diaz,Mentee,Ana Ruiz (ana@x.org),Linda Chén',
      'di@x.org,Di Wu,Mentee,Nobody Here,-',
    ]);
    const mentors = write('mentors.csv', [
      'Email,Name,Role',
      'linda@x.org,Linda Chen,Mentor',
      'ana@x.org,Ana Ruiz,Mentor',
    ]);
    const r = runCli(['import', mentees, mentors, '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(byEmail('bo@x.org').preferences).toEqual(['linda@x.org']);
    expect(byEmail('bo@x.org').avoid).toEqual([]);
    expect(byEmail('cy@x.org').preferences).toEqual(['ana@x.org']);
    expect(byEmail('cy@x.org').avoid).toEqual(['linda@x.org']);
    const out = JSON.parse(r.stdout);
    expect(out.attention.map((a: { email: string; code: string }) => [a.email, a.code])).toEqual([
      ['di@x.org', 'preference-name-unknown'],
    ]);
    expect(r.stderr).not.toContain('is not an email');
  });
});

describe('sheet choice without --sheet', () => {
  it('passes over an instructions sheet and takes the sheet that holds the roster', async () => {
    const file = await workbook('signups.xlsx', [
      ['Instructions', [['How to fill in this form'], ['Step 1', 'Open the link']]],
      [
        'Small',
        [
          ['Email', 'Name', 'Role'],
          ['zed@x.org', 'Zed', 'mentor'],
        ],
      ],
      [
        'Responses',
        [
          ['Email', 'Name', 'Role'],
          ['ana@x.org', 'Ana', 'mentor'],
          ['bo@x.org', 'Bo', 'mentee'],
        ],
      ],
    ]);
    const r = runCli(['import', file], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('signups.xlsx: sheet "Responses" chosen');
    expect(people().map((p) => p.email)).toEqual(['ana@x.org', 'bo@x.org']);
  });

  it('lists every sheet when none holds email and name', async () => {
    const file = await workbook('notes.xlsx', [
      ['Read me', [['Hello'], ['This is a note']]],
      [
        'Budget',
        [
          ['Item', 'Cost'],
          ['Pizza', '40'],
        ],
      ],
    ]);
    const r = runCli(['import', file], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no sheet has a header with email and name columns');
    expect(r.stderr).toContain('"Read me", "Budget"');
    expect(r.stderr).toContain('--sheet');
  });
});
