/**
 * Byte-level helpers of the pair-scores reader: interning raw cell bytes without making strings,
 * and parsing scores.
 */

/**
 * Maps byte strings (a slice of a Buffer) to numbers: open addressing on an FNV-1a hash, keys
 * copied into an arena.
 */
export class ByteInterner {
  private table = new Int32Array(1 << 12).fill(-1);
  private arena = Buffer.alloc(1 << 16);
  private used = 0;
  private starts: number[] = [];
  private ends: number[] = [];
  private values: number[] = [];
  private hashes: number[] = [];

  /** The value stored for buf[start, end), or -1. */
  get(buf: Buffer, start: number, end: number): number {
    const h = hash(buf, start, end),
      mask = this.table.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.table[s];
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.same(id, buf, start, end)) return this.values[id];
    }
  }

  /** Stores `value` for buf[start, end) (the key must not be there yet). */
  set(buf: Buffer, start: number, end: number, value: number): void {
    const len = end - start;
    if (this.used + len > this.arena.length) {
      const a = Buffer.alloc(Math.max(this.arena.length * 2, this.used + len));
      this.arena.copy(a, 0, 0, this.used);
      this.arena = a;
    }
    buf.copy(this.arena, this.used, start, end);
    const id = this.values.length;
    this.starts.push(this.used);
    this.ends.push(this.used + len);
    this.values.push(value);
    this.hashes.push(hash(buf, start, end));
    this.used += len;
    if (this.values.length * 2 > this.table.length) this.rehash();
    else this.place(id);
  }

  private same(id: number, buf: Buffer, start: number, end: number): boolean {
    const a = this.starts[id];
    if (this.ends[id] - a !== end - start) return false;
    for (let k = 0; k < end - start; k++) if (this.arena[a + k] !== buf[start + k]) return false;
    return true;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let s = this.hashes[id] & mask;
    while (this.table[s] >= 0) s = (s + 1) & mask;
    this.table[s] = id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    for (let id = 0; id < this.values.length; id++) this.place(id);
  }
}

function hash(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k], 0x01000193);
  return h >>> 0;
}

/**
 * The score in buf[start, end): "72", "7.25" or "7,25" (optionally signed); NaN for anything else
 * (the caller decodes the text and tries parseScore). digits / 10^k is correctly rounded, so the
 * value equals Number("7.25") bit for bit.
 */
export function byteScore(buf: Buffer | Uint8Array, start: number, end: number): number {
  let k = start,
    neg = false,
    mant = 0,
    scale = 1,
    digits = 0,
    dot = false;
  if (k < end && (buf[k] === 45 || buf[k] === 43)) neg = buf[k++] === 45;
  for (; k < end; k++) {
    const c = buf[k];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      if (dot) scale *= 10;
    } else if ((c === 46 || c === 44) && !dot) dot = true;
    else return NaN;
  }
  if (!digits || digits > 15) return NaN;
  const v = mant / scale;
  return neg ? -v : v;
}
