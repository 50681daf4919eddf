import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readTable } from '../../src/io/ingest/read-table.js';
import {
  cellText,
  formatExcelDate,
  formatNumber,
  isDateFormat,
  serialToDate,
} from '../../src/io/formats/xlsx/cell.js';

const trap = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/traps/${name}`, import.meta.url));
const read = (name: string, opts = {}) => readTable(trap(name), { displayName: name, ...opts });

describe('readTable on XLSX traps', () => {
  it('title-rows.xlsx: merged title and blank rows skipped; every cell type as plain text', async () => {
    const t = await read('title-rows.xlsx');
    expect(t.sheet).toBe('Sign-ups');
    expect(t.headerRow).toBe(4);
    expect(t.headers).toEqual([
      'Email',
      'Name',
      'Joined',
      'Submitted',
      'Employee ID',
      'Score',
      'Trained',
      'Start serial',
    ]);
    expect(t.rows).toEqual([
      {
        line: 5,
        cells: [
          'ann@example.com',
          'Ann Lee',
          '2025-01-15',
          '2025-01-15T09:30:00',
          '123456789012',
          '0.3',
          'true',
          '2025-01-21',
        ],
      },
      { line: 6, cells: ['bob@example.com', 'Bob', '', '', '42', '', 'false', ''] },
      { line: 7, cells: ['cy@example.com', '', '', '', '00123', '', '', ''] },
    ]);
    expect(t.notes).toContain('header found on row 4');
    expect(t.notes.some((n) => n.startsWith('1 formula cell(s) had no saved result'))).toBe(true);
  });

  it('merged-cells.xlsx: header and data merges repeat the master value', async () => {
    const t = await read('merged-cells.xlsx');
    expect(t.headers).toEqual(['Email', 'Contact', 'Contact (2)', 'Department']);
    expect(t.rows.map((r) => [r.line, r.cells[3]])).toEqual([
      [2, 'Sales'],
      [3, 'Sales'],
      [4, 'Sales'],
    ]);
    expect(t.rows[0].cells[2]).toBe('+44 7700 900123');
  });

  it('multi-sheet.xlsx: skips hidden and table-less sheets, says which one it chose', async () => {
    const t = await read('multi-sheet.xlsx');
    expect(t.sheet).toBe('Form Responses 1');
    expect(t.rows).toEqual([
      { line: 2, cells: ['2025-02-03T14:05:09', 'dee@example.com', 'Mentee'] },
    ]);
    expect(t.notes).toContain('sheet "Form Responses 1" chosen');
  });

  it('--sheet: exact, then case-insensitive; hidden sheets allowed when asked for', async () => {
    expect((await read('multi-sheet.xlsx', { sheet: 'Mentors' })).rows[0].cells).toEqual([
      'eve@example.com',
      '2',
    ]);
    expect((await read('multi-sheet.xlsx', { sheet: 'mentors' })).sheet).toBe('Mentors');
    expect((await read('multi-sheet.xlsx', { sheet: 'Lists' })).rows).toEqual([
      { line: 2, cells: ['mentee'] },
    ]);
    await expect(read('multi-sheet.xlsx', { sheet: 'Instructions' })).rejects.toThrow(
      'has a header row but no data rows',
    );
  });

  it('SurveyMonkey layout in a workbook; trailing empty rows/columns ignored', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet');
    ws.addRow(['Respondent ID', 'Q1 Which city?', 'Q2 Pick topics', null]);
    ws.addRow([null, 'Response', 'Career', 'Skills']);
    ws.addRow([7, 'Lagos', 'Career', null]);
    ws.getCell('H30').numFmt = '0.00';
    const path = join(mkdtempSync(join(tmpdir(), 'io-xlsx-')), 'sm.xlsx');
    await wb.xlsx.writeFile(path);
    const t = await readTable(path);
    expect(t.headers).toEqual([
      'Respondent ID',
      'Q1 Which city?',
      'Q2 Pick topics - Career',
      'Q2 Pick topics - Skills',
    ]);
    expect(t.rows).toEqual([{ line: 3, cells: ['7', 'Lagos', 'Career', ''] }]);
    expect(t.file).toBe(path);
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    ['text', 'text'],
    [42, '42'],
    [447700900123, '447700900123'],
    [1e21, '1000000000000000000000'],
    [0.1 + 0.2, '0.3'],
    [true, 'true'],
    [false, 'false'],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    [new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)), '2024-03-01'],
    [new Date(Date.UTC(2024, 1, 29, 8, 5, 1)), '2024-02-29T08:05:01'],
    [new Date(Date.UTC(1899, 11, 30, 9, 30)), '09:30'],
    [{ formula: 'A1', result: 5 }, '5'],
    [{ sharedFormula: 'A1', result: 'x' }, 'x'],
    [{ formula: 'A1', result: new Date(Date.UTC(2025, 5, 1)) }, '2025-06-01'],
    [{ formula: 'NA()', result: { error: '#N/A' } }, ''],
    [{ error: '#N/A' }, ''],
    [{ richText: [{ text: 'Zoë ' }, { text: 'Ng' }] }, 'Zoë Ng'],
    [{ text: 'Site', hyperlink: 'https://example.com' }, 'Site'],
    [{ text: '', hyperlink: 'mailto:Ann@Example.com' }, 'Ann@Example.com'],
    [{ text: { richText: [{ text: 'rich link' }] }, hyperlink: 'https://x' }, 'rich link'],
  ])('%j -> %j', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  it('date serial numbers in a date-formatted cell become ISO dates (1900 and 1904 systems)', () => {
    expect(cellText(45678, { numFmt: 'dd/mm/yyyy' })).toBe('2025-01-21');
    expect(cellText(45678.5, { numFmt: 'm/d/yy h:mm' })).toBe('2025-01-21T12:00:00');
    expect(cellText(0, { numFmt: 'yyyy-mm-dd', date1904: true })).toBe('1904-01-01');
    expect(cellText(45678, { numFmt: '#,##0' })).toBe('45678');
  });

  it('formula without a cached result gives "" and reports it', () => {
    let missing = 0;
    expect(
      cellText(
        { formula: 'A1+1' },
        {
          onMissingResult: () => {
            missing++;
          },
        },
      ),
    ).toBe('');
    expect(missing).toBe(1);
  });

  it('helpers', () => {
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(isDateFormat('"Day "0')).toBe(false);
    expect(isDateFormat('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(formatNumber(-12.5)).toBe('-12.5');
    expect(formatExcelDate(serialToDate(1))).toBe('1899-12-31');
  });
});
