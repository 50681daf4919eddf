/**
 * Wrong-shape state files stop every command with one line and are never overwritten; every state
 * write keeps the previous version, and `mentor-cli restore` puts it back (issue 10, item 5).
 */

import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { cpSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { initProgram, storedEmails, writeRoster } from '../helpers/fault-program.js';

let dir: string;
let template: string;
// One program (roster written twice, so a backup exists; matched; scheduled) copied for each test.
beforeAll(() => {
  template = tempDir();
  dir = template;
  initProgram(dir);
  fullProgram();
});
afterAll(() => removeDir(template));
beforeEach(() => {
  dir = tempDir();
  cpSync(template, dir, { recursive: true });
});
afterEach(() => removeDir(dir));

const cli = (...args: string[]) => runCli(args, { cwd: dir });
const statePath = (name: string) => join(dir, '.mentor', `${name}.json`);
const backups = () => readdirSync(join(dir, '.mentor', 'backup')).sort();

/** Fills `dir`: a roster written twice (so a backup exists), matched and scheduled. */
function fullProgram(): void {
  expect(cli('import', writeRoster(dir, 'a', 20)).code).toBe(0);
  expect(cli('import', writeRoster(dir, 'b', 10)).code).toBe(0);
  expect(cli('match').code).toBe(0);
  // init sets matching.autoApprove false: the pairs are a proposal until approved.
  expect(cli('match', 'approve', '--all').code).toBe(0);
  expect(cli('schedule').code).toBe(0);
}

describe('wrong-shape state files', () => {
  const cases: Array<[string, string, string[]]> = [
    ['participants', '{"version":1,"updatedAt":"x","data":{}}', ['participants']],
    ['participants', '[]', ['match']],
    ['participants', '{"version":1,"updatedAt":"x","data":[{"name":"no email"}]}', ['status']],
    ['participants', '{"version":1,"updatedAt":"x","data":null}', ['import', 'b.csv']],
    ['matches', '{"version":1,"updatedAt":"x","data":[{"mentee":1}]}', ['match', '--keep']],
    ['matches', '{"version":1,"updatedAt":"x","data":{"matches":{}}}', ['schedule']],
    ['mappings', '[]', ['import', 'b.csv']],
    ['mappings', '{"version":1,"updatedAt":"x","data":{"f":[1]}}', ['import', 'b.csv']],
    ['surveys', '{"version":1,"updatedAt":"x","data":null}', ['status']],
    ['schedule', '{"version":1,"updatedAt":"x","data":{"events":[]}}', ['schedule']],
    ['participants', '{"version":2,"updatedAt":"x","data":[]}', ['participants']],
    ['matches', '{"version":"1","data":{"matches":[]}}', ['report', '--format', 'json']],
  ];
  it.each(cases)('%s.json = %s: %s stops with one line and leaves it alone', (name, text, args) => {
    writeFileSync(statePath(name), text);
    const r = cli(...args);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${name}.json`);
    expect(lines[0]).toMatch(/restore|backup/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readFileSync(statePath(name), 'utf8')).toBe(text);
  });

  it('names the newer version and says the file was not changed', () => {
    writeFileSync(statePath('participants'), '{"version":7,"updatedAt":"x","data":[]}');
    const r = cli('participants');
    expect(r.stderr).toMatch(/newer mentor-cli \(state version 7; this one reads version 1\)/);
    expect(r.stderr).toMatch(/mentor-cli restore participants/);
  });
});

describe('backups and restore', () => {
  it('keeps the previous version of every state write, bounded per file', () => {
    for (let i = 0; i < 3; i++) expect(cli('import', writeRoster(dir, `g${i}`, 4)).code).toBe(0);
    const kept = backups().filter((f) => f.startsWith('participants.'));
    expect(kept).toHaveLength(3);
    // The newest backup is the roster before the last import: 30 people and 2 files of 4.
    const newest = JSON.parse(readFileSync(join(dir, '.mentor', 'backup', kept.at(-1)!), 'utf8'));
    expect(newest.data).toHaveLength(38);
  });

  it('restore puts back a damaged file; --dry-run and --json show it first', () => {
    const good = readFileSync(statePath('participants'), 'utf8');
    writeFileSync(statePath('participants'), '[]');
    const dry = cli('restore', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan.dryRun).toBe(true);
    expect(plan.restored).toHaveLength(1);
    expect(plan.restored[0]).toMatchObject({ file: 'participants.json' });
    expect(readFileSync(statePath('participants'), 'utf8')).toBe('[]');
    const r = cli('restore');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Restored participants\.json from backup \d{8}T/);
    // The backup is the roster before the second import: 20 people.
    expect(storedEmails(dir).size).toBe(20);
    expect(cli('participants').code).toBe(0);
    // The damaged file was kept too, so the restore itself can be undone.
    expect(
      backups().some((f) => readFileSync(join(dir, '.mentor', 'backup', f), 'utf8') === '[]'),
    ).toBe(true);
    expect(good).toContain('b-0@example.com');
  });

  it('restore NAME goes back one version; with nothing damaged and no name it restores nothing', () => {
    const nothing = cli('restore');
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toMatch(/Nothing to restore/);
    expect(storedEmails(dir).size).toBe(30);
    expect(cli('restore', 'participants').code).toBe(0);
    expect(storedEmails(dir).size).toBe(20);
    const list = JSON.parse(cli('restore', '--list', '--json').stdout);
    expect(list.backups.map((b: { file: string }) => b.file)).toEqual(
      expect.arrayContaining(['participants.json', 'mappings.json']),
    );
    expect(cli('restore', 'roster').code).toBe(2);
    expect(cli('restore', 'participants', '--from', '19990101T000000000Z').code).toBe(2);
  });
});
