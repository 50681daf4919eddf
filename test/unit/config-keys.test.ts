import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config.js';
import { assignConfigValue, configEntries, resolveKey } from '../../src/core/config-keys.js';
import { scanJson, setJsonText, textPlace } from '../../src/core/json-text.js';

const data = () => JSON.parse(JSON.stringify(defaultConfig())) as Record<string, unknown>;
const fail = (key: string, raw: string) => {
  const r = assignConfigValue(data(), key, raw);
  return r.ok ? 'accepted' : `${r.message}. ${r.hint}`;
};

describe('config keys (issue 15)', () => {
  it('coerces typed-in text to the type the schema wants', () => {
    const cases: [string, string, unknown][] = [
      ['kpiTargets.nps', '45', 45],
      ['schedule.frequency', 'weekly', 'weekly'],
      ['matching.rules.requireTraining', 'yes', true],
      ['schedule.workingHours.days', '1, 2,3', [1, 2, 3]],
      ['schedule.blackoutDates', '["2027-04-02"]', ['2027-04-02']],
      ['schedule.blackoutDates', '', []],
      ['milestones[1].time', '10:30', '10:30'],
      ['milestones.1.time', '10:30', '10:30'],
      ['program.manager.email', 'ada@example.org', 'ada@example.org'],
    ];
    for (const [key, raw, value] of cases) {
      const r = assignConfigValue(data(), key, raw);
      expect(r.ok && r.value, key).toEqual(value);
    }
  });

  it('refuses a wrong value in one line that says what is allowed', () => {
    expect(fail('schedule.frequency', 'fortnightly')).toBe(
      'schedule.frequency must be one of weekly, biweekly, monthly, not "fortnightly". ' +
        'Nothing was changed',
    );
    expect(fail('kpiTargets.nps', 'high')).toBe(
      'kpiTargets.nps must be number, not "high". Nothing was changed',
    );
    expect(fail('kpiTargets.nps', '300')).toBe(
      'kpiTargets.nps must be at most 100, not 300. Nothing was changed',
    );
    expect(fail('program.manager.email', 'nobody')).toMatch(
      /^program.manager.email must be an email/,
    );
    expect(fail('program.endDate', '2026-01-01')).toBe(
      'program.endDate 2026-01-01 is before program.startDate 2027-01-11. ' +
        'Set an end date after the start date. Nothing was changed',
    );
  });

  it('names the keys that exist when a key is misspelt or out of range', () => {
    expect(fail('schedule.frequncy', 'weekly')).toMatch(
      /^unknown config key "schedule.frequncy" \(did you mean "schedule.frequency"\?\)\. schedule has the keys meetingMinutes, frequency,/,
    );
    expect(fail('milestones[9].time', '10:00')).toBe(
      'milestones has 4 items, so there is no milestones[9]. Use an index from 0 to 3',
    );
    expect(resolveKey('a..b', data()).ok).toBe(false);
    expect(resolveKey('kpiTargets.nps.x', data())).toMatchObject({ ok: false });
  });

  it('lets a broken config be fixed key by key', () => {
    const broken = data();
    (broken.kpiTargets as Record<string, unknown>).nps = 'lots';
    const r = assignConfigValue(broken, 'schedule.frequency', 'weekly');
    expect(r.ok && r.notes).toEqual([
      'the config still has a problem: kpiTargets.nps must be number, not "lots"',
    ]);
    expect(assignConfigValue(broken, 'kpiTargets.nps', '40')).toMatchObject({
      ok: true,
      notes: [],
    });
  });

  it('lists every leaf key once', () => {
    const entries = configEntries(data());
    expect(entries.find((e) => e.key === 'schedule.workingHours.days')?.value).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(entries.some((e) => e.key === 'milestones[2].date')).toBe(true);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });
});

describe('JSON text (issue 15)', () => {
  const at = (text: string) => {
    const s = scanJson(text);
    if (s.ok) return 'ok';
    const p = textPlace(text, s.offset);
    return `${p.line}:${p.column} ${s.what}`;
  };

  it('points at the line and column of a syntax error, in words', () => {
    expect(at('{\n  "a": 1,\n}')).toBe('3:1 a comma before } is not allowed in JSON: remove it');
    expect(at('{\n  "a": 1,,\n  "b": 2\n}')).toBe('2:10 two commas in a row: remove one');
    expect(at('{\n  "a": 1\n  "b": 2\n}')).toBe(
      '3:3 expected , or } here (is a comma missing before this?)',
    );
    expect(at("{'a': 1}")).toBe('1:2 text must be in double quotes ("), not single quotes');
    expect(at('{"a": [1, 2')).toBe('1:12 the file ends too early (a } or ] is missing)');
    expect(at('{"a": 1} x')).toBe(
      '1:10 unexpected text after the end of the settings (one { } only)',
    );
    expect(at('[' + '['.repeat(600))).toBe('1:502 the values are nested too deeply');
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(scanJson(text).ok).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('replaces one value and keeps every other byte, or adds a key beside its siblings', () => {
    const text = '{\n    "b": 1,  // x\n    "a": { "c": [1,2] }\n}'.replace('  // x', '');
    const root = (t: string) => {
      const s = scanJson(t);
      if (!s.ok) throw new Error(s.what);
      return s.root;
    };
    expect(setJsonText(text, root(text), ['b'], 7)).toBe(text.replace('"b": 1', '"b": 7'));
    expect(setJsonText(text, root(text), ['a', 'c'], [3])).toBe(
      text.replace('[1,2]', '[\n        3\n    ]'),
    );
    const added = setJsonText(text, root(text), ['a', 'd', 'e'], 'x');
    expect(JSON.parse(added)).toEqual({ b: 1, a: { c: [1, 2], d: { e: 'x' } } });
    expect(setJsonText('{}', root('{}'), ['k'], 1)).toBe('{\n  "k": 1\n}');
  });

  it('leaves a value that any JSON document holds equal to what JSON.parse reads', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.string(),
        fc.jsonValue(),
        (obj, key, v) => {
          const text = JSON.stringify(obj, null, 2);
          const s = scanJson(text);
          if (!s.ok) throw new Error(s.what);
          const out = JSON.parse(setJsonText(text, s.root, [key], v)) as Record<string, unknown>;
          expect(out).toEqual(JSON.parse(JSON.stringify({ ...obj, [key]: v })));
        },
      ),
      { numRuns: 300 },
    );
  });
});
