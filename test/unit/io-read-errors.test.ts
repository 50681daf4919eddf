import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../src/io/ingest/read-table.js';
import { InputError } from '../../src/errors.js';

const trap = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/traps/${name}`, import.meta.url));

async function failure(name: string, path = trap(name), opts = {}): Promise<InputError> {
  try {
    await readTable(path, { displayName: name, ...opts });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error(`${name} was read without error`);
}

describe('readTable refuses bad input with one actionable line', () => {
  it.each([
    [
      'empty.csv',
      'empty.csv: is empty. Export the data again with a header row and at least one data row',
    ],
    [
      'whitespace-only.csv',
      'whitespace-only.csv: is empty. Export the data again with a header row and at least one data row',
    ],
    [
      'header-only.csv',
      'header-only.csv, row 1: has a header row but no data rows. Add the participants below the header row, or check that you exported the right sheet',
    ],
    [
      'unbalanced-quotes.csv',
      'unbalanced-quotes.csv, row 3: has a value with an unbalanced double quote. A value starting with a double quote has no closing quote; close it or remove it',
    ],
    [
      'binary-junk.csv',
      'binary-junk.csv: is not a text or Excel file. Export the data as CSV (comma-separated) or Excel .xlsx and try again',
    ],
    [
      'binary-junk.xlsx',
      'binary-junk.xlsx: is not a valid Excel file. Open it in Excel and Save As .xlsx',
    ],
    [
      'truncated.xlsx',
      'truncated.xlsx: is damaged or incomplete (could not read the zip). Open it in Excel and Save As .xlsx',
    ],
    [
      'header-only.xlsx',
      'header-only.xlsx, sheet "Sheet1", row 1: has a header row but no data rows. Add the participants below the header row, or check that you exported the right sheet',
    ],
  ])('%s', async (name, line) => {
    const err = await failure(name);
    expect(err.toLine()).toBe(line);
    expect(err.location.file).toBe(name);
  });

  it('unbalanced quote in the middle of a file points at the row where the quote opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-read-'));
    const path = join(dir, 'mid.csv');
    writeFileSync(
      path,
      'Email,Name,Goals\na@x.org,Ann,ok\nb@x.org,Bob,"opens here\nc@x.org,Cy,ok\nd@x.org,Di,"quoted" text\ne@x.org,Ed,ok\n',
    );
    const err = await failure('mid.csv', path);
    expect(err.location.row).toBe(3);
    expect(err.hint).toContain('no closing quote');
  });

  it('unknown --sheet lists the sheet names', async () => {
    const err = await failure('multi-sheet.xlsx', trap('multi-sheet.xlsx'), { sheet: 'Nope' });
    expect(err.toLine()).toBe(
      'multi-sheet.xlsx: has no sheet named "Nope". Use --sheet with one of: "Lists", "Instructions", "Form Responses 1", "Mentors", "Empty"',
    );
  });

  it('missing file and folder', async () => {
    expect((await failure('nope.csv', '/definitely/not/here.csv')).toLine()).toBe(
      'nope.csv: does not exist. Check the file name and folder',
    );
    const dir = mkdtempSync(join(tmpdir(), 'io-read-'));
    mkdirSync(join(dir, 'x.csv'));
    expect((await failure('x.csv', join(dir, 'x.csv'))).message).toBe('is a folder, not a file');
  });

  it('old binary .xls is refused with the Save As hint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-read-'));
    const path = join(dir, 'old.xls');
    writeFileSync(path, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    const err = await failure('old.xls', path);
    expect(err.message).toContain('is not a valid Excel file');
    expect(err.hint).toBe('Open it in Excel and Save As .xlsx');
  });
});
