/** Workbook memory bombs (issue 10, item 2), built here from a real exceljs workbook. */

import { describe, it, expect } from 'vitest';
import { inflateRawSync, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { listZipEntries } from '../../src/io/formats/xlsx/zip-guard.js';
import { writeZip } from '../../src/io/formats/xlsx/zip-write.js';
import { tameWorkbook, WORKBOOK_LIMITS } from '../../src/io/formats/xlsx/workbook-guard.js';
import { checkZipSafety } from '../../src/io/formats/xlsx/zip-guard.js';
import { readXlsxBuffer } from '../../src/io/formats/xlsx/read.js';
import { buildZip } from '../helpers/fake-zip.js';
import { type InputError } from '../../src/errors.js';

async function baseWorkbook(title = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (title) ws.addRow(['Spring sign-ups']);
  ws.addRow(['Email', 'Name', 'Role']);
  ws.addRow(['a@x.org', 'Ann', 'mentor']);
  ws.addRow(['b@x.org', 'Bo', 'mentee']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with its first sheet's XML passed through `patch`. */
async function patched(patch: (xml: string) => string, title = false): Promise<Buffer> {
  const buf = await baseWorkbook(title);
  const entries = listZipEntries(buf).map((e) => {
    const p = e.localOffset;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    let data = e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (e.name === 'xl/worksheets/sheet1.xml') data = Buffer.from(patch(data.toString('utf8')));
    return { name: e.name, data, compressed: deflateRawSync(data) };
  });
  return Buffer.from(writeZip(entries));
}

const withMerge = (ref: string) => (xml: string) =>
  xml.replace(
    '</sheetData>',
    `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`,
  );

async function load(buf: Buffer) {
  checkZipSafety(buf, 'w.xlsx');
  return readXlsxBuffer(tameWorkbook(buf, 'w.xlsx'), 'w.xlsx');
}

function lineOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as InputError).toLine();
  }
  return 'no error';
}

describe('workbook bombs', () => {
  it.each(['A4:XFD1048576', 'D1:D1048576', 'A3:XFD1048576'])(
    'a merged range %s is clipped to the used range: read in bounded time and memory',
    async (ref) => {
      const t0 = Date.now();
      const before = process.memoryUsage().rss;
      const t = await load(await patched(withMerge(ref)));
      expect(t.headers).toEqual(['Email', 'Name', 'Role']);
      expect(t.rows.map((r) => r.cells[0])).toEqual(['a@x.org', 'b@x.org']);
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(process.memoryUsage().rss - before).toBeLessThan(300 << 20);
    },
  );

  it('a title merged across every column is clipped, and still read as a title row', async () => {
    const buf = await patched(withMerge('A1:XFD1'), true);
    const tamed = tameWorkbook(buf, 'w.xlsx');
    expect(tamed.equals(buf)).toBe(false);
    const t = await load(buf);
    expect(t.headerRow).toBe(2);
    expect(t.headers).toEqual(['Email', 'Name', 'Role']);
    expect(t.rows).toHaveLength(2);
  });

  it('a zip of 60,000 tiny entries is refused in one line, quickly', () => {
    const entries = Array.from({ length: 60_000 }, (_, i) => ({
      name: `x/${i}.xml`,
      body: Buffer.from('<a/>'),
      method: 0,
      declaredSize: 4,
    }));
    const zip = buildZip(entries);
    const t0 = Date.now();
    expect(lineOf(() => checkZipSafety(zip, 'many.xlsx'))).toMatch(
      /^many\.xlsx: is too large to read safely: it holds 60000 parts/,
    );
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('a sheet of more cells than the limit is refused before exceljs builds them', async () => {
    expect(WORKBOOK_LIMITS.maxCells).toBe(1_500_000);
    const cells = Array.from({ length: 2_000 }, (_, i) => `<c r="A${i + 4}"><v>1</v></c>`);
    const buf = await patched((xml) =>
      xml.replace('</sheetData>', `<row r="4">${cells.join('')}</row></sheetData>`),
    );
    // The limit lowered for the test (building 1.5 million cells would take seconds).
    WORKBOOK_LIMITS.maxCells = 1_000;
    try {
      expect(lineOf(() => tameWorkbook(buf, 'huge.xlsx'))).toMatch(
        /^huge\.xlsx: is too large to read safely: it holds more than 1000 cells\. Save the sheet as CSV/,
      );
    } finally {
      WORKBOOK_LIMITS.maxCells = 1_500_000;
    }
  });

  it('a cell past column XFD is refused', async () => {
    const buf = await patched((xml) =>
      xml.replace('</sheetData>', '<row r="9"><c r="ZZZZ9"><v>1</v></c></row></sheetData>'),
    );
    expect(lineOf(() => tameWorkbook(buf, 'w.xlsx'))).toMatch(
      /column ZZZZ, past Excel's last column/,
    );
  });

  it('too many merged cells inside the data are refused', async () => {
    const rows = Array.from(
      { length: 700 },
      (_, i) => `<row r="${i + 4}"><c r="KZ${i + 4}"><v>1</v></c></row>`,
    );
    const buf = await patched((xml) =>
      withMerge('A4:KZ703')(xml.replace('</sheetData>', `${rows.join('')}</sheetData>`)),
    );
    expect(lineOf(() => tameWorkbook(buf, 'w.xlsx'))).toMatch(
      /merges 218400 cells within its data/,
    );
  });
});
