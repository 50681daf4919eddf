/**
 * `match` through the CLI: stable vs optimal, no mentors, short capacity, team and reverse models,
 * repeats, rating scales.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { P } from '../helpers/matching-gen.js';
import type { Participant } from '../../src/core/types.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A fresh program folder holding `people`, and a runner for `match` in it. */
function program(people: Participant[], files: Record<string, string> = {}) {
  const dir = tempDir('mentor-match-models-');
  dirs.push(dir);
  expect(runCli(['init', '.', '--yes'], { cwd: dir }).code).toBe(0);
  mkdirSync(join(dir, '.mentor'), { recursive: true });
  writeFileSync(
    join(dir, '.mentor', 'participants.json'),
    JSON.stringify({ version: 1, updatedAt: '2027-01-01T00:00:00.000Z', data: people }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = (...args: string[]) =>
    runCli(['match', '--now', '2027-01-05', ...args], { cwd: dir });
  const json = (...args: string[]) => {
    const r = run('--json', ...args);
    expect({ code: r.code, err: r.code ? r.stderr : '' }).toEqual({ code: 0, err: '' });
    return { doc: JSON.parse(r.stdout), stderr: r.stderr };
  };
  const pairs = (doc: { pairs: Array<{ mentee: string; mentor: string }> }) =>
    doc.pairs.map((p) => `${p.mentee}-${p.mentor}`);
  return { dir, run, json, pairs };
}
const mentee = (email: string, over: Partial<Participant> = {}) =>
  P(email, { name: email.split('@')[0], ...over });
const mentor = (email: string, over: Partial<Participant> = {}) =>
  P(email, { name: email.split('@')[0], role: 'mentor', capacity: 1, ...over });

describe('match: algorithms and bad input through the CLI', () => {
  it('--algorithm stable says how many more mentees it leaves unmatched than the optimal matching', () => {
    // Mia ranks Ann first and Ann ranks Mia first, so the stable matching keeps them together and
    // Ben (who can only have Mia) stays unmatched; the optimal one gives Ann to Ned and Mia to Ben.
    const p = program(
      [mentee('ann@x.org'), mentee('ben@x.org'), mentor('mia@x.org'), mentor('ned@x.org')],
      {
        'scores.csv':
          'mentee,mentor,score\nann@x.org,mia@x.org,90\nann@x.org,ned@x.org,50\nben@x.org,mia@x.org,60\n',
      },
    );
    const opt = p.json('--pair-scores', 'scores.csv', '--dry-run');
    expect(p.pairs(opt.doc)).toEqual(['ann@x.org-ned@x.org', 'ben@x.org-mia@x.org']);
    const st = p.run('--pair-scores', 'scores.csv', '--dry-run', '--algorithm', 'stable');
    expect(st.code).toBe(0);
    expect(st.stdout).toContain(
      'Dry run (nothing saved): matched 1 of 2 mentees (one-to-one, stable, scores from scores.csv)',
    );
    expect(st.stdout).toContain(
      'the stable matching leaves 1 more mentee unmatched than the optimal one (2 matched)',
    );
    expect(st.stdout).toMatch(
      // Issue 15: people by name in the terminal (this fixture names ben@x.org "ben").
      /^ben +each of the 1 mentors they could be matched with is full with mentees they rank higher/m,
    );
    const doc = p.json('--pair-scores', 'scores.csv', '--dry-run', '--algorithm', 'stable').doc;
    expect(doc.stable).toEqual({ optimalMatched: 2, moreUnmatched: 1 });
    expect(doc.blockingPairs).toBe(0);
  });

  it('no mentors at all: exit 2 with one line naming the import, nothing saved', () => {
    const p = program([mentee('ann@x.org'), mentee('ben@x.org')]);
    const r = p.run();
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: There are no active mentors, so nobody can be matched. Import mentors (role "mentor" or "both") with `mentor-cli import FILE` first',
    );
    expect(r.stdout).toBe('');
  });

  it('capacity below the mentee count: a warning with the numbers, the run still matches who it can', () => {
    const p = program([
      mentee('ann@x.org'),
      mentee('ben@x.org'),
      mentee('cat@x.org'),
      mentor('mia@x.org'),
    ]);
    const { doc, stderr } = p.json('--dry-run');
    expect(stderr).toContain(
      'warning: 1 mentor places for 3 mentees: at least 2 mentees will stay unmatched (raise mentor capacity or recruit mentors)',
    );
    expect([doc.matched, doc.unmatched.length]).toEqual([1, 2]);
  });
});

describe('match: models through the CLI', () => {
  const avail = [{ day: 2 as const, start: 540, end: 720 }];
  it('team: --mentors-per-mentee 2 gives each mentee 2 distinct mentors, and the capacity warning counts mentees', () => {
    const people = [
      mentee('ann@x.org', { topics: ['Python'] }),
      mentee('ben@x.org', { topics: ['Python'] }),
      mentee('cat@x.org', { topics: ['Python'] }),
      mentor('mia@x.org', { capacity: 2, topics: ['Python'] }),
      mentor('ned@x.org', { capacity: 2, topics: ['Python'] }),
      mentor('ola@x.org', { capacity: 1, topics: ['Python'] }),
    ];
    const p = program(people);
    const { doc, stderr } = p.json('--mentors-per-mentee', '2', '--dry-run');
    expect(stderr).toContain(
      'warning: 5 mentor places for 3 mentees × 2 mentors each (6): at least 1 mentee will get fewer than 2 mentors',
    );
    expect(doc.model).toBe('team');
    const byMentee = new Map<string, string[]>();
    for (const x of doc.pairs)
      byMentee.set(x.mentee, [...(byMentee.get(x.mentee) ?? []), x.mentor]);
    expect([...byMentee.values()].map((m) => new Set(m).size).sort()).toEqual([1, 2, 2]);
    expect(doc.pairs).toHaveLength(5);
    expect(
      doc.unmatched.map((u: { code: string; reason: string }) => [u.code, u.reason.slice(0, 21)]),
    ).toEqual([['partial', 'got 1 of 2 mentors: a']]);
  });

  it('reverse: the mentee side offers the topics, which changes who fits best', () => {
    const people = [
      mentee('ann@x.org', { topics: ['Python', 'Go'], availability: avail }),
      mentor('mia@x.org', { topics: ['Python'], availability: avail }),
      mentor('ned@x.org', { topics: ['Go', 'Rust', 'Python'], availability: avail }),
    ];
    const p = program(people);
    expect(p.pairs(p.json('--dry-run').doc)).toEqual(['ann@x.org-ned@x.org']);
    const rev = p.json('--model', 'reverse', '--dry-run').doc;
    expect(rev.model).toBe('reverse');
    expect(p.pairs(rev)).toEqual(['ann@x.org-mia@x.org']);
    expect(rev.pairs[0].reasons[0]).toBe('shares Python');
  });

  it('--history pairs are never repeated; --allow-repeat allows them again', () => {
    const p = program([mentee('ann@x.org'), mentor('mia@x.org')], {
      'cohort-2026.csv': 'Mentee,Mentor\nann@x.org,mia@x.org\n',
    });
    const blocked = p.json('--history', 'cohort-2026.csv', '--dry-run').doc;
    expect(blocked.matched).toBe(0);
    expect(blocked.unmatched[0].reason).toBe(
      'every mentor was their partner before, in an earlier cohort or an ended pair (use --allow-repeat)',
    );
    expect(
      p.pairs(p.json('--history', 'cohort-2026.csv', '--allow-repeat', '--dry-run').doc),
    ).toEqual(['ann@x.org-mia@x.org']);
  });

  it('--pair-scores on a 1-5 scale: matching.minScore is not applied, and a note says how to set one', () => {
    const p = program(
      [mentee('ann@x.org'), mentee('ben@x.org'), mentor('mia@x.org'), mentor('ned@x.org')],
      {
        'ratings.csv':
          'mentee,mentor,rating\nann@x.org,mia@x.org,4\nben@x.org,ned@x.org,2\nben@x.org,mia@x.org,1\n',
      },
    );
    const { doc, stderr } = p.json('--pair-scores', 'ratings.csv', '--dry-run');
    expect(p.pairs(doc)).toEqual(['ann@x.org-mia@x.org', 'ben@x.org-ned@x.org']);
    expect(stderr).toContain(
      'ratings.csv: scores go up to 4, a rating scale rather than 0-100, so matching.minScore (10) is not applied; add --min-score N for a minimum on your scale',
    );
    const strict = p.json('--pair-scores', 'ratings.csv', '--min-score', '3', '--dry-run');
    expect(p.pairs(strict.doc)).toEqual(['ann@x.org-mia@x.org']);
    expect(strict.stderr).toContain(
      'warning: ratings.csv: 2 of 3 scores are below the minimum score 3 (--min-score), so those pairs are never made',
    );
  });
});
