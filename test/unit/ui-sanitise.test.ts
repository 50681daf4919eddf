import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Output } from '../../src/ui/output.js';
import { sanitiseForTerminal } from '../../src/ui/sanitise.js';
import { readHolidayCalendar } from '../../src/io/formats/ics/holidays.js';
import { writeFileAtomic } from '../../src/io/store/atomic.js';

const EVIL =
  'Ann\u001b[2J\u001b]0;pwned\u0007 \u001b]8;;http://x\u001b\\link\u001b[1A\r\u0008\u009b31mB\u001bPq#\u001b\\o';

function capture(color: boolean) {
  const chunks: { out: string; err: string } = { out: '', err: '' };
  const stream = (key: 'out' | 'err') =>
    ({
      isTTY: color,
      write: (s: string) => {
        chunks[key] += s;
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const env = color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' };
  return { out: new Output({}, stream('out'), stream('err'), env), chunks };
}

describe('one sanitiser for every human line (issue 10, item 10)', () => {
  it('removes clear-screen, title, hyperlink, cursor and C1 sequences and stray controls', () => {
    expect(sanitiseForTerminal(EVIL, false)).toBe('Ann linkBo');
  });

  it('is applied by result, info, warn, error and verbose; colour sequences of ui/ survive', () => {
    for (const color of [false, true]) {
      const { out, chunks } = capture(color);
      out.result(`${out.color.bold('Pairs')} ${EVIL}`);
      out.info(EVIL);
      out.warn(EVIL);
      out.error(EVIL);
      const all = chunks.out + chunks.err;
      expect(all).not.toMatch(/\u001b\[2J|\u001b\]|\u0007|\u009b|\u001b\[1A|\r|\u0008/);
      expect(all.includes('\u001b[1m')).toBe(color);
      expect(chunks.out).toContain('Ann linkBo');
    }
  });
});

describe('messages name the file (issue 10, item 13)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  });
  it('a holiday calendar that is a folder', async () => {
    const d = mkdtempSync(join(tmpdir(), 'mentor-msg-'));
    dirs.push(d);
    mkdirSync(join(d, 'holidays.ics'));
    const err = await readHolidayCalendar(
      join(d, 'holidays.ics'),
      '2027-01-01',
      '2027-02-01',
    ).catch((e: { toLine(): string }) => e.toLine());
    expect(err).toBe(
      `${join(d, 'holidays.ics')}: holiday calendar is a folder, not an .ics file. Fix schedule.holidayCalendar in mentor.config.json`,
    );
  });
  it('a failed atomic write names the file it was writing, not its temp', async () => {
    const d = mkdtempSync(join(tmpdir(), 'mentor-msg-'));
    dirs.push(d);
    mkdirSync(join(d, 'report.xlsx'));
    const err = (await writeFileAtomic(join(d, 'report.xlsx'), 'x').catch((e) => e)) as {
      path?: string;
      code?: string;
    };
    expect(err.code).toMatch(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(err.path).toBe(join(d, 'report.xlsx'));
  });
});
