/**
 * A seeded fuzzer over CSV and XLSX inputs (issue 10): byte flips, truncation, encodings, huge
 * cells, zip and XML attacks. Every case must end in a table or one MentorError line: never an
 * internal error (exit 3), a stack trace, a hang or memory over a bound. MENTOR_FUZZ_SEED replays
 * a run, MENTOR_FUZZ_CASES runs more (60 by default, plus a few through the built CLI).
 */

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readTable } from '../../src/io/ingest/read-table.js';
import { MentorError } from '../../src/errors.js';
import { listZipEntries } from '../../src/io/formats/xlsx/zip-guard.js';
import { writeZip } from '../../src/io/formats/xlsx/zip-write.js';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { initProgram } from '../helpers/fault-program.js';

const SEED = Number(process.env.MENTOR_FUZZ_SEED ?? Date.now() % 100_000);
const CASES = Number(process.env.MENTOR_FUZZ_CASES ?? 60);
const CASE_MS = 5_000;
const HEAP_BOUND = 600 << 20;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['François Dubois', 'Zoë Ångström', '李小龙', 'Ørjan', 'Ann 👩‍💻', "O'Brien"];
function baseCsv(rand: () => number): string {
  const rows = Array.from({ length: 20 }, (_, i) => {
    const name = NAMES[Math.floor(rand() * NAMES.length)];
    return `p${i}@example.com,"${name}",${i % 2 ? 'mentee' : 'mentor'},"Leadership; Sales"`;
  });
  return ['Email,Name,Role,Topics', ...rows].join('\r\n');
}

