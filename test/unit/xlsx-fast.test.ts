import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeFastXlsx } from '../../src/io/formats/xlsx/fast-write.js';
import { crc32 } from '../../src/io/formats/xlsx/zip-write.js';

const columns = [
  { header: 'Name', width: 30 },
  { header: 'Meeting', type: 'integer' as const },
  { header: 'Date', type: 'date' as const },
  { header: 'Time', type: 'time' as const },
  { header: 'Note' },
];

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet('Meetings')!;
}

describe('writeFastXlsx', () => {
  it('reads back with exceljs: values, number formats, bold frozen header, filter, widths', async () => {
    const ws = await read(
      await writeFastXlsx('Meetings', columns, [
        ['Zoë <Ångström> & "Co"', 3, '2027-03-16', '09:30', '=HYPERLINK("http://evil.example")'],
        ['Tom', undefined, 'not a date', '', null],
      ]),
    );
    expect(ws.actualRowCount).toBe(3);
    expect(ws.getRow(1).values).toEqual([undefined, 'Name', 'Meeting', 'Date', 'Time', 'Note']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('Zoë <Ångström> & "Co"');
    expect(ws.getCell('B2').value).toBe(3);
    expect(ws.getCell('B2').numFmt).toBe('0');
    expect(ws.getCell('C2').value).toEqual(new Date('2027-03-16T00:00:00Z'));
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toEqual(new Date('1899-12-30T09:30:00Z'));
    expect(ws.getCell('D2').numFmt).toBe('hh:mm');
    expect(ws.getCell('E2').value).toBe('\'=HYPERLINK("http://evil.example")');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('C3').value).toBe('not a date');
    expect(ws.getCell('D3').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ws.autoFilter).toBe('A1:E3');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(12);
  });

  it('drops characters XML cannot hold and keeps identical input byte-identical', async () => {
    const rows = [['a\u0001b\u000Bc', 1, '2027-01-01', '00:00', 'x']];
    const a = await writeFastXlsx('Meetings', columns, rows);
    expect(Buffer.from(a).equals(Buffer.from(await writeFastXlsx('Meetings', columns, rows)))).toBe(
      true,
    );
    expect((await read(a)).getCell('A2').value).toBe('abc');
  });

  it('crc32 matches the IEEE check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
