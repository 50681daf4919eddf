/**
 * Data shapes of the scheduling stage (plain data, shared by slots, recurrence, plan and the
 * writers).
 */

import type { Match, Participant } from '../types.js';

/** A wall-clock date and time in a named zone: date YYYY-MM-DD, time HH:MM. */
export interface LocalDateTime {
  date: string;
  time: string;
}

/** Someone on an event. */
export interface CalPerson {
  name: string;
  email: string;
}

/**
 * The people meeting together: one mentor with one mentee (or, in group mentoring, all their
 * mentees).
 */
export interface MeetingUnit {
  id: string;
  mentor: Participant;
  mentees: Participant[];
  matches: Match[];
  /** Whose wall-clock time stays fixed. */
  anchor: Participant;
}

/** A weekly slot: first meeting day (day number) and start minute in the anchor's zone. */
export interface Slot {
  day: number;
  minute: number;
  /** True when the configured fallback was used because there was no common time. */
  fallback: boolean;
}

/** Result of slot finding for one unit. */
export interface SlotOutcome {
  unitId: string;
  slot?: Slot;
  /** Why there is no slot, or why the fallback was used. */
  reason?: string;
  /**
   * Set when a clock change later in the program moves someone outside their availability (no slot
   * avoided it).
   */
  shift?: string;
}

/** One meeting of a series. */
export interface Occurrence {
  /** Meeting number, 1-based (skipped dates get none). */
  number: number;
  /** Date the recurrence rule produced (the RECURRENCE-ID). */
  ruleDate: string;
  /** Date it actually happens (differs when moved off a blackout date). */
  date: string;
  time: string;
  status: 'scheduled' | 'moved' | 'skipped';
  /** Why a meeting moved, when not for a blackout date (a clash, a daylight-saving change). */
  note?: string;
}

/** A calendar event, format-neutral: the .ics writer turns it into a VEVENT (plus overrides). */
export interface CalEvent {
  uid: string;
  kind: 'series' | 'milestone' | 'checkin';
  /** Pair/group id, for series and check-ins. */
  unitId?: string;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  tz: string;
  start: LocalDateTime;
  durationMinutes: number;
  /**
   * RRULE value without the "RRULE:" name, e.g.
   * FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20270622T130000Z.
   */
  rrule?: string;
  exdates?: LocalDateTime[];
  /**
   * Occurrences moved to another day: RECURRENCE-ID (rule date) and new start. `utc`: the start is
   * a UTC date and time, for a meeting left at a wall time a clock change repeats or skips (ical.js
   * reads a repeated time as the second one, RFC 5545 as the first: written in UTC, every client
   * shows the instant RFC 5545 means).
   */
  moved?: { recurrenceId: LocalDateTime; start: LocalDateTime; utc?: boolean }[];
  /** Set on a cancellation of one instance of a series. */
  recurrenceId?: LocalDateTime;
  organizer: CalPerson;
  attendees: CalPerson[];
  /** Emails whose personal calendar file gets this event ('*' = everyone). */
  audience: string[];
  status: 'CONFIRMED' | 'CANCELLED';
  sequence: number;
  /** ISO instant. */
  dtstamp: string;
}
