/**
 * surveys.riskItems through the CLI: a program's own agreement question, merged from a form export,
 * puts a pair at risk in status and report, and the status line counts it (issue 12).
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { setUpProgram } from '../helpers/survey-program.js';

let cwd: string;
beforeEach(async () => {
  cwd = tempDir();
  await setUpProgram(cwd, { withMatches: true });
  writeFileSync(
    join(cwd, 'pulse.csv'),
    [
      'Timestamp,Email Address,My mentor or mentee listens to me,How satisfied are you? (1-5)',
      '2027/04/05 9:00:00 AM GMT,alice@example.com,Disagree,4',
      '2027/04/05 9:30:00 AM GMT,bob@example.com,Strongly agree,5',
      '2027/04/06 9:00:00 AM GMT,carol@example.com,Agree,4',
      '2027/04/06 9:30:00 AM GMT,dave@example.com,Agree,4',
    ].join('\r\n'),
  );
  const merged = runCli(['survey', 'merge', 'pulse.csv', '--wave', 'midpoint'], { cwd });
  expect(merged.stderr).not.toMatch(/^\s+at /m);
  expect(merged.code).toBe(0);
});
afterEach(() => removeDir(cwd));

const setRiskItems = (items: unknown) => {
  const file = join(cwd, 'mentor.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8'));
  config.surveys.riskItems = items;
  writeFileSync(file, JSON.stringify(config, null, 2));
};
type Status = {
  atRiskPairs: Array<{ pair: string; reasons: Array<{ code: string; text: string }> }>;
  atRiskByReason: Array<{ code: string; pairs: number }>;
};
const status = (): Status => {
  const r = runCli(['status', '--json', '--now', '2027-04-20'], { cwd });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Status;
};
const lowRated = (s: Status) =>
  s.atRiskPairs.filter((p) => p.reasons.some((r) => r.code === 'low-rating')).map((p) => p.pair);

describe('surveys.riskItems', () => {
  it('flags the pair whose mentee disagrees, names the answer, and counts it in the status line', () => {
    expect(lowRated(status())).toEqual([]);
    expect(status().atRiskByReason.map((r) => r.code)).not.toContain('low-rating');
    setRiskItems([{ question: 'listens to me', atMost: 2 }]);
    const s = status();
    expect(lowRated(s)).toEqual(['m1']);
    const m1 = s.atRiskPairs.find((p) => p.pair === 'm1')!;
    expect(m1.reasons.find((r) => r.code === 'low-rating')?.text).toBe(
      'mentee answered 2 to "My mentor or mentee listens to me" (midpoint; 2 or lower flags a pair)',
    );
    expect(s.atRiskByReason.find((r) => r.code === 'low-rating')?.pairs).toBe(1);
    const human = runCli(['status', '--now', '2027-04-20'], { cwd });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/low ratings: 1/);
  });

  it('refuses a risk item without a number in one line naming the setting', () => {
    setRiskItems([{ question: 'listens to me', atMost: 'low' }]);
    const r = runCli(['status', '--now', '2027-04-20'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/surveys\.riskItems\[0\]\.atMost|surveys\.riskItems\.0\.atMost/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
