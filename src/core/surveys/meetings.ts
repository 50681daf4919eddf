/** Meetings scheduled to date per pair: read defensively from the schedule state, or expected from the config. */

import type { ProgramConfig } from '../config.js';
import type { Match } from '../types.js';

const DAY = 86_400_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Record<string, unknown>, keys: string[]): string | undefined => {
  for (const k of keys) if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
};
const START_KEYS = ['start', 'startUtc', 'startsAt', 'startAt', 'date', 'at', 'when'];
const PAIR_KEYS = ['pairId', 'matchId', 'pair', 'match', 'id'];

/**
 * Counts meetings that started on or before `now`, per pair id, from whatever the schedule state holds:
 * an array of meetings, `{meetings|events|occurrences: [...]}`, or pairs with their own meetings/occurrences.
 * Returns undefined when the state has no recognisable meetings (the caller then uses the expectation).
 */
export function countScheduledToDate(schedule: unknown, now: Date): Map<string, number> | undefined {
  const counts = new Map<string, number>();
  let seen = false;
  const nowMs = now.getTime();
  const add = (pairId: string | undefined, start: unknown, item: Record<string, unknown>) => {
    if (!pairId) return;
    if (typeof item.status === 'string' && /cancel/i.test(item.status)) return;
    if (item.kind !== undefined && typeof item.kind === 'string' && !/meeting|pair|session/i.test(item.kind)) return;
    seen = true;
    if (!counts.has(pairId)) counts.set(pairId, 0);
    const ms = typeof start === 'string' ? Date.parse(start) : NaN;
    if (!Number.isNaN(ms) && ms <= nowMs) counts.set(pairId, counts.get(pairId)! + 1);
  };
  const visitList = (list: unknown[], parentPair?: string) => {
    for (const item of list) {
      if (typeof item === 'string' && parentPair) { add(parentPair, item, {}); continue; }
      if (!isObj(item)) continue;
      const pairId = parentPair && !str(item, ['pairId', 'matchId']) ? parentPair : str(item, PAIR_KEYS);
      const nested = ['meetings', 'occurrences', 'sessions', 'events'].map((k) => item[k]).find(Array.isArray) as unknown[] | undefined;
      if (nested) visitList(nested, pairId);
      else add(pairId, str(item, START_KEYS), item);
    }
  };
  if (Array.isArray(schedule)) visitList(schedule);
  else if (isObj(schedule)) {
    for (const k of ['meetings', 'events', 'occurrences', 'pairs', 'series']) if (Array.isArray(schedule[k])) visitList(schedule[k] as unknown[]);
  }
  return seen ? counts : undefined;
}

/** Meetings a pair should have had by `now` at the configured frequency, from the later of program start and the match date. */
export function expectedMeetingsToDate(config: Pick<ProgramConfig, 'program' | 'schedule'>, match: Pick<Match, 'createdAt'>, now: Date): number {
  const start = Math.max(Date.parse(`${config.program.startDate}T00:00:00Z`), Date.parse(match.createdAt.slice(0, 10) + 'T00:00:00Z') || 0);
  const end = Math.min(now.getTime(), Date.parse(`${config.program.endDate}T23:59:59Z`));
  if (Number.isNaN(start) || end < start) return 0;
  const days = Math.floor((end - start) / DAY);
  const n = config.schedule.frequency === 'weekly' ? Math.floor(days / 7) + 1
    : config.schedule.frequency === 'biweekly' ? Math.floor(days / 14) + 1
      : Math.floor(days / 30.4375) + 1;
  return config.schedule.count !== undefined ? Math.min(n, config.schedule.count) : n;
}
