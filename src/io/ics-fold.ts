/** RFC 5545 line folding done on bytes: one UTF-8 encode for a whole event, no per-line string building. */

const LIMIT = 75;

/**
 * The content lines `lines` (unfolded, no line ends, none holding CR or LF) as CRLF-terminated bytes, each physical
 * line at most 75 octets and never cut inside a UTF-8 character. Same bytes as `Buffer.from(lines.map(foldLine).join(''))`.
 */
export function foldLinesToBytes(lines: readonly string[]): Buffer {
  // Writers escape every text value; should a raw CR/LF still slip into a line, it must not start a new property.
  const src = Buffer.from(lines.map((l) => (/[\r\n]/.test(l) ? l.replace(/[\r\n]/g, ' ') : l)).join('\n'), 'utf8');
  // Worst case: a fold (3 bytes) every 74 bytes plus CRLF per line.
  const out = Buffer.allocUnsafe(src.length + Math.ceil(src.length / 74) * 3 + lines.length * 2 + 2);
  let o = 0;
  let used = 0;
  let i = 0;
  while (i < src.length) {
    const b = src[i];
    if (b === 0x0a) {
      out[o++] = 0x0d; out[o++] = 0x0a;
      used = 0;
      i++;
      continue;
    }
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    if (used + size > LIMIT) {
      out[o++] = 0x0d; out[o++] = 0x0a; out[o++] = 0x20;
      used = 1;
    }
    if (size === 1) out[o++] = b;
    else { src.copy(out, o, i, i + size); o += size; }
    used += size;
    i += size;
  }
  if (lines.length) { out[o++] = 0x0d; out[o++] = 0x0a; }
  return out.subarray(0, o);
}
