import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs helper without types
import { TARGET, validatorSource } from '../helpers/gen-config-validator.mjs';
import { parseConfig } from '../../src/io/store/program.js';

describe('the precompiled config validator', () => {
  it('is up to date with templates/mentor.config.schema.json (else run node test/helpers/gen-config-validator.mjs)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(validatorSource());
  });

  it("reports the first bad key with ajv's own wording", () => {
    expect(() => parseConfig('{"program":{}}', 'c.json')).toThrow(/must have required property/);
    expect(() => parseConfig('[]', 'c.json')).toThrow(/\(top level\) must be object/);
  });
});
