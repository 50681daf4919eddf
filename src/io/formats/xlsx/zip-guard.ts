/** Zip bomb guard for .xlsx: reads the zip central directory before exceljs inflates anything. */

import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../../errors.js';

/** Limits: a real participant workbook is a few MB; these leave a wide margin. */
export const ZIP_LIMITS = {
  maxFileBytes: 200_000_000,
  maxTotalUncompressed: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 50_000_000,
  /** A workbook has a few dozen parts; 60,000 tiny ones took exceljs 93 s. */
  maxEntries: 2_000,
};

/** One file inside the zip as the central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const HINT_DAMAGED = 'Open it in Excel and Save As .xlsx';
const HINT_LARGE =
  'Delete unused rows, columns and sheets in Excel (or split the file) and save it again';

class ZipFormatError extends Error {}

/** Human size: "4.3 GB", "120.5 MB". */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.ceil(n / 1e3)} KB`;
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw new ZipFormatError('no end of central directory');
}

/** Lists the entries from the central directory (ZIP64 aware); throws on a cut or malformed zip. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw new ZipFormatError('too short');
  const eocd = findEocd(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (
    (count === 0xffff || cdOffset === 0xffffffff) &&
    eocd >= 20 &&
    buf.readUInt32LE(eocd - 20) === 0x07064b50
  ) {
    const z64 = Number(buf.readBigUInt64LE(eocd - 12));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50)
      throw new ZipFormatError('bad zip64 record');
    count = Number(buf.readBigUInt64LE(z64 + 32));
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new ZipFormatError('bad central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    readZip64Extra(buf, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * ZIP64 extra field (id 1): 8-byte values, present only for fields stored as 0xFFFFFFFF, in this
 * order.
 */
function readZip64Extra(buf: Buffer, start: number, len: number, e: ZipEntry): void {
  for (let q = start; q + 4 <= start + len;) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      if (e.uncompressedSize === 0xffffffff) {
        e.uncompressedSize = Number(buf.readBigUInt64LE(r));
        r += 8;
      }
      if (e.compressedSize === 0xffffffff) {
        e.compressedSize = Number(buf.readBigUInt64LE(r));
        r += 8;
      }
      if (e.localOffset === 0xffffffff) e.localOffset = Number(buf.readBigUInt64LE(r));
    }
    q += 4 + size;
  }
}

function describe(name: string): string {
  return name.startsWith('xl/worksheets/') ? `sheet ${name}` : `part ${name}`;
}

/**
 * Checks that inflating an entry gives no more than it declares (a lying header is the classic
 * bomb).
 */
function verifyEntry(buf: Buffer, e: ZipEntry, file: string): void {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50)
    throw new ZipFormatError('bad local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new ZipFormatError('entry cut');
  if (e.method !== 8) return;
  let out: Buffer;
  try {
    out = inflateRawSync(buf.subarray(start, start + e.compressedSize), {
      maxOutputLength: Math.max(1, e.uncompressedSize),
    });
  } catch (err) {
    if (err instanceof RangeError) {
      throw new InputError(
        `is too large to read safely: ${describe(e.name)} expands to more than the ${formatBytes(e.uncompressedSize)} it declares`,
        { file },
        HINT_DAMAGED,
      );
    }
    throw new ZipFormatError('bad deflate data');
  }
  if (out.length !== e.uncompressedSize) throw new ZipFormatError('size mismatch');
}

/** Throws InputError when `buf` is not a readable zip or would expand beyond the limits. */
export function checkZipSafety(buf: Buffer, file: string): void {
  if (buf.length > ZIP_LIMITS.maxFileBytes) {
    throw new InputError(
      `is too large to read safely (${formatBytes(buf.length)} on disk, limit ${formatBytes(ZIP_LIMITS.maxFileBytes)})`,
      { file },
      HINT_LARGE,
    );
  }
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(buf);
  } catch {
    throw new InputError(
      'is damaged or incomplete (could not read the zip)',
      { file },
      HINT_DAMAGED,
    );
  }
  if (entries.length > ZIP_LIMITS.maxEntries)
    throw new InputError(
      `is too large to read safely: it holds ${entries.length} parts (a workbook has a few dozen; limit ${ZIP_LIMITS.maxEntries})`,
      { file },
      HINT_LARGE,
    );
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (
      e.uncompressedSize > ZIP_LIMITS.maxTotalUncompressed ||
      (ratio > ZIP_LIMITS.maxRatio && e.uncompressedSize > ZIP_LIMITS.ratioMinBytes)
    ) {
      throw new InputError(
        `is too large to read safely: ${describe(e.name)} expands to ${formatBytes(e.uncompressedSize)}`,
        { file },
        HINT_LARGE,
      );
    }
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) {
    throw new InputError(
      `is too large to read safely: its parts expand to ${formatBytes(total)}`,
      { file },
      HINT_LARGE,
    );
  }
  try {
    for (const e of entries) verifyEntry(buf, e, file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(
      'is damaged or incomplete (could not read the zip)',
      { file },
      HINT_DAMAGED,
    );
  }
}
