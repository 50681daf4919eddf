import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../src/core/timezones/resolve.js';
import {
  ABBREVIATIONS,
  DISPLAY_NAMES,
  HALF_HOUR_OFFSETS,
  PLACE_ALIASES,
  WINDOWS_ZONES,
} from '../../src/core/timezones/names.js';
import { isValidTimeZone } from '../../src/core/timezones/valid.js';

const PLAIN: Array<[string, string]> = [
  ['Europe/London', 'Europe/London'],
  ['europe/london', 'Europe/London'],
  ['AMERICA/NEW_YORK', 'America/New_York'],
  ['Asia/Kolkata', 'Asia/Kolkata'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Europe/Kiev', 'Europe/Kyiv'],
  ['UTC', 'UTC'],
  ['Etc/UTC', 'UTC'],
  ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ['Etc/GMT-2', 'Etc/GMT-2'],
  ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
  ['(UTC-06:00) Central Time (US & Canada)', 'America/Chicago'],
  ['(UTC-08:00) Pacific Time (US & Canada)', 'America/Los_Angeles'],
  ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
  ['(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', 'Europe/Paris'],
  ['(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', 'Asia/Kolkata'],
  ['(UTC+09:00) Osaka, Sapporo, Tokyo', 'Asia/Tokyo'],
  ['(UTC-03:00) Brasilia', 'America/Sao_Paulo'],
  ['(UTC+10:00) Canberra, Melbourne, Sydney', 'Australia/Sydney'],
  ['(UTC+00:00) Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['(UTC) Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['(GMT+08:00) Kuala Lumpur, Singapore', 'Asia/Singapore'],
  ['(UTC+02:00) Cairo', 'Africa/Cairo'],
  ['(UTC+03:30) Tehran', 'Asia/Tehran'],
  ['(UTC+12:00) Auckland, Wellington', 'Pacific/Auckland'],
  ['(UTC) Coordinated Universal Time', 'UTC'],
  ['Eastern Standard Time', 'America/New_York'],
  ['W. Europe Standard Time', 'Europe/Berlin'],
  ['India Standard Time', 'Asia/Kolkata'],
  ['Tokyo Standard Time', 'Asia/Tokyo'],
  ['GMT Standard Time', 'Europe/London'],
  ['Pacific Standard Time', 'America/Los_Angeles'],
  ['Central Standard Time', 'America/Chicago'],
  ['AUS Eastern Standard Time', 'Australia/Sydney'],
  ['E. South America Standard Time', 'America/Sao_Paulo'],
  ['China Standard Time', 'Asia/Shanghai'],
  ['Singapore Standard Time', 'Asia/Singapore'],
  ['South Africa Standard Time', 'Africa/Johannesburg'],
  ['Romance Standard Time', 'Europe/Paris'],
  ['EST', 'America/New_York'],
  ['EDT', 'America/New_York'],
  ['ET', 'America/New_York'],
  ['Eastern', 'America/New_York'],
  ['Eastern Time', 'America/New_York'],
  ['PST', 'America/Los_Angeles'],
  ['PT', 'America/Los_Angeles'],
  ['Pacific', 'America/Los_Angeles'],
  ['CET', 'Europe/Paris'],
  ['CEST', 'Europe/Paris'],
  ['JST', 'Asia/Tokyo'],
  ['AEST', 'Australia/Sydney'],
  ['SGT', 'Asia/Singapore'],
  ['HKT', 'Asia/Hong_Kong'],
  ['KST', 'Asia/Seoul'],
  ['BRT', 'America/Sao_Paulo'],
  ['SAST', 'Africa/Johannesburg'],
  ['NZST', 'Pacific/Auckland'],
  ['MSK', 'Europe/Moscow'],
  ['London', 'Europe/London'],
  ['new york', 'America/New_York'],
  ['São Paulo', 'America/Sao_Paulo'],
  ['Sao Paulo', 'America/Sao_Paulo'],
  ['Bangalore', 'Asia/Kolkata'],
  ['Kolkata', 'Asia/Kolkata'],
  ['Tokyo', 'Asia/Tokyo'],
  ['Lagos', 'Africa/Lagos'],
  ['London, UK', 'Europe/London'],
  ['Bangalore (India)', 'Asia/Kolkata'],
  ['Mexico City', 'America/Mexico_City'],
  ['Munich', 'Europe/Berlin'],
  ['UTC+0', 'UTC'],
  ['GMT+00:00', 'UTC'],
];

describe('resolveTimeZone: plain readings', () => {
  it.each(PLAIN)('%j -> %s', (input, tz) => {
    expect(resolveTimeZone(input)).toEqual({ tz });
  });
});

describe('resolveTimeZone: fixed offsets warn', () => {
  it.each([
    ['UTC+2', 'Etc/GMT-2'],
    ['utc +2', 'Etc/GMT-2'],
    ['GMT-05:00', 'Etc/GMT+5'],
    ['-5', 'Etc/GMT+5'],
    ['+05:30', 'Asia/Kolkata'],
    ['UTC+5:30', 'Asia/Kolkata'],
    ['+09:30', 'Australia/Darwin'],
    ['+05:45', 'Asia/Kathmandu'],
    ['UTC+14', 'Etc/GMT-14'],
    ['GMT-12', 'Etc/GMT+12'],
    ['(UTC+04:00) Nowhere Land', 'Etc/GMT-4'],
  ])('%j -> %s', (input, tz) => {
    const r = resolveTimeZone(input);
    expect(r.tz).toBe(tz);
    expect(r.code).toBe('timezone-fixed-offset');
    expect(r.warning).toBe(
      `time zone "${input}" is a fixed offset, read as ${tz}; a fixed offset does not follow daylight-saving`,
    );
    expect(r.hint).toBe('Use a city zone such as Europe/Berlin or America/New_York');
  });
});

describe('resolveTimeZone: ambiguous abbreviations warn and name the alternatives', () => {
  it.each([
    ['CST', 'America/Chicago', 'Asia/Shanghai'],
    ['IST', 'Asia/Kolkata', 'Europe/Dublin'],
    ['BST', 'Europe/London', 'Asia/Dhaka'],
    ['GMT', 'Europe/London', 'UTC'],
  ])('%j -> %s', (input, tz, alternative) => {
    const r = resolveTimeZone(input);
    expect(r.tz).toBe(tz);
    expect(r.code).toBe('timezone-ambiguous');
    expect(r.warning).toContain(`read as ${tz}`);
    expect(r.warning).toContain(alternative);
  });
});

describe('resolveTimeZone: empty and unknown', () => {
  it('gives the default for an empty cell, without a warning', () => {
    expect(resolveTimeZone('  ', 'Europe/Madrid')).toEqual({ tz: 'Europe/Madrid' });
    expect(resolveTimeZone('')).toEqual({});
  });
  it.each(['Mars/Olympus', 'Springfield', 'UTC+15', '+05:17', 'constructor', '__proto__'])(
    'rejects %j',
    (input) => {
      const r = resolveTimeZone(input);
      expect(r.tz).toBeUndefined();
      expect(r.code).toBe('timezone-invalid');
      expect(r.error).toBe(`time zone "${input}" is not recognised`);
    },
  );
});

describe('WINDOWS_ZONES', () => {
  it('holds at least 60 zones, all valid in this runtime', () => {
    const zones = Object.values(WINDOWS_ZONES);
    expect(zones.length).toBeGreaterThanOrEqual(60);
    expect(zones.filter((z) => !isValidTimeZone(z))).toEqual([]);
  });
});

describe('time-zone data tables', () => {
  it('name only zones this runtime knows', () => {
    const zones = [
      ...Object.values(DISPLAY_NAMES),
      ...Object.values(PLACE_ALIASES),
      ...Object.values(HALF_HOUR_OFFSETS),
      ...Object.values(ABBREVIATIONS).map((a) => a[0]),
    ];
    expect(zones.filter((z) => !isValidTimeZone(z))).toEqual([]);
  });
});
