/**
 * Limits on what a workbook may make exceljs build, checked on the inflated XML before exceljs
 * sees it (zip-guard.ts has already checked the zip itself). exceljs turns every merged cell and
 * every `<c>` into objects of a few hundred bytes: a 2 KB workbook with
 * `<mergeCell ref="A4:XFD1048576"/>` ran the heap out, four 45 MB sheets took 3 GB, and 60,000
 * tiny entries took 93 s. Merged ranges are clipped to the sheet's used range (a title merged
 * across whole columns is common and harmless); everything else over a limit is refused in one line.
 */

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { InputError } from '../../../errors.js';
import { formatBytes, listZipEntries, type ZipEntry } from './zip-guard.js';
import { writeZip } from './zip-write.js';

/** Generous for sign-up workbooks (100,000 rows of 15 columns fit), small enough to stay < 1 GB. */
export const WORKBOOK_LIMITS = {
  maxXmlBytes: 96 * 1024 * 1024,
  maxCells: 1_500_000,
  maxSharedStrings: 2_000_000,
  maxMergedCells: 200_000,
  maxColumn: 16_384,
};

const HINT_CSV =
  'Save the sheet as CSV (File > Save As > CSV UTF-8) and import that, or delete unused rows and sheets';

/** The column number of Excel letters (A -> 1, XFD -> 16384). */
function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function inflate(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + e.compressedSize);
  return e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

const CELL_REF = /<c\b[^>]*?\br="([A-Z]{1,4})(\d{1,8})"/g;
const MERGE = /<mergeCell\b[^>]*?\bref="([A-Z]{1,4})(\d{1,8})(?::([A-Z]{1,4})(\d{1,8}))?"[^>]*>/g;

/**
 * The sheet XML with its merged ranges clipped to the used range (the cells that hold something),
 * or undefined when nothing needed clipping; throws when the merged area stays too big.
 */
function clipMerges(xml: string, file: string, sheet: string): string | undefined {
  if (xml.indexOf('<mergeCell') === -1) return undefined;
  let maxRow = 0;
  let maxCol = 0;
  for (const m of xml.matchAll(CELL_REF)) {
    // A cell element with no value (style only) does not make the range "used".
    const end = xml.indexOf('>', m.index);
    if (xml.charCodeAt(end - 1) === 0x2f /* "/" */) continue;
    maxRow = Math.max(maxRow, Number(m[2]));
    maxCol = Math.max(maxCol, colNumber(m[1]));
  }
  let changed = false;
  let area = 0;
  const out = xml.replace(MERGE, (whole, c1: string, r1: string, c2?: string, r2?: string) => {
    const top = Number(r1);
    const left = colNumber(c1);
    const bottom = Math.min(Number(r2 ?? r1), maxRow);
    const right = Math.min(colNumber(c2 ?? c1), maxCol);
    if (bottom !== Number(r2 ?? r1) || right !== colNumber(c2 ?? c1)) changed = true;
    if (top > bottom || left > right || (top === bottom && left === right)) {
      changed = true;
      return '';
    }
    area += (bottom - top + 1) * (right - left + 1);
    return `<mergeCell ref="${c1}${r1}:${colLetters(right)}${bottom}"/>`;
  });
  if (area > WORKBOOK_LIMITS.maxMergedCells)
    throw new InputError(
      `is too large to read safely: sheet ${sheet} merges ${area} cells within its data`,
      { file },
      'Unmerge the cells (Home > Merge & Center > Unmerge Cells) and save it again',
    );
  return changed ? out : undefined;
}

/**
 * Checks the workbook's parts against WORKBOOK_LIMITS and returns the bytes exceljs may load: the
 * same buffer, or a rebuilt one whose merged ranges were clipped to the used range.
 */
export function tameWorkbook(buf: Buffer, file: string): Buffer {
  const entries = listZipEntries(buf);
  const L = WORKBOOK_LIMITS;
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > L.maxXmlBytes)
    throw new InputError(
      `is too large to read safely: its sheets expand to ${formatBytes(total)} (limit ${formatBytes(L.maxXmlBytes)})`,
      { file },
      HINT_CSV,
    );
  const replaced = new Map<string, Buffer>();
  let cells = 0;
  for (const e of entries) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    if (!isSheet && e.name !== 'xl/sharedStrings.xml') continue;
    const xml = inflate(buf, e).toString('utf8');
    if (!isSheet) {
      const strings = countOf(xml, '<si>') + countOf(xml, '<si ');
      if (strings > L.maxSharedStrings)
        throw new InputError(
          `is too large to read safely: it holds ${strings} distinct texts (limit ${L.maxSharedStrings})`,
          { file },
          HINT_CSV,
        );
      continue;
    }
    const sheet = e.name.slice('xl/worksheets/'.length);
    cells += countOf(xml, '<c ') + countOf(xml, '<c>');
    if (cells > L.maxCells)
      throw new InputError(
        `is too large to read safely: it holds more than ${L.maxCells} cells`,
        { file },
        HINT_CSV,
      );
    const wide = /<c\b[^>]*?\br="([A-Z]{4,})\d+"/.exec(xml);
    if (wide && colNumber(wide[1]) > L.maxColumn)
      throw new InputError(
        `is not a valid Excel file: sheet ${sheet} has a cell in column ${wide[1]}, past Excel's last column XFD`,
        { file },
        'Open it in Excel and Save As .xlsx',
      );
    const clipped = clipMerges(xml, file, sheet);
    if (clipped !== undefined) replaced.set(e.name, Buffer.from(clipped, 'utf8'));
  }
  if (!replaced.size) return buf;
  return Buffer.from(
    writeZip(
      entries.map((e) => {
        const data = replaced.get(e.name) ?? inflate(buf, e);
        return { name: e.name, data, compressed: deflateRawSync(data) };
      }),
    ),
  );
}
