import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir, FIXTURES } from '../helpers/cli.js';
import { setUpProgram } from '../helpers/survey-program.js';
import { answersOf } from '../../src/core/surveys/state.js';

const TRAPS = join(FIXTURES, 'surveys-traps');
const ALL = [
  'google-forms.csv',
  'typeform.csv',
  'ms-forms.xlsx',
  'surveymonkey-two-row.csv',
  'unknown-emails.csv',
  'out-of-scale.csv',
].map((f) => join(TRAPS, f));
let cwd: string;
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);
const surveysText = () => readFileSync(join(cwd, '.mentor', 'surveys.json'), 'utf8');

beforeEach(async () => {
  cwd = tempDir();
  await setUpProgram(cwd, { withMatches: true });
});
afterEach(() => removeDir(cwd));

describe('survey merge', () => {
  it('merges every form tool export, lists unknown emails and out-of-scale cells, and is idempotent', () => {
    const r = runCli(['survey', 'merge', ...ALL, '--now', '2027-04-20'], { cwd });
    expect(r.code).toBe(0);
    // The first line is the count; every column's classification follows (issue 12).
    expect(r.stdout.split('\n')[0]).toBe(
      '18 response(s) read from 6 file(s) (midpoint: 12, kickoff: 3, final: 3); added 18, 0 already merged; 3 from unknown emails.',
    );
    expect(r.stdout).toContain("  identity  #; What's your email? = email;");
    expect(r.stderr).toContain(
      'out-of-scale.csv, row 2, column "How satisfied are you with your mentoring relationship?": "7" is not a 1-5 answer for satisfaction; kept as text, not counted',
    );
    expect(r.stderr).toContain(
      '3 response email(s) match no participant (kept; listed in the report): (no email), anonymous, stranger@elsewhere.org',
    );
    noStack(r.stderr);
    const before = surveysText();
    const data = JSON.parse(before).data;
    const stored = data.responses;
    expect(stored).toHaveLength(18);
    const oos = stored.find(
      (x: { email: string; source: { file: string } }) =>
        x.email === 'alice@example.com' && x.source.file.endsWith('out-of-scale.csv'),
    );
    expect(
      answersOf(data, oos)['How likely are you to recommend the mentoring program to a colleague?'],
    ).toBe('11');
    expect(oos.measures).toEqual({});
    const again = runCli(['survey', 'merge', ...ALL, '--now', '2027-04-20'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('added 0, 18 already merged');
    expect(surveysText()).toBe(before);
  });

  it('--wave puts every response in that wave; --dry-run writes nothing', () => {
    const r = runCli(
      [
        'survey',
        'merge',
        join(TRAPS, 'google-forms.csv'),
        '--wave',
        'Final',
        '--dry-run',
        '--json',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      responses: 4,
      added: 4,
      byWave: { final: 4 },
      dryRun: true,
      unknownEmails: [],
    });
    expect(() => surveysText()).toThrow();
  });

  it('a file without an email column: one-line error naming the file and headers, exit 2', () => {
    const r = runCli(['survey', 'merge', join(TRAPS, 'no-email.csv')], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      'no-email.csv: has no email column (headers found: "Timestamp", "Work mail"',
    );
    expect(r.stderr).toContain('--map "Header=email"');
    const fixed = runCli(
      ['survey', 'merge', join(TRAPS, 'no-email.csv'), '--map', 'Work mail=email'],
      { cwd },
    );
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('added 1');
  });

  it('an unknown wave is a usage error listing the waves', () => {
    const r = runCli(['survey', 'merge', join(TRAPS, 'google-forms.csv'), '--wave', 'middle'], {
      cwd,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --wave "middle" is not a wave in the config (waves: kickoff, midpoint, final). Use e.g. --wave kickoff, or add the wave to surveys.waves\n',
    );
  });

  it('survey template writes CSV and Markdown whose wording maps back', () => {
    const r = runCli(['survey', 'template', '--out', 'forms'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(6);
    const md = readFileSync(join(cwd, 'forms', 'survey-final.md'), 'utf8');
    expect(md).toContain('**Would you like to continue the relationship after the program?**');
    const csv = readFileSync(join(cwd, 'forms', 'survey-midpoint.csv'), 'utf8');
    expect(csv).toContain(
      'How likely are you to recommend the mentoring program to a colleague?,scale 0-10',
    );
  });

  it('status lists at-risk pairs first', () => {
    runCli(['survey', 'merge', join(TRAPS, 'google-forms.csv')], { cwd });
    const r = runCli(['status', '--now', '2027-04-20'], { cwd });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Pilot: 2 active pair(s), 1 at risk (low satisfaction: 1, concerns: 1, few meetings: 1, no answer: 0); current survey wave: midpoint',
    );
    // Issue 14: the review stages follow the headline.
    expect(lines[1]).toBe('Pairs: 0 proposed, 2 approved, 0 introduced (intro email sent)');
    expect(lines[3]).toBe('Pairs that need help (most severe first)');
    // Issue 15: people by name; the pair id stays in the files.
    expect(lines[6]).toMatch(
      /^Carol Cole +Dave Dunn +mentee satisfaction 2\/5; mentee concern: We keep cancelling/,
    );
  });
});
