import { describe, it, expect } from 'vitest';
import { normaliseEmail } from '../../src/core/roster/normalise.js';
import { readCsvText, readCsvTextChunked } from '../../src/io/formats/csv/read.js';
import { InputError } from '../../src/errors.js';

const local = (n: number) => 'a'.repeat(n);

describe('email lengths (RFC 5321) and huge cells', () => {
  it('a 10 MB email cell is refused quickly, without a stack overflow, and not repeated', () => {
    const huge = `${local(10 << 20)}@example.com`;
    const t0 = Date.now();
    const r = normaliseEmail(huge);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(r.error?.code).toBe('email-invalid');
    expect(r.error!.message.length).toBeLessThan(200);
    expect(r.error!.message).toMatch(/10485772 characters/);
  });

  it.each([
    [`${local(64)}@example.com`, true],
    [`${local(65)}@example.com`, false],
    [`${local(60)}@${'b'.repeat(189)}.com`, true], // 254 in all
    [`${local(60)}@${'b'.repeat(190)}.com`, false], // 255
    [`${local(1 << 20)}@example.com`, false],
  ])('%#: %s accepted: %s', (email, ok) => {
    const r = normaliseEmail(email);
    expect(Boolean(r.value)).toBe(ok);
    if (!ok) expect(r.error!.message.length).toBeLessThan(200);
  });

  it('a cell over 32,767 characters stops the read with its row and column', () => {
    const text = `Email,Name\na@x.org,Ann\nb@x.org,"${'x'.repeat(40_000)}"\n`;
    for (const read of [readCsvText, readCsvTextChunked]) {
      const err = (() => {
        try {
          read(text, 'big.csv');
        } catch (e) {
          return e as InputError;
        }
      })();
      expect(err).toBeInstanceOf(InputError);
      expect(err!.toLine()).toMatch(/^big\.csv, row 3, column "B": has a cell of 40002 characters/);
    }
  });

  it('a 50 MB line of commas is refused in bounded time and memory', () => {
    const text = `Email,Name\n${','.repeat(50 << 20)}\n`;
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    let line = '';
    try {
      readCsvTextChunked(text, 'commas.csv');
    } catch (e) {
      line = (e as InputError).toLine();
    }
    expect(line).toMatch(/^commas\.csv, row 2, column "XFE": has a row of more than 16384 cells/);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 << 20);
  });
});