let baseXlsx: Buffer;
async function makeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['Email', 'Name', 'Role']);
  for (let i = 0; i < 20; i++) ws.addRow([`p${i}@example.com`, NAMES[i % 6], 'mentor']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with one part's XML passed through `patch`. */
function patchPart(buf: Buffer, part: string, patch: (xml: string) => string): Buffer {
  const entries = listZipEntries(buf).map((e) => {
    const p = e.localOffset;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    let data = e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (e.name === part) data = Buffer.from(patch(data.toString('utf8')));
    return { name: e.name, data, compressed: deflateRawSync(data) };
  });
  return Buffer.from(writeZip(entries));
}

const flip = (buf: Buffer, rand: () => number, n: number) => {
  const out = Buffer.from(buf);
  for (let i = 0; i < n; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
  return out;
};

type Mutation = (rand: () => number) => { name: string; bytes: Buffer };
const SHEET = 'xl/worksheets/sheet1.xml';
const MUTATIONS: Mutation[] = [
  (r) => ({
    name: 'csv-flips.csv',
    bytes: flip(Buffer.from(baseCsv(r)), r, 1 + Math.floor(r() * 20)),
  }),
  (r) => {
    const b = Buffer.from(baseCsv(r));
    return { name: 'csv-cut.csv', bytes: b.subarray(0, Math.floor(r() * b.length) + 1) };
  },
  (r) => ({
    name: 'csv-utf16.csv',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(baseCsv(r), 'utf16le')]),
  }),
  (r) => ({ name: 'csv-latin1.csv', bytes: Buffer.from(baseCsv(r), 'latin1') }),
  (r) => ({
    name: 'csv-mixed.csv',
    bytes: Buffer.from(
      baseCsv(r)
        .split('\r\n')
        .map((l, i) => (i % 2 ? Buffer.from(l, 'latin1') : Buffer.from(l)).toString('binary'))
        .join('\r\n'),
      'binary',
    ),
  }),
  (r) => ({
    name: 'csv-huge-cell.csv',
    bytes: Buffer.from(
      `Email,Name,Role\n${'x'.repeat(30_000 + Math.floor(r() * 30_000))}@a.org,A,mentor\n`,
    ),
  }),
  (r) => ({
    name: 'csv-commas.csv',
    bytes: Buffer.from(
      `Email,Name,Role\na@b.org,A,mentor${','.repeat(10_000 + Math.floor(r() * 20_000))}\n`,
    ),
  }),
  (r) => ({
    name: 'csv-quotes.csv',
    bytes: Buffer.from(baseCsv(r).replace(/,"/g, (m) => (r() < 0.2 ? ',"""' : m))),
  }),
  (r) => ({
    name: 'csv-nul.csv',
    bytes: flip(Buffer.from(baseCsv(r)), () => r() * 0.999, 0).fill(0, 40, 60),
  }),
  (r) => ({ name: 'csv-cr.csv', bytes: Buffer.from(baseCsv(r).replace(/\r\n/g, '\r')) }),
  (r) => ({ name: 'xlsx-flips.xlsx', bytes: flip(baseXlsx, r, 1 + Math.floor(r() * 10)) }),
  (r) => ({
    name: 'xlsx-cut.xlsx',
    bytes: baseXlsx.subarray(0, Math.floor(r() * baseXlsx.length) + 4),
  }),
  () => ({
    name: 'xlsx-merge.xlsx',
    bytes: patchPart(baseXlsx, SHEET, (x) =>
      x.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A4:XFD1048576"/></mergeCells>',
      ),
    ),
  }),
  () => ({
    name: 'xlsx-xxe.xlsx',
    bytes: patchPart(baseXlsx, 'xl/sharedStrings.xml', (x) =>
      x
        .replace(
          '<sst',
          '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]><sst',
        )
        .replace('<t>Email</t>', '<t>&c;&x;</t>'),
    ),
  }),
  (r) => ({
    name: 'xlsx-garbage-xml.xlsx',
    bytes: patchPart(baseXlsx, SHEET, (x) => x.slice(0, Math.floor(r() * x.length))),
  }),
];

let dir: string;
beforeAll(async () => {
  baseXlsx = await makeXlsx();
  dir = tempDir();
  initProgram(dir);
});
afterAll(() => removeDir(dir));

describe(`fuzzed imports (seed ${SEED}; replay with MENTOR_FUZZ_SEED=${SEED})`, () => {
  it(`${CASES} cases read to a table or one clear error`, async () => {
    const rand = random(SEED);
    for (let i = 0; i < CASES; i++) {
      const m = MUTATIONS[Math.floor(rand() * MUTATIONS.length)];
      const { name, bytes } = m(rand);
      const where = `case ${i} (${name}) of seed ${SEED}`;
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const t0 = Date.now();
      let failure: string | undefined;
      try {
        await readTable(path, { displayName: name, chunked: true });
      } catch (err) {
        if (!(err instanceof MentorError))
          failure = `internal error: ${(err as Error).stack ?? String(err)}`;
      }
      const ms = Date.now() - t0;
      expect({ where, failure }).toEqual({ where, failure: undefined });
      expect({ where, slow: ms > CASE_MS }).toEqual({ where, slow: false });
      expect({ where, heap: process.memoryUsage().heapUsed > HEAP_BOUND }).toEqual({
        where,
        heap: false,
      });
    }
  }, 300_000);

  it('a few cases through the built CLI: never exit 3, never a stack trace, never a hang', () => {
    const rand = random(SEED + 1);
    for (let i = 0; i < 4; i++) {
      const m = MUTATIONS[Math.floor(rand() * MUTATIONS.length)];
      const { name, bytes } = m(rand);
      writeFileSync(join(dir, name), bytes);
      const r = runCli(['import', name, '--dry-run'], { cwd: dir, timeoutMs: 30_000 });
      const where = `cli case ${i} (${name}) of seed ${SEED}`;
      expect({ where, code: r.code }).not.toEqual({ where, code: 3 });
      expect({ where, code: r.code >= 0 }).toEqual({ where, code: true });
      expect({ where, trace: /\n\s+at .+:\d+:\d+/.test(r.stderr) }).toEqual({
        where,
        trace: false,
      });
    }
  }, 200_000);
});
