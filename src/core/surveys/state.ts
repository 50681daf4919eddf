/** The stored shape of survey responses (.mentor/surveys.json) and idempotent merging into it. */

import type { ColumnInfo } from './classify.js';
import type { MeasureId } from './measures.js';

/** Numbers and flags read from one response; absent when unanswered or out of scale. */
export interface SurveyMeasures {
  satisfaction?: number;
  recommend?: number;
  meetingsHeld?: number;
  goalProgress?: number;
  skillsImproved?: number;
  wouldContinue?: boolean;
  concerns?: string;
}

/** One survey response as stored: measures, plus every original answer text by header. */
export interface SurveyResponse {
  /** Stable content key: the same row merged twice has the same id. */
  id: string;
  wave: string;
  /** Trimmed, lower-cased email as answered (may match no participant). */
  email: string;
  name?: string;
  /** ISO 8601 date-time of submission, when the export had one. */
  submittedAt?: string;
  measures: SurveyMeasures;
  /** Measures whose answer was outside the scale (kept as text in `answers`, not counted). */
  invalid?: MeasureId[];
  /**
   * Measures asked on another scale than their documented one, with the scale they were asked on
   * ("1-10"); the stored measure is rescaled, the original answer stays in `answers`.
   */
  rescaledFrom?: Partial<Record<MeasureId, string>>;
  /** True when the response answers no question at all: kept, but not a respondent. */
  empty?: true;
  /**
   * Original answer texts, exactly as exported, aligned with `headerSets[headerSet]` (trailing
   * blanks dropped).
   */
  answers: string[];
  /**
   * Index into SurveyState.headerSets (the file's headers, stored once rather than per response).
   */
  headerSet: number;
  source: { file: string; sheet?: string; row: number };
  /** Order of merging, so that among equal timestamps the later merge wins. */
  seq: number;
}

/** The surveys state document. */
export interface SurveyState {
  /** Header rows of the merged files, each stored once. */
  headerSets: string[][];
  /** How each column of a header set was classified (aligned with headerSets; absent in old states). */
  columnSets?: ColumnInfo[][];
  responses: SurveyResponse[];
}

/** An empty state, for readState's fallback. */
export const EMPTY_SURVEY_STATE: SurveyState = { headerSets: [], responses: [] };

/** Responses read from one file, with that file's headers. */
export interface SurveyBatch {
  headers: string[];
  columns?: ColumnInfo[];
  responses: SurveyResponse[];
}

/** Adds responses whose id is not stored yet; returns the new state and the counts. */
export function mergeSurveyResponses(
  state: SurveyState,
  batches: readonly SurveyBatch[],
): { state: SurveyState; added: number; duplicates: number } {
  const have = new Set(state.responses.map((r) => r.id));
  let seq = state.responses.reduce((m, r) => Math.max(m, r.seq ?? 0), 0);
  const headerSets = (state.headerSets ?? []).slice();
  const columnSets = headerSets.map((_, i) => state.columnSets?.[i] ?? []);
  const keys = headerSets.map((h, i) => JSON.stringify([h, columnSets[i]]));
  const responses = state.responses.slice();
  let duplicates = 0;
  for (const b of batches) {
    const key = JSON.stringify([b.headers, b.columns ?? []]);
    let set = keys.indexOf(key);
    for (const r of b.responses) {
      if (have.has(r.id)) {
        duplicates++;
        continue;
      }
      if (set < 0) {
        set = headerSets.push(b.headers) - 1;
        columnSets.push(b.columns ?? []);
        keys.push(key);
      }
      have.add(r.id);
      responses.push({ ...r, headerSet: set, seq: ++seq });
    }
  }
  return {
    state: { headerSets, columnSets, responses },
    added: responses.length - state.responses.length,
    duplicates,
  };
}

/** The original answers of a response by header text (null-prototype object). */
export function answersOf(
  state: Pick<SurveyState, 'headerSets'>,
  r: SurveyResponse,
): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const headers = state.headerSets[r.headerSet] ?? [];
  r.answers.forEach((a, i) => {
    if (a !== '') out[headers[i] ?? `Column ${i + 1}`] = a;
  });
  return out;
}

/**
 * Content hash (FNV-1a, 2 x 32 bits) for response ids; not cryptographic, only for de-duplication.
 */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
