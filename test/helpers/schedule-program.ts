/**
 * Builds a program folder for schedule/intro tests: config, participants and matches written as
 * state.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type ProgramConfig } from '../../src/core/config.js';
import type { AvailabilityWindow, Match, Participant } from '../../src/core/types.js';
import { writeState, type Program } from '../../src/io/store/program.js';

/** A participant with sensible defaults. */
export function person(
  email: string,
  name: string,
  role: 'mentor' | 'mentee',
  extra: Partial<Participant> = {},
): Participant {
  return {
    email,
    name,
    role,
    languages: ['English'],
    topics: ['leadership'],
    interests: [],
    availability: [],
    preferences: [],
    avoid: [],
    status: 'active',
    attributes: Object.create(null),
    ...extra,
  };
}

/** Availability on the given ISO weekdays between two clock times. */
export function hours(days: number[], start: string, end: string): AvailabilityWindow[] {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return days.map((day) => ({
    day: day as AvailabilityWindow['day'],
    start: m(start),
    end: m(end),
  }));
}

/** An active match. */
export function match(
  id: string,
  mentor: string,
  mentee: string,
  reasons: string[] = ['shares topics: leadership'],
): Match {
  return {
    id,
    mentor,
    mentee,
    score: 80,
    reasons,
    status: 'active',
    origin: 'optimal',
    createdAt: '2026-12-01T00:00:00Z',
  };
}

/** Writes mentor.config.json and the state documents into `dir`. */
export async function writeProgram(
  dir: string,
  config: ProgramConfig,
  participants: Participant[],
  matches: Match[] | undefined,
): Promise<Program> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'mentor.config.json'), JSON.stringify(config, null, 2));
  const program: Program = { dir, stateDir: join(dir, '.mentor'), config };
  await writeState(program, 'participants', participants);
  if (matches) await writeState(program, 'matches', matches);
  return program;
}

/** The default config with a changed schedule section (and other top-level tweaks). */
export function configWith(
  schedule: Partial<ProgramConfig['schedule']> = {},
  program: Partial<ProgramConfig['program']> = {},
): ProgramConfig {
  const c = defaultConfig({
    startDate: '2027-03-01',
    endDate: '2027-04-30',
    timezone: 'America/New_York',
  });
  c.schedule = { ...c.schedule, ...schedule };
  c.program = { ...c.program, ...program };
  return c;
}
