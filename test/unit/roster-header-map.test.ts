import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  formSignature,
  mapHeaders,
  mappingToSaved,
  parseMapFlags,
} from '../../src/core/roster/header-map.js';
import type { FieldName } from '../../src/core/roster/fields.js';

/** Maps one header alone (plus nothing else) and returns its field, or "attribute". */
function fieldOf(header: string): string {
  const { mapping } = mapHeaders([header]);
  const hit = Object.entries(mapping.fields).find(([, col]) => col === 0);
  return hit ? hit[0] : 'attribute';
}

const CASES: Array<[string, FieldName | 'attribute']> = [
  ['Email', 'email'],
  ['E-mail', 'email'],
  ['Email Address', 'email'],
  ['Work email', 'email'],
  ['What is your work email?', 'email'],
  ['Your email address', 'email'],
  ['Username', 'email'],
  ['EMAIL  ADDRESS ', 'email'],
  ['Name', 'name'],
  ['Full name', 'name'],
  ['Your name', 'name'],
  ['What is your name?', 'name'],
  ['First name', 'firstName'],
  ['Given name', 'firstName'],
  ['Last name', 'lastName'],
  ['Surname', 'lastName'],
  ['Family name', 'lastName'],
  ['Role', 'role'],
  ['Would you like to join as a mentor or a mentee?', 'role'],
  ['I want to be a...', 'role'],
  ['Participant type', 'role'],
  ['Department', 'department'],
  ['Team', 'department'],
  ['Business unit', 'department'],
  ['Job title', 'title'],
  ['Position', 'title'],
  ['Level', 'level'],
  ['Grade', 'level'],
  ['Seniority', 'level'],
  ['Manager email', 'managerEmail'],
  ["Line manager's email", 'managerEmail'],
  ['Line manager’s email', 'managerEmail'],
  ['Time zone', 'timezone'],
  ['Timezone', 'timezone'],
  ['Where are you based (time zone)?', 'timezone'],
  ['Languages', 'languages'],
  ['Languages spoken', 'languages'],
  ['Which languages can you mentor in?', 'languages'],
  ['Topics', 'topics'],
  ['Skills', 'topics'],
  ['Expertise', 'topics'],
  ['Which topics can you help with? (select all that apply)', 'topics'],
  ['What would you like help with?', 'topics'],
  ['Areas of interest', 'topics'],
  ['Areas you want to develop', 'topics'],
  ['Development areas', 'topics'],
  ['Hobbies', 'interests'],
  ['Interests', 'interests'],
  ['Personal interests', 'interests'],
  ['Goals', 'goals'],
  ['What do you hope to achieve?', 'goals'],
  ['Capacity', 'capacity'],
  ['How many mentees can you take?', 'capacity'],
  ['Max mentees', 'capacity'],
  ['Availability', 'availability'],
  ['When are you available?', 'availability'],
  ['Preferred mentors', 'preferences'],
  ['Preferences', 'preferences'],
  ['Avoid', 'avoid'],
  ["People you'd rather not be matched with", 'avoid'],
  ['Cohort', 'cohort'],
  ['Intake', 'cohort'],
  ['Training completed', 'trainingCompleted'],
  ['Completed mentor training?', 'trainingCompleted'],
  ['Status', 'status'],
  ['Timestamp', 'submittedAt'],
  ['Submitted at', 'submittedAt'],
  ['Completion time', 'submittedAt'],
  ['Submit Date (UTC)', 'submittedAt'],
  ['ID', 'attribute'],
  ['Start time', 'attribute'],
  ['Favourite colour', 'attribute'],
  ['Années d’expérience', 'attribute'],
  ['Pronouns', 'attribute'],
  ['Preferred name', 'name'],
  ['__proto__', 'attribute'],
  ['constructor', 'attribute'],
  ['prototype', 'attribute'],
];

