import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv } from '../../src/io/formats/csv/write.js';
import { readCsvText } from '../../src/io/formats/csv/read.js';

describe('toCsv', () => {
  it('BOM, CRLF, quoting and neutralised formulas; plain numbers kept', () => {
    const csv = toCsv(
      ['Name', 'Value'],
      [
        ['a', '=cmd()'],
        ['b', '+1+1'],
        ['c', '-2+3'],
        ['d', '@SUM(A1)'],
        ['e', '\tx'],
        ['f', '\rx'],
        ['g', '-5'],
        ['h', '3.14'],
        ['i', -7],
        ['j', true],
        ['k', null],
        ['l', undefined],
        ['m', 'say "hi", ok'],
      ],
    );
    expect(csv.startsWith('\uFEFFName,Value\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const body = csv.slice(1).split('\r\n');
    expect(body.slice(1, 5)).toEqual(["a,'=cmd()", "b,'+1+1", "c,'-2+3", "d,'@SUM(A1)"]);
    expect(body[5]).toBe("e,'\tx");
    expect(csv).toContain('f,"\'\rx"');
    expect(csv).toContain(
      '\r\ng,-5\r\nh,3.14\r\ni,-7\r\nj,true\r\nk,\r\nl,\r\nm,"say ""hi"", ok"\r\n',
    );
  });

  it('round-trips through papaparse and our reader', () => {
    const rows = [
      ['Zoë Ng', 'line one\nline two', 'a, b'],
      ['Ann', '', 'x'],
    ];
    const csv = toCsv(['Name', 'Goals', 'Topics'], rows);
    expect(Papa.parse<string[]>(csv.slice(1).trim()).data.slice(1)).toEqual(rows);
    expect(readCsvText(csv, 'out.csv').rows.map((r) => r.cells)).toEqual(rows);
  });

  it('neutralises header text too', () => {
    expect(toCsv(['=HYPERLINK("x")'], []).slice(1)).toBe('"\'=HYPERLINK(""x"")"\r\n');
  });
});
