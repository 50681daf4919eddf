/**
 * A config written by an earlier mentor-cli keeps working: every key added later is optional with
 * a documented default, so a program manager never has to edit the file after an upgrade.
 */

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConfigData } from '../../src/core/config-check.js';
import { FIXTURES } from '../helpers/cli.js';

describe('configs written by earlier versions', () => {
  it('the config init wrote in December 2026 (0.1.0) still loads, with defaults for later keys', () => {
    const old = JSON.parse(
      readFileSync(join(FIXTURES, 'configs', 'written-by-0.1.0-2026-12.json'), 'utf8'),
    );
    const check = checkConfigData(old);
    expect(check.ok ? '' : `${check.message} (${check.hint})`).toBe('');
    if (check.ok) expect(check.config.surveys.riskItems).toEqual([]);
  });
});
