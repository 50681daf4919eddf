/**
 * RFC 5545 line folding done on bytes: one UTF-8 encode for a whole event, no per-line string
 * building.
 */

const LIMIT = 75;

/**
 * The content lines `lines` (unfolded, no line ends, none holding CR or LF) as CRLF-terminated
 * bytes, each physical line at most 75 octets and never cut inside a UTF-8 character. Same bytes as
 * `Buffer.from(lines.map(foldLine).join(''))`.
 */
export function foldLinesToBytes(lines: readonly string[]): Buffer {
  if (!lines.length) return Buffer.alloc(0);
  // Writers escape every text value; should a raw CR/LF still slip into a line, it must not start a
  // new property.
  const src = Buffer.from(
    lines
      .map((l) => (l.indexOf('\n') < 0 && l.indexOf('\r') < 0 ? l : l.replace(/[\r\n]/g, ' ')))
      .join('\n'),
    'utf8',
  );
  // Worst case: a fold (3 bytes) every 71 bytes (a continuation holds 74, less up to 3 bytes of a
  // character that does not fit: 400 emoji overflowed an estimate of one fold per 74 bytes) plus
  // CRLF per line.
  const out = Buffer.allocUnsafe(
    src.length + Math.ceil(src.length / 71) * 3 + lines.length * 2 + 2,
  );
  let o = 0;
  let i = 0;
  // Whole runs are copied natively; JavaScript only looks at the fold points (Buffer.from never
  // yields broken UTF-8).
  for (;;) {
    const nl = src.indexOf(0x0a, i);
    const end = nl < 0 ? src.length : nl;
    let room = LIMIT;
    while (end - i > room) {
      let cut = i + room;
      // Never inside a character: back up to the lead byte of the one that does not fit.
      while ((src[cut] & 0xc0) === 0x80) cut--;
      src.copy(out, o, i, cut);
      o += cut - i;
      out[o++] = 0x0d;
      out[o++] = 0x0a;
      out[o++] = 0x20;
      i = cut;
      room = LIMIT - 1;
    }
    src.copy(out, o, i, end);
    o += end - i;
    out[o++] = 0x0d;
    out[o++] = 0x0a;
    if (nl < 0) break;
    i = nl + 1;
  }
  return out.subarray(0, o);
}
