/**
 * Participant text that is huge or carries terminal control sequences (issue 10, items 6 and 10):
 * messages quote a short, clipped value while the cell itself is kept whole, and no human output
 * lets an escape sequence reach the terminal.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { P } from '../helpers/matching-gen.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
const program = () => {
  const dir = tempDir('mentor-hostile-');
  dirs.push(dir);
  expect(runCli(['init', '.', '--yes'], { cwd: dir }).code).toBe(0);
  return dir;
};
const csvRows = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

describe('huge values', () => {
  it('quotes at most a clipped value in every message, and keeps the whole cell in the CSV files', () => {
    const dir = program();
    const big = 'x'.repeat(30_000);
    writeFileSync(
      join(dir, 'in.csv'),
      [
        'email,name,role,timezone,availability,topics',
        'ok@x.org,Ok,mentor,Europe/London,,a',
        `bad${big},Bad,mentee,Europe/London,,b`,
        `c@x.org,Cy,mentee,Mars${big},Mon ${big},c`,
      ].join('\n'),
    );
    const r = runCli(['import', 'in.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    // Each diagnostic line names file, row and column, and none repeats the 30,000 characters.
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThan(600);
    expect(r.stderr).toMatch(
      /in\.csv, row 4, column "timezone": time zone "Marsx+… \(30004 characters\)"/,
    );
    const rejected = csvRows(join(dir, 'rejected.csv'));
    expect(rejected.map((x) => x.email)).toEqual([`bad${big}`]);
    expect(rejected[0]!['Rejection reason']!.length).toBeLessThan(400);
    const attention = csvRows(join(dir, 'attention.csv'));
    expect(attention.map((x) => x.Email ?? x.email)).toEqual(['c@x.org']);
    const row = attention[0]!;
    expect(Object.values(row)).toContain(`Mars${big}`);
    expect(row['Needs attention']!.length).toBeLessThan(800);
    // The person is in the program, the text as typed is not lost.
    const people = JSON.parse(readFileSync(join(dir, '.mentor', 'participants.json'), 'utf8'))
      .data as Array<{ email: string }>;
    expect(people.map((p) => p.email).sort()).toEqual(['c@x.org', 'ok@x.org']);
  });
});

describe('terminal control sequences in participant text', () => {
  it('match --model self-directed --suggest prints names and topics without any escape sequence', () => {
    const dir = program();
    const evil = '\u001b[2J\u001b]0;pwned\u0007\u009b31m';
    mkdirSync(join(dir, '.mentor'), { recursive: true });
    writeFileSync(
      join(dir, '.mentor', 'participants.json'),
      JSON.stringify({
        version: 1,
        updatedAt: '2027-01-01T00:00:00.000Z',
        data: [
          P('tom@x.org', { name: `Tom${evil}`, topics: [`Python${evil}`] }),
          P('ana@x.org', {
            name: `Ana${evil}`,
            role: 'mentor',
            capacity: 2,
            topics: [`python${evil}`],
          }),
          P('bob@x.org', { name: 'Bob', role: 'mentor', capacity: 2, topics: ['Go'] }),
        ],
      }),
    );
    const r = runCli(['match', '--model', 'self-directed', '--suggest', '3'], { cwd: dir });
    expect(r.code).toBe(0);
    // By name or by email (the terminal tables are moving to names), with the topic shown clean.
    expect(r.stdout).toMatch(/Tom|tom@x\.org/);
    expect(r.stdout).toMatch(/Ana|ana@x\.org/);
    expect(r.stdout).toContain('shares Python');
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toContain('\u001b');
      expect(out).not.toContain('\u0007');
      expect(out).not.toContain('\u009b');
    }
  });
});