describe('mapHeaders: one header at a time', () => {
  it.each(CASES)('%s -> %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});

describe('mapHeaders: whole forms', () => {
  it('maps a Microsoft Forms export and keeps ID and Start time as attributes', () => {
    const headers = [
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'Would you like to join as a mentor or a mentee?',
      'Manager email',
      'Shoe size',
    ];
    const { mapping, unmapped, missingRequired, problems } = mapHeaders(headers);
    expect(mapping.fields).toEqual({ submittedAt: 2, email: 3, name: 4, role: 5, managerEmail: 6 });
    expect(mapping.attributes).toEqual([0, 1, 7]);
    expect(unmapped).toEqual(['ID', 'Start time', 'Shoe size']);
    expect(missingRequired).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('never maps two columns to one field: the better score wins', () => {
    const { mapping } = mapHeaders(['Your email address', 'Email', 'Skills you have', 'Topics']);
    expect(mapping.fields).toEqual({ email: 1, topics: 3 });
    expect(mapping.attributes).toEqual([0, 2]);
  });

  it('combines first and last name columns and reports missing required fields', () => {
    const { mapping, missingRequired } = mapHeaders(['Given name', 'Family name', 'Team']);
    expect(mapping.fields).toEqual({ firstName: 0, lastName: 1, department: 2 });
    expect(missingRequired).toEqual(['email', 'role']);
  });

  it('keeps dangerous header names as attributes on a null-prototype field map', () => {
    const { mapping } = mapHeaders(['__proto__', 'constructor', 'Email']);
    expect(Object.getPrototypeOf(mapping.fields)).toBeNull();
    expect(mapping.attributes).toEqual([0, 1]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('mapHeaders: overrides and saved mappings', () => {
  it('applies --map overrides case- and space-insensitively, moving the field off the guessed column', () => {
    const { mapping } = mapHeaders(
      ['Email', 'Contact  EMAIL', 'Notes'],
      [
        { header: 'contact email', field: 'email' },
        { header: 'notes', field: 'ignore' },
      ],
    );
    expect(mapping.fields).toEqual({ email: 1 });
    expect(mapping.attributes).toEqual([0]);
    expect(mapping.ignored).toEqual([2]);
  });

  it('reports an unknown header or field as problems', () => {
    const { problems } = mapHeaders(
      ['Email'],
      [
        { header: 'Mail', field: 'email' },
        { header: 'Email', field: 'shoe' },
      ],
    );
    expect(problems.map((p) => p.code)).toEqual(['map-unknown-header', 'map-unknown-field']);
    expect(problems[0].message).toBe('--map names header "Mail", which is not in the file');
  });

  it('accepts field names in other spellings', () => {
    const { mapping } = mapHeaders(
      ['Boss', 'Done?'],
      [
        { header: 'Boss', field: 'manager_email' },
        { header: 'Done?', field: 'Training Completed' },
      ],
    );
    expect(mapping.fields).toEqual({ managerEmail: 0, trainingCompleted: 1 });
  });

  it('round-trips through mappingToSaved and wins over guesses', () => {
    const headers = ['Contact', 'Email', 'Kind'];
    const first = mapHeaders(headers, [
      { header: 'Contact', field: 'email' },
      { header: 'Kind', field: 'role' },
      { header: 'Email', field: 'ignore' },
    ]);
    const saved = mappingToSaved(headers, first.mapping);
    expect({ ...saved }).toEqual({ Contact: 'email', Kind: 'role', Email: 'ignore' });
    expect(Object.getPrototypeOf(saved)).toBeNull();
    const again = mapHeaders(headers, [], saved);
    expect(again.mapping).toEqual(first.mapping);
  });
});

describe('formSignature', () => {
  it('is stable and ignores case and punctuation but not the headers themselves', () => {
    const a = formSignature(['Email', 'Name', 'Role']);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(formSignature(['email ', 'NAME', 'role?'])).toBe(a);
    expect(formSignature(['Email', 'Role', 'Name'])).not.toBe(a);
    expect(formSignature(['Email', 'Name'])).not.toBe(a);
  });
});

describe('parseMapFlags', () => {
  it.each([
    ['Work email=email', { header: 'Work email', field: 'email' }],
    [' What is 2+2? = goals ', { header: 'What is 2+2?', field: 'goals' }],
    ['a=b=c', { header: 'a=b', field: 'c' }],
  ])('%s', (flag, expected) => {
    expect(parseMapFlags([flag])).toEqual([expected]);
  });
  it.each(['email', '=email', 'Email=', ''])('rejects %j', (flag) => {
    expect(() => parseMapFlags([flag])).toThrow(UsageError);
  });
});
