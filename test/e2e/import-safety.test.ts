import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { CLI, runCli, tempDir, removeDir, type CliResult } from '../helpers/cli.js';
import { buildZip } from '../helpers/fake-zip.js';

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

const roster = () => readFileSync(join(cwd, '.mentor', 'participants.json'), 'utf8');
const emails = () => (JSON.parse(roster()).data as Array<{ email: string }>).map((p) => p.email);
const write = (name: string, text: string | Buffer) => {
  writeFileSync(join(cwd, name), text);
  return name;
};
const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');

/** Spawns the CLI without waiting, so that several can run at once. */
function runCliAsync(args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', TZ: 'UTC', CI: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('concurrent imports', () => {
  it('four imports of distinct files at once keep every person', async () => {
    const files = [0, 1, 2, 3].map((f) =>
      write(
        `f${f}.csv`,
        [
          'Email,Name,Role',
          ...Array.from(
            { length: 3000 },
            (_, i) => `p${f}-${i}@example.com,Person ${f}-${i},${i % 2 ? 'mentee' : 'mentor'}`,
          ),
        ].join('\n') + '\n',
      ),
    );
    const results = await Promise.all(files.map((f) => runCliAsync(['import', f])));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const all = emails();
    expect(all).toHaveLength(12_000);
    expect(new Set(all).size).toBe(12_000);
    expect(all).toContain('p3-2999@example.com');
  }, 120_000);
});

describe('--rejected FILE', () => {
  const bad = 'Email,Name,Role\r\nok@example.com,Ok,mentor\r\nbroken@,Bad,mentee\r\n';

  it("refuses to overwrite the user's own file without --force, and writes nothing", () => {
    const file = write('in.csv', bad);
    const mine = join(cwd, '..', `${cwd.split('/').pop()}-mine.csv`);
    writeFileSync(mine, 'my precious notes\n');
    try {
      const r = runCli(['import', file, '--rejected', mine], { cwd });
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([
        `error: ${mine} already exists. Add --force to overwrite it, or choose another --out`,
      ]);
      expect(readFileSync(mine, 'utf8')).toBe('my precious notes\n');
      expect(() => roster()).toThrow();
      const forced = runCli(['import', file, '--rejected', mine, '--force'], { cwd });
      expect(forced.code).toBe(1);
      expect(readFileSync(mine, 'utf8')).toContain('broken@');
      expect(emails()).toEqual(['ok@example.com']);
    } finally {
      removeDir(mine);
    }
  });

  it('regenerates rejected.csv inside the program folder freely', () => {
    const file = write('in.csv', bad);
    write('rejected.csv', 'old\n');
    expect(runCli(['import', file], { cwd }).code).toBe(1);
    expect(readFileSync(join(cwd, 'rejected.csv'), 'utf8')).toContain('broken@');
  });
});

describe('files that are not what their name says', () => {
  const MESSAGE =
    'is not an Excel workbook (it contains plain text). Open it in Excel and Save As .xlsx, or rename it .csv if it is a CSV';

  it('a prose letter renamed .xlsx', () => {
    write('letter.xlsx', 'Dear team,\nPlease find the sign-ups attached. Thanks, Jo\n');
    const r = runCli(['import', 'letter.xlsx'], { cwd });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`error: letter.xlsx ${MESSAGE}`]);
  });

  it('a one-line note renamed .xlsx', () => {
    write('note.xlsx', 'Dear team\n\nThe list follows next week.\n');
    const r = runCli(['import', 'note.xlsx'], { cwd });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`error: note.xlsx ${MESSAGE}`]);
  });

  it('a real CSV renamed .xlsx is still imported', () => {
    write('people.xlsx', 'Email,Name,Role\r\nli@example.com,Li,mentor\r\n');
    expect(runCli(['import', 'people.xlsx'], { cwd }).code).toBe(0);
    expect(emails()).toEqual(['li@example.com']);
  });
});

