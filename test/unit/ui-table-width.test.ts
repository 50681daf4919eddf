import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable } from '../../src/ui/table.js';
import { personLabels } from '../../src/ui/people.js';

const rows = [
  ['Tom Lee', 'Ana Ruiz', '72.5', 'shares Leadership, Python and Public speaking; 4 h overlap'],
  ['Zoë Ångström', '李小龙', '60', 'both speak English'],
];

describe('tables sized to the terminal (issue 15)', () => {
  it('cuts only the widest column to fit, and keeps every other column whole', () => {
    const text = renderTable(['mentee', 'mentor', 'score', 'reasons'], rows, { width: 60 });
    const lines = text.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(lines[2]).toMatch(/^Tom Lee +Ana Ruiz +72\.5 +shares Leadership, Python an…$/);
    expect(lines[3]).toMatch(/^Zoë Ångström +李小龙 +60 +both speak English$/);
  });

  it('shows everything in a wide terminal, past the old 40-character cap', () => {
    const text = renderTable(['mentee', 'mentor', 'score', 'reasons'], rows, { width: 160 });
    expect(text).toContain(rows[0][3]);
    expect(renderTable(['reasons'], [[rows[0][3]]])).toContain('…'); // no width: the cap holds
  });

  it('takes from the next widest once the widest is down to eight columns', () => {
    const text = renderTable(['a', 'b'], [['x'.repeat(30), 'y'.repeat(20)]], { width: 20 });
    expect(text.split('\n')[2]).toBe(`${'x'.repeat(7)}…  ${'y'.repeat(9)}…`);
  });
});

describe('people by name (issue 15)', () => {
  const label = personLabels([
    { email: 'a@x.org', name: 'Sam Wu' },
    { email: 'b@x.org', name: 'Sam Wu' },
    { email: 'c@x.org', name: 'Kim Lee' },
  ]);
  it('names a person, adds the email only where names collide, and keeps unknown emails', () => {
    expect(label('C@X.org')).toBe('Kim Lee');
    expect(label('a@x.org')).toBe('Sam Wu <a@x.org>');
    expect(label('z@x.org')).toBe('z@x.org');
    expect(personLabels([{ email: 'c@x.org', name: 'Kim Lee' }], true)('c@x.org')).toBe(
      'Kim Lee <c@x.org>',
    );
  });
});
