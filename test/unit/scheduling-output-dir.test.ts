import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertMayUseOutDir,
  markerText,
  ownedFiles,
  resolveOutDir,
  SCHEDULE_MARKER,
  storedOutDir,
} from '../../src/io/outputs/schedule/folder.js';
import type { ScheduleState } from '../../src/core/scheduling/reconcile.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mentor-out-'));
  dirs.push(d);
  return d;
};
const state = (outDir: string, files: string[]): ScheduleState => ({
  version: 1,
  events: Object.create(null),
  files,
  outDir,
});

describe('schedule output folder', () => {
  it('stores the folder relative to the program, so a moved program still finds it', () => {
    expect(storedOutDir('/a/prog/schedule', '/a/prog')).toBe('schedule');
    expect(storedOutDir('/elsewhere/out', '/a/prog')).toBe('/elsewhere/out');
    expect(resolveOutDir('schedule', '/b/prog2')).toBe('/b/prog2/schedule');
    expect(resolveOutDir(undefined, '/b/prog2')).toBeUndefined();
    const prog = temp();
    expect(
      ownedFiles(join(prog, 'schedule'), prog, state('schedule', ['all.ics', 'pairs/a.ics'])),
    ).toEqual(['all.ics', 'pairs/a.ics']);
  });

  it('an older state with the absolute path of a folder that moved away still owns the default folder', () => {
    const prog = temp();
    expect(
      ownedFiles(join(prog, 'schedule'), prog, state('/gone/prog/schedule', ['pairs/old.ics'])),
    ).toEqual(['pairs/old.ics']);
    expect(
      ownedFiles(join(prog, 'other'), prog, state('/gone/prog/schedule', ['pairs/old.ics'])),
    ).toEqual([]);
  });

  it('the marker in the folder lists what an earlier run wrote, never a path outside it', () => {
    const prog = temp();
    const out = join(temp(), 'cal');
    mkdirSync(out);
    writeFileSync(join(out, SCHEDULE_MARKER), markerText('P', ['all.ics', 'pairs/x.ics']));
    expect(ownedFiles(out, prog, undefined)).toEqual(['all.ics', 'pairs/x.ics']);
    writeFileSync(
      join(out, SCHEDULE_MARKER),
      JSON.stringify({
        generator: 'mentor-cli schedule',
        files: ['../secret.txt', '/etc/passwd', 'ok.ics'],
      }),
    );
    expect(ownedFiles(out, prog, undefined)).toEqual(['ok.ics']);
  });

  it('refuses an existing folder of other files outside the program unless --force, state or marker says it is ours', () => {
    const prog = temp();
    const out = join(temp(), 'mine');
    expect(() => assertMayUseOutDir(out, prog, undefined, false)).not.toThrow(); // new
    mkdirSync(out);
    expect(() => assertMayUseOutDir(out, prog, undefined, false)).not.toThrow(); // empty
    writeFileSync(join(out, 'all.ics'), 'my own calendar');
    expect(() => assertMayUseOutDir(out, prog, undefined, false)).toThrow(
      /already exists and was not written by `mentor-cli schedule`/,
    );
    expect(() => assertMayUseOutDir(out, prog, undefined, true)).not.toThrow();
    expect(() => assertMayUseOutDir(out, prog, state(out, ['all.ics']), false)).not.toThrow();
    writeFileSync(join(out, SCHEDULE_MARKER), markerText('P', ['all.ics']));
    expect(() => assertMayUseOutDir(out, prog, undefined, false)).not.toThrow();
    const inside = join(prog, 'schedule');
    mkdirSync(inside);
    writeFileSync(join(inside, 'all.ics'), 'x');
    expect(() => assertMayUseOutDir(inside, prog, undefined, false)).not.toThrow();
  });
});
