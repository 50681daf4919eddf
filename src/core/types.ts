/** Plain data types shared by every stage of the program cycle. No behaviour lives here. */

import type { Location } from '../errors.js';

export type Role = 'mentor' | 'mentee' | 'both';
export type Status = 'active' | 'withdrawn';

/** Day of week, ISO order: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A weekly window in the person's own time zone; minutes from local midnight, end > start (end may
 * be 1440).
 */
export interface AvailabilityWindow {
  day: Weekday;
  start: number;
  end: number;
}

/** Where a participant (or any record) came from, so messages can point at the cell. */
export interface SourceRef {
  file: string;
  sheet?: string;
  row: number;
  /** Mapped cells as typed, by field, where the stored value does not show the text as it was. */
  text?: Record<string, string>;
}

/**
 * A participant as stored in the program state. Field names are the documented schema
 * (also the JSON keys of `export participants`): they may be extended, never renamed.
 */
export interface Participant {
  email: string;
  name: string;
  role: Role;
  department?: string;
  title?: string;
  level?: number;
  managerEmail?: string;
  timezone?: string;
  languages: string[];
  topics: string[];
  interests: string[];
  goals?: string;
  capacity?: number;
  availability: AvailabilityWindow[];
  preferences: string[];
  avoid: string[];
  cohort?: string;
  trainingCompleted?: boolean;
  status: Status;
  /** Every column that maps to no field, keyed by its header text (null-prototype object). */
  attributes: Record<string, string>;
  /** Form timestamp of the submission, ISO 8601, when the export had one. */
  submittedAt?: string;
  source?: SourceRef;
}

/** Severity of a problem found while processing data. */
export type Severity = 'error' | 'warning';

/** A problem found by the core: an error rejects the record, a warning keeps it. */
export interface Problem {
  severity: Severity;
  /** Short stable code, e.g. `email-invalid`, `timezone-ambiguous`. */
  code: string;
  message: string;
  /** How to fix it, in words a program manager can act on. */
  hint?: string;
  location?: Location;
}

/** A table read from a CSV or XLSX file, every cell as text (dates as ISO 8601). */
export interface SourceTable {
  file: string;
  sheet?: string;
  /** Excel row number of the header row. */
  headerRow: number;
  headers: string[];
  rows: SourceRow[];
  /** Notes from reading (encoding detected, rows skipped), for --verbose. */
  notes: string[];
}

export interface SourceRow {
  /** Row number as Excel/a text editor shows it. */
  line: number;
  cells: string[];
  /**
   * Non-empty fields beyond the last header (a CSV row with too many fields), kept so validation
   * can reject the row.
   */
  extra?: string[];
}

/** A pairing of one mentee with one mentor (peer pairs use the same shape). */
export interface Match {
  id: string;
  mentee: string;
  mentor: string;
  score: number;
  reasons: string[];
  /** Reasons that mention a sensitive attribute: shown only with --include-sensitive. */
  sensitiveReasons?: string[];
  status: 'active' | 'ended';
  /**
   * `proposed` until the manager approves it (`match approve`); absent means approved (pairs stored
   * before the review step existed, or with matching.autoApprove).
   */
  review?: 'proposed';
  origin: 'optimal' | 'stable' | 'manual' | 'kept' | 'peer';
  cohort?: string;
  createdAt: string;
  endedAt?: string;
  endReason?: string;
}
