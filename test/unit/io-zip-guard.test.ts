import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  mkdtempSync,
  readFileSync,
  writeFileSync,
  openSync,
  ftruncateSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { readTable } from '../../src/io/ingest/read-table.js';
import {
  checkZipSafety,
  formatBytes,
  listZipEntries,
} from '../../src/io/formats/xlsx/zip-guard.js';
import { InputError } from '../../src/errors.js';

import { buildZip } from '../helpers/fake-zip.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'io-zip-'));

async function refusal(buf: Buffer): Promise<string> {
  const path = join(tmp(), 'bomb.xlsx');
  writeFileSync(path, buf);
  try {
    await readTable(path, { displayName: 'bomb.xlsx' });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).toLine();
  }
  throw new Error('not refused');
}

describe('zip bomb guard', () => {
  it('refuses a sheet that declares 4.3 GB, before exceljs reads it', async () => {
    const body = deflateRawSync(Buffer.alloc(1024 * 1024));
    const line = await refusal(
      buildZip([
        { name: '[Content_Types].xml', body: Buffer.from('<x/>'), method: 0, declaredSize: 4 },
        { name: 'xl/worksheets/sheet1.xml', body, method: 8, declaredSize: 0xfffffffe },
      ]),
    );
    expect(line).toBe(
      'bomb.xlsx: is too large to read safely: sheet xl/worksheets/sheet1.xml expands to 4.3 GB. Delete unused rows, columns and sheets in Excel (or split the file) and save it again',
    );
  });

  it('refuses an extreme compression ratio above 50 MB', async () => {
    const line = await refusal(
      buildZip([
        {
          name: 'xl/sharedStrings.xml',
          body: Buffer.alloc(1000),
          method: 8,
          declaredSize: 60_000_000,
        },
      ]),
    );
    expect(line).toContain(
      'is too large to read safely: part xl/sharedStrings.xml expands to 60.0 MB',
    );
  });

  it('refuses many parts whose total exceeds 1 GiB', async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      body: Buffer.alloc(1_000_000),
      method: 8,
      declaredSize: 190_000_000,
    }));
    expect(await refusal(buildZip(parts))).toContain(
      'is too large to read safely: its parts expand to 1.1 GB',
    );
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const body = deflateRawSync(Buffer.alloc(2_000_000, 0x41));
    const line = await refusal(
      buildZip([{ name: 'xl/worksheets/sheet1.xml', body, method: 8, declaredSize: 100 }]),
    );
    expect(line).toContain(
      'sheet xl/worksheets/sheet1.xml expands to more than the 1 KB it declares',
    );
  });

  it('refuses a file over 200 MB on disk without reading it', async () => {
    const path = join(tmp(), 'huge.xlsx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 201 * 1024 * 1024); // sparse: costs no disk space
    closeSync(fd);
    await expect(readTable(path, { displayName: 'huge.xlsx' })).rejects.toThrow(
      'is too large to read safely (210.8 MB, limit 200.0 MB)',
    );
  });

  it('accepts a real workbook and lists its parts', () => {
    const buf = readFileSync(
      fileURLToPath(new URL('../../fixtures/traps/title-rows.xlsx', import.meta.url)),
    );
    expect(() => checkZipSafety(buf, 'title-rows.xlsx')).not.toThrow();
    expect(listZipEntries(buf).map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('formatBytes', () => {
    expect(formatBytes(4_294_967_294)).toBe('4.3 GB');
    expect(formatBytes(60_000_000)).toBe('60.0 MB');
    expect(formatBytes(100)).toBe('1 KB');
  });
});
