/**
 * Turning the bytes of a text export into a string: BOMs, UTF-16 without BOM, Windows-1252, NUL
 * bytes.
 */

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { InputError, UsageError } from '../../../errors.js';

export interface DecodedText {
  text: string;
  /** Encoding name as iconv-lite knows it, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  notes: string[];
}

const SAMPLE = 8192;

/** Guesses UTF-16 without a BOM from the NUL pattern: ASCII text has a zero in every other byte. */
function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** True when the sample has too many NULs or control bytes to be a text export. */
function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SAMPLE);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27) || b === 127) control++;
  }
  return nul > n * 0.1 || control > n * 0.05;
}

function stripNul(buf: Uint8Array, notes: string[]): Uint8Array {
  if (buf.indexOf(0) === -1) return buf;
  const out = new Uint8Array(buf.length);
  let j = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] !== 0) out[j++] = buf[i];
  notes.push(`removed ${buf.length - j} NUL byte(s)`);
  return out.subarray(0, j);
}

/**
 * Decodes a text export: `encoding` overrides detection; otherwise BOMs, then UTF-16 by NUL
 * pattern, then strict UTF-8, else Windows-1252 (what Excel on Windows writes for "CSV").
 */
export function decodeText(buf: Uint8Array, file: string, encoding?: string): DecodedText {
  const notes: string[] = [];
  if (encoding) {
    if (!iconv.encodingExists(encoding)) {
      throw new UsageError(
        `Unknown encoding "${String(encoding)}"`,
        'Use an encoding such as utf-8, utf-16le or windows-1252',
      );
    }
    return {
      text: iconv.decode(Buffer.from(buf), encoding),
      encoding: encoding.toLowerCase(),
      notes: [`encoding ${encoding} (as requested)`],
    };
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return decodeUtf8OrLatin(stripNul(buf.subarray(3), notes), notes, 'UTF-8 with BOM');
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const enc = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    notes.push(`detected encoding ${enc === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (BOM)`);
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), enc), encoding: enc, notes };
  }
  const utf16 = sniffUtf16(buf);
  if (utf16) {
    notes.push(`detected encoding ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (no BOM)`);
    return { text: iconv.decode(Buffer.from(buf), utf16), encoding: utf16, notes };
  }
  if (looksBinary(buf)) {
    throw new InputError(
      'is not a text or Excel file',
      { file },
      'Export the data as CSV (comma-separated) or Excel .xlsx and try again',
    );
  }
  return decodeUtf8OrLatin(stripNul(buf, notes), notes);
}

function decodeUtf8OrLatin(buf: Uint8Array, notes: string[], label?: string): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (label) notes.push(`detected encoding ${label}`);
    return { text, encoding: 'utf-8', notes };
  } catch {
    const mixed = decodeMixed(buf);
    if (mixed) {
      notes.push(
        `mixed encodings: ${mixed.utf8} line(s) in UTF-8 and ${mixed.latin} in Windows-1252; each line was read in its own`,
      );
      return { text: mixed.text, encoding: 'utf-8', notes };
    }
    // Not valid UTF-8: Excel's "CSV" on Windows and older HR systems write Windows-1252.
    notes.push('detected encoding windows-1252');
    return {
      text: iconv.decode(Buffer.from(buf), 'windows-1252'),
      encoding: 'windows-1252',
      notes,
    };
  }
}

/**
 * A file pasted together from UTF-8 and Windows-1252 exports (rows alternating): decoded line by
 * line, each as UTF-8 when it is valid UTF-8 with non-ASCII text, else as Windows-1252. Undefined
 * when no line holds real UTF-8 (a plain Windows-1252 file): reading it all as UTF-8 garbled names.
 */
function decodeMixed(buf: Uint8Array): { text: string; utf8: number; latin: number } | undefined {
  // perf: isUtf8 per line, no exceptions; a plain Windows-1252 file costs one pass and no strings.
  const lines: Array<[number, number, boolean]> = [];
  let utf8 = 0;
  let latin = 0;
  for (let start = 0; start < buf.length;) {
    let end = buf.indexOf(0x0a, start);
    end = end === -1 ? buf.length : end + 1;
    const line = buf.subarray(start, end);
    const ok = isUtf8(line);
    if (ok && line.some((b) => b >= 0x80)) utf8++;
    else if (!ok) latin++;
    lines.push([start, end, ok]);
    start = end;
  }
  if (!utf8 || !latin) return undefined;
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const text = lines
    .map(([from, to, ok]) =>
      ok ? b.toString('utf8', from, to) : iconv.decode(b.subarray(from, to), 'windows-1252'),
    )
    .join('');
  return { text, utf8, latin };
}
