import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/store/program.js';
import { checkConfigData } from '../../src/core/config-check.js';
import {
  calendarDateProblem,
  configJsonSchema,
  configWarnings,
  defaultConfig,
  type ProgramConfig,
} from '../../src/core/config.js';

/** The first problem parseConfig reports for the default config changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits break types on purpose
function problemWith(edit: (c: any) => void): string {
  const config: ProgramConfig = defaultConfig();
  edit(config);
  const check = checkConfigData(JSON.parse(JSON.stringify(config)));
  return check.ok ? 'ok' : check.message;
}

describe('the config schema (one zod definition)', () => {
  it("reports the first bad key with ajv's own wording", () => {
    expect(() => parseConfig('{"program":{}}', 'c.json')).toThrow(/must have required property/);
    expect(() => parseConfig('[]', 'c.json')).toThrow(/\(top level\) must be object/);
  });

  it('accepts its own defaults, and exports them into the JSON Schema init writes', () => {
    expect(checkConfigData(defaultConfig()).ok).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read back
    const schema = configJsonSchema() as any;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('mentor-cli program configuration');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual([
      'program',
      'participants',
      'matching',
      'schedule',
      'milestones',
      'surveys',
      'kpiTargets',
    ]);
    const topics = schema.properties.matching.properties.weights.properties.topics;
    expect(topics).toEqual({
      type: 'number',
      minimum: 0,
      maximum: 1000,
      description: 'Weight of the topics criterion (0 switches it off)',
      default: 40,
    });
    const model = schema.properties.program.properties.model;
    expect(model.enum).toEqual(['one-to-one', 'group', 'team', 'peer', 'reverse', 'self-directed']);
    expect(schema.properties.program.required).not.toContain('cohort');
    expect(JSON.stringify(schema)).not.toContain('9007199254740991');
  });

  it('names the key, the wrong value and what is allowed, in one line', () => {
    expect(problemWith((c) => (c.matching.weights.topics = '40'))).toBe(
      'matching.weights.topics must be number, not "40"',
    );
    expect(problemWith((c) => (c.program.model = 'mentor'))).toBe(
      'program.model must be one of one-to-one, group, team, peer, reverse, self-directed, not "mentor"',
    );
    expect(problemWith((c) => (c.participants.defaultCapacity = 0))).toBe(
      'participants.defaultCapacity must be at least 1, not 0',
    );
    expect(problemWith((c) => (c.schedule.meetingMinutes = 30.5))).toBe(
      'schedule.meetingMinutes must be integer, not 30.5',
    );
    expect(problemWith((c) => (c.program.foo = 1))).toBe(
      'program has unknown key "foo" (check the spelling)',
    );
    expect(problemWith((c) => (c.program.startDate = '2027/01/11'))).toBe(
      'program.startDate must be a date YYYY-MM-DD, not "2027/01/11"',
    );
    expect(problemWith((c) => delete c.milestones[0].time)).toBe(
      'milestones[0] must have required property "time" (string)',
    );
    const long = problemWith((c) => (c.program.model = 'x'.repeat(10_000)));
    expect(long.length).toBeLessThan(200);
  });

  it('refuses dates that are not on the calendar (issue 10 item 7)', () => {
    expect(problemWith((c) => (c.milestones[1].date = '2027-02-30'))).toBe(
      'milestones[1].date must be a real calendar date (February 2027 has 28 days), not "2027-02-30"',
    );
    expect(problemWith((c) => (c.program.startDate = '2027-02-30'))).toMatch(
      /^program\.startDate must be a real calendar date \(February 2027 has 28 days\)/,
    );
    expect(problemWith((c) => (c.schedule.blackoutDates = ['2027-13-01']))).toMatch(
      /^schedule\.blackoutDates\[0\] must be a real calendar date \(there is no month 13\)/,
    );
    expect(problemWith((c) => (c.surveys.waves[0].opens = '2027-04-31'))).toMatch(
      /April 2027 has 30 days/,
    );
    expect(problemWith((c) => (c.schedule.blackoutDates = ['2028-02-29']))).toBe('ok');
    expect(calendarDateProblem('2100-02-29')).toBe('February 2100 has 28 days');
    expect(calendarDateProblem('2000-02-29')).toBeUndefined();
  });

  it('refuses duplicate milestone ids: each becomes a calendar UID', () => {
    expect(problemWith((c) => (c.milestones[3].id = 'kickoff'))).toBe(
      'milestone id "kickoff" is used by milestones[0] and milestones[3]',
    );
  });

  it('refuses working or preferred hours that end before they start', () => {
    const hours = { start: '17:00', end: '09:00', days: [1, 2, 3] };
    expect(problemWith((c) => (c.schedule.workingHours = hours))).toBe(
      'schedule.workingHours.start 17:00 is not before its end 09:00',
    );
    expect(problemWith((c) => (c.schedule.preferredHours = { start: '16:00', end: '10:00' }))).toBe(
      'schedule.preferredHours.start 16:00 is not before its end 10:00',
    );
  });

  it('refuses a program over ten years and warns past two', () => {
    const span = (start: string, end: string) =>
      problemWith((c) => {
        c.program.startDate = start;
        c.program.endDate = end;
      });
    expect(span('0001-01-01', '9999-12-31')).toBe(
      'program.endDate 9999-12-31 is more than 10 years after program.startDate 0001-01-01',
    );
    expect(span('2027-01-11', '2207-01-01')).toMatch(/more than 10 years/);
    expect(span('2027-01-11', '2037-01-11')).toBe('ok');
    const config = defaultConfig({ startDate: '2027-01-11', endDate: '2030-01-11' });
    expect(configWarnings(config)).toEqual([
      'program runs from 2027-01-11 to 2030-01-11, more than 2 years: check program.endDate in ' +
        'mentor.config.json (every series runs to it)',
    ]);
    expect(configWarnings(defaultConfig({ endDate: '2029-01-11' }))).toEqual([]);
  });

  it('accepts a UTF-8 byte-order mark and never quotes the text of a non-JSON file', () => {
    const text = `\uFEFF${JSON.stringify(defaultConfig())}`;
    expect(parseConfig(text, 'c.json').program.name).toBe('Mentoring Program');
    const message = (text: string) => {
      try {
        parseConfig(text, 'c.json');
      } catch (err) {
        return (err as Error).message;
      }
      return 'parsed';
    };
    const passwd = message('root:x:0:0:root:/root:/bin/bash\n');
    expect(passwd).toMatch(/^is not valid JSON: line 1, column 1: expected a value/);
    expect(passwd).not.toMatch(/root|bash/);
    // Issue 15: the place comes with what is wrong and the text around it.
    expect(() => parseConfig('{\n  "program": 1,\n  x\n}', 'c.json')).toThrow(
      'is not valid JSON: line 3, column 3: expected a key in double quotes (near: { "program": 1, \u2192x })',
    );
  });
});