describe('control characters', () => {
  it('warns about removed NUL characters, naming the file and the first row', () => {
    write(
      'nul.csv',
      'Email,Name,Role\r\nana@example.com,Ana,mentor\r\nbo@example.com,B\0\0o\0,mentee\r\n',
    );
    const r = runCli(['import', 'nul.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: nul.csv, row 3: removed 3 NUL character(s) (the file may have been saved by a program that pads text)',
    );
    expect(JSON.parse(roster()).data[1].name).toBe('Bo');
    const json = JSON.parse(runCli(['import', 'nul.csv', '--json'], { cwd }).stdout);
    expect(json.warnings).toContainEqual(
      expect.objectContaining({ code: 'nul-removed', file: 'nul.csv', row: 3 }),
    );
  });

  // Needs the roster change in the report: control characters in single-line fields become spaces
  // (src/core/roster/build-row.ts).
  it('turns CR/LF inside a name into a space, so an export keeps one line per person', () => {
    write(
      'crlf.csv',
      'Email,Name,Role,Department\r\nm@example.com,"@Mallory\r\nATTENDEE:evil@example.com",mentee,"Sales\nEMEA"\r\n',
    );
    expect(runCli(['import', 'crlf.csv'], { cwd }).code).toBe(0);
    const [person] = JSON.parse(roster()).data;
    expect(person.name).toBe('@Mallory ATTENDEE:evil@example.com');
    expect(person.department).toBe('Sales EMEA');
    const csv = runCli(['export', 'participants', '--format', 'csv'], { cwd }).stdout;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
  });
});

describe('warnings are about this import only', () => {
  it('a preference naming an unknown person is warned once, not on every later import', () => {
    write('a.csv', 'Email,Name,Role,Preferred\r\nana@example.com,Ana,mentee,ghost@example.com\r\n');
    write('b.csv', 'Email,Name,Role\r\nbo@example.com,Bo,mentor\r\n');
    const first = runCli(['import', 'a.csv', '--map', 'Preferred=preferences'], { cwd });
    expect(first.stderr).toContain(
      'ana@example.com prefers ghost@example.com, who is not in the roster',
    );
    const second = runCli(['import', 'b.csv', '--json'], { cwd });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('ghost@example.com');
    expect(JSON.parse(second.stdout).warnings).toEqual([]);
    expect(emails()).toEqual(['ana@example.com', 'bo@example.com']);
  });
});

/** A zip whose sheet declares 4.3 GB when inflated. */
function zipBomb(): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', body: Buffer.from('<x/>'), method: 0, declaredSize: 4 },
    {
      name: 'xl/worksheets/sheet1.xml',
      body: deflateRawSync(Buffer.alloc(1024 * 1024)),
      method: 8,
      declaredSize: 0xfffffffe,
    },
  ]);
}

describe('damaged workbooks: one line, exit 2, roster untouched', () => {
  beforeEach(() => {
    write('good.csv', 'Email,Name,Role\r\nli@example.com,Li,mentor\r\n');
    expect(runCli(['import', 'good.csv'], { cwd }).code).toBe(0);
  });

  it('refuses a zip bomb before inflating it', () => {
    const before = roster();
    write('bomb.xlsx', zipBomb());
    const r = runCli(['import', 'bomb.xlsx'], { cwd, timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'error: bomb.xlsx: is too large to read safely: sheet xl/worksheets/sheet1.xml expands to 4.3 GB. Delete unused rows, columns and sheets in Excel (or split the file) and save it again',
    ]);
    expect(r.stdout).toBe('');
    expect(roster()).toBe(before);
  });

  it('refuses a workbook cut in half', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sign-ups');
    ws.addRow(['Email', 'Name', 'Role']);
    for (let i = 0; i < 500; i++) ws.addRow([`p${i}@example.com`, `Person ${i}`, 'mentee']);
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    const before = roster();
    write('cut.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    const r = runCli(['import', 'cut.xlsx'], { cwd });
    expect(r.code).toBe(2);
    const err = lines(r.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^error: cut\.xlsx: is damaged or incomplete/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(roster()).toBe(before);
  });
});

describe('rejected.csv round trip keeps its shape', () => {
  it('parses as CSV with the reason column', () => {
    write('in.csv', 'Email,Name,Role\r\nbroken@,Bad,mentee\r\n');
    expect(runCli(['import', 'in.csv'], { cwd }).code).toBe(1);
    const rows = Papa.parse<string[]>(
      readFileSync(join(cwd, 'rejected.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(rows[0]).toEqual([
      'Email',
      'Name',
      'Role',
      'Rejection reason',
      'Source file',
      'Source row',
      'Submitted at',
      'Source form',
      'Source key',
      'Listed at',
    ]);
  });
});
