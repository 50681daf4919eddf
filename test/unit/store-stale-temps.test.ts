import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockProgram, writeState, type Program } from '../../src/io/store/program.js';
import type { ProgramConfig } from '../../src/core/config.js';
import { readConfigFile, rewriteConfigFile } from '../../src/io/store/config-file.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function program(): Program {
  const dir = mkdtempSync(join(tmpdir(), 'mentor-temps-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'mentor.config.json'), '{}');
  mkdirSync(join(dir, '.mentor'));
  return { dir, stateDir: join(dir, '.mentor'), config: {} as ProgramConfig };
}
const DEAD = 2 ** 22 + 777;

describe('temp files of killed writers', () => {
  it('are removed under the lock; a live process’s temp is left alone', async () => {
    const p = program();
    mkdirSync(join(p.dir, 'schedule'));
    mkdirSync(join(p.dir, 'schedule', `.staging-${DEAD}-0badf00d`));
    writeFileSync(join(p.stateDir, `.participants.json.${DEAD}.abcdef01.tmp`), '{"half');
    writeFileSync(join(p.stateDir, `lock.${DEAD}.abcdef02.tmp`), '');
    writeFileSync(join(p.dir, `.rejected.csv.${DEAD}.abcdef03.tmp`), 'a,b');
    const live = `.matches.json.${process.ppid}.abcdef04.tmp`;
    writeFileSync(join(p.stateDir, live), '{}');
    await lockProgram(p, 'test', async () => undefined);
    expect(readdirSync(p.stateDir)).toEqual([live]);
    expect(readdirSync(p.dir).sort()).toEqual(['.mentor', 'mentor.config.json', 'schedule']);
    expect(readdirSync(join(p.dir, 'schedule'))).toEqual([]);
  });

  it('a program folder deleted meanwhile is not recreated by a state write or the lock', async () => {
    const p = program();
    rmSync(p.dir, { recursive: true });
    await expect(writeState(p, 'participants', [])).rejects.toThrow(/was deleted or moved/);
    await expect(lockProgram(p, 'import', async () => 1)).rejects.toThrow(/was deleted or moved/);
    expect(existsSync(p.dir)).toBe(false);
  });

  it('a program folder deleted mid-command and recreated by an output write is still noticed', async () => {
    const p = program();
    await expect(
      lockProgram(p, 'report', async () => {
        rmSync(p.dir, { recursive: true });
        // What an output write does: its mkdir -p brings back a folder without a config.
        mkdirSync(p.dir, { recursive: true });
        writeFileSync(join(p.dir, 'report.xlsx'), 'x');
      }),
    ).rejects.toThrow(/was deleted or moved while mentor-cli was running/);
    expect(existsSync(join(p.dir, 'mentor.config.json'))).toBe(false);
  });

  it('a program folder deleted while the command waited for the lock stops it', async () => {
    const p = program();
    await expect(
      lockProgram(p, 'import', async () => {
        rmSync(p.dir, { recursive: true });
        return writeState(p, 'participants', []);
      }),
    ).rejects.toThrow(/was deleted or moved while mentor-cli was running/);
    expect(existsSync(p.dir)).toBe(false);
  });

  it('`config set` on a folder deleted after reading its config stops and recreates nothing', async () => {
    const p = program();
    const config = await readConfigFile(p.dir);
    rmSync(p.dir, { recursive: true });
    await expect(rewriteConfigFile(config, () => ({ text: '{"x":1}', result: 1 }))).rejects.toThrow(
      /was deleted or moved while mentor-cli was running/,
    );
    expect(existsSync(p.dir)).toBe(false);
  });

  it('`config set` removes the temp files of killed writers like every other writer', async () => {
    const p = program();
    writeFileSync(join(p.stateDir, `.participants.json.${DEAD}.abcdef01.tmp`), '{"half');
    const config = await readConfigFile(p.dir);
    await rewriteConfigFile(config, () => ({ text: '{"x":1}', result: 1 }));
    expect(readdirSync(p.stateDir)).toEqual([]);
  });
});
