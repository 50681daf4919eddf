import { describe, expect, it } from 'vitest';
import { commandWord } from '../../src/commands/index.js';

describe('commandWord (which command file to load)', () => {
  it.each([
    [['import', 'a.csv'], 'import'],
    [['--json', '-q', 'match', '--dry-run'], 'match'],
    [['--dir', 'prog', 'schedule'], 'schedule'],
    [['-d', 'prog', 'report'], 'report'],
    [['-qd', 'prog', 'status'], 'status'],
    [['--dir=prog', 'survey', 'merge'], 'survey'],
    [['--now', '2027-01-01', 'intro'], 'intro'],
    [['--', 'init'], 'init'],
    [['--help'], undefined],
    [[], undefined],
    [['help', 'import'], 'help'],
  ])('%j -> %s', (args, word) => {
    expect(commandWord(args)).toBe(word);
  });
});
