import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, saveWorkbook, type SheetSpec } from '../../src/io/formats/xlsx/write.js';

const spec: SheetSpec = {
  name: 'Participants',
  columns: [
    { header: 'Email', key: 'email' },
    { header: 'Joined', key: 'joined', type: 'date' },
    { header: 'Submitted', key: 'submitted', type: 'datetime' },
    { header: 'Rate', key: 'rate', type: 'percent' },
    { header: 'Level', key: 'level', type: 'integer' },
    { header: 'Trained', key: 'trained', type: 'boolean' },
    { header: 'Topics', key: 'topics' },
    { header: 'Score', key: 'score', type: 'number', numFmt: '0.0' },
  ],
  rows: [
    {
      email: '=cmd()',
      joined: '2025-01-15',
      submitted: '2025-01-15T09:30',
      rate: 0.25,
      level: '3',
      trained: true,
      topics: ['leadership', 'career'],
      score: 4.25,
    },
    {
      email: 'bob@example.com',
      joined: new Date(Date.UTC(2025, 1, 1)),
      submitted: null,
      rate: 1,
      level: 5,
      trained: false,
      topics: [],
      score: '-5',
    },
    { email: '@SUM(A1)', joined: 'not a date', rate: 'n/a', level: 2 },
  ],
};

async function roundTrip(sheets: SheetSpec[]): Promise<ExcelJS.Workbook> {
  const dir = mkdtempSync(join(tmpdir(), 'io-write-'));
  const path = join(dir, 'out.xlsx');
  await saveWorkbook(buildWorkbook(sheets), path);
  expect(readdirSync(dir)).toEqual(['out.xlsx']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('buildWorkbook + saveWorkbook', () => {
  it('bold frozen header, autofilter, real dates, formats, neutralised text', async () => {
    const ws = (await roundTrip([spec])).getWorksheet('Participants')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Email');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:H1');
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe("'=cmd()");
    expect(r2.getCell(2).value).toEqual(new Date(Date.UTC(2025, 0, 15)));
    expect(r2.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(r2.getCell(3).value).toEqual(new Date(Date.UTC(2025, 0, 15, 9, 30)));
    expect(r2.getCell(4).value).toBe(0.25);
    expect(r2.getCell(4).numFmt).toBe('0.0%');
    expect(r2.getCell(5).value).toBe(3);
    expect(r2.getCell(6).value).toBe(true);
    expect(r2.getCell(7).value).toBe('leadership; career');
    expect(r2.getCell(8).numFmt).toBe('0.0');
    const r3 = ws.getRow(3);
    expect(r3.getCell(2).value).toEqual(new Date(Date.UTC(2025, 1, 1)));
    expect(r3.getCell(3).value).toBeNull();
    expect(r3.getCell(8).value).toBe(-5);
    const r4 = ws.getRow(4);
    expect(r4.getCell(1).value).toBe("'@SUM(A1)");
    expect(r4.getCell(2).value).toBe('not a date');
    expect(r4.getCell(4).value).toBe('n/a');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(17);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(60);
  });

  it('title line puts the header on row 2; freeze and filter can be turned off; sheet names made safe', async () => {
    const wb = await roundTrip([
      { ...spec, name: 'KPIs: Q1/Q2', title: 'Program KPIs' },
      { ...spec, name: 'Raw', freezeHeader: false, autoFilter: false },
    ]);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('KPIs  Q1 Q2');
    expect(ws.getCell('A1').value).toBe('Program KPIs');
    expect(ws.getCell('A2').value).toBe('Email');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:H2');
    const raw = wb.getWorksheet('Raw')!;
    expect((raw.views ?? []).some((v) => v.state === 'frozen')).toBe(false);
    expect(raw.autoFilter).toBeUndefined();
  });

  it('long text widths are capped at 60', async () => {
    const ws = (
      await roundTrip([
        { name: 'S', columns: [{ header: 'Goals', key: 'g' }], rows: [{ g: 'x'.repeat(500) }] },
      ])
    ).worksheets[0];
    expect(ws.getColumn(1).width).toBe(60);
  });
});
