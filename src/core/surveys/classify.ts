/**
 * Every column of a survey export, classified at merge time from its header and its answers:
 * identity (email, name, dates, tool columns), a known measure, a custom rating item, a matrix row,
 * a choice or checkbox question, or free text. Nothing is dropped without being listed.
 */

import type { SourceTable } from '../types.js';
import {
  cleanHeader,
  mapSurveyHeaders,
  type ColumnKindName,
  type MeasureId,
  type SurveyField,
  type SurveyMapping,
  type SurveyMapTarget,
} from './measures.js';
import {
  numericScale,
  readOnScale,
  scaleFromAnswers,
  scaleFromWording,
  type Scale,
} from './scale-detect.js';
import { readCount, readYesNo } from './scales.js';
import { DEFAULT_VOCABULARY, normAnswer, type ScaleFamily, type Vocabulary } from './vocabulary.js';

/** How one column is read and reported. */
export interface ColumnInfo {
  header: string;
  kind: ColumnKindName;
  /** The identity field or measure this column feeds. */
  field?: SurveyField;
  /** Rating, matrix and numeric measure columns: the scale the answers are on. */
  scale?: Scale;
  /** Matrix rows and checkbox options: the question they belong to. */
  question?: string;
  /** Matrix rows: the row label; checkbox option columns: the option. */
  row?: string;
  /** Checkbox questions in one column: the separator between chosen options. */
  separator?: string;
  /** Non-empty answers in the file. */
  answered: number;
}

/** The documented scale of each numeric measure, and the label family that fits it best. */
export const DOCUMENTED: Partial<
  Record<MeasureId, { min: number; max: number; family: ScaleFamily }>
> = {
  satisfaction: { min: 1, max: 5, family: 'satisfaction' },
  goalProgress: { min: 1, max: 5, family: 'progress' },
  skillsImproved: { min: 1, max: 5, family: 'agreement' },
  recommend: { min: 0, max: 10, family: 'likelihood' },
};

const IDENTITY = new Set<SurveyField>(['email', 'name', 'submittedAt', 'startedAt', 'wave']);
const COUNT_WORDING = /^(how many|wie viele|combien|cuánt|quant)/u;
const TEXT_WORDING =
  /(comment|why|describe|explain|tell us|anything|suggest|other|warum|kommentar|anmerkung|pourquoi|commentaire|por qué|comentario|porque|comentário)/u;

/** One group of adjacent columns that look like rows of one grid question. */
interface Group {
  question: string;
  cols: Array<{ index: number; row: string }>;
}

/**
 * Grid headers: Google Forms "Question [Row]", SurveyMonkey's merged two rows "Question - Row",
 * Microsoft Forms "Question?.Row". Only runs of two or more adjacent columns with the same question
 * count (a lone "Any concerns? - Open-Ended Response" stays a plain column).
 */
function findGroups(headers: readonly string[], skip: ReadonlySet<number>): Group[] {
  const split = (h: string): [string, string] | undefined => {
    let m = /^(.*\S)\s*\[([^\]]+)\]$/u.exec(h);
    if (!m) m = /^(.+\S) - (.+)$/u.exec(h);
    if (!m) m = /^(.+[?:])\.\s*(\S.*)$/u.exec(h);
    return m ? [m[1].trim(), m[2].trim()] : undefined;
  };
  const groups: Group[] = [];
  let cur: Group | undefined;
  headers.forEach((h, index) => {
    const parts = skip.has(index) ? undefined : split(h);
    if (parts && cur && cur.question === parts[0]) {
      cur.cols.push({ index, row: parts[1] });
      return;
    }
    if (cur && cur.cols.length > 1) groups.push(cur);
    cur = parts ? { question: parts[0], cols: [{ index, row: parts[1] }] } : undefined;
  });
  if (cur && cur.cols.length > 1) groups.push(cur);
  return groups;
}

/** Single-column checkbox answers: Microsoft Forms "A;B;", Google Forms "A, B". */
function checkboxSeparator(answers: readonly string[]): string | undefined {
  if (answers.length === 0) return undefined;
  if (answers.some((a) => /;\s*\S/.test(a) || a.trim().endsWith(';'))) return ';';
  const whole = new Set(answers.map(normAnswer));
  const multi = answers.filter((a) => a.includes(', '));
  const seen = new Map<string, number>();
  for (const a of answers)
    for (const p of a.split(', ')) seen.set(normAnswer(p), (seen.get(normAnswer(p)) ?? 0) + 1);
  // Google Forms joins options with ", ": a checkbox when every part is an answer on its own or
  // recurs in other answers (sentences with commas do not).
  const option = (p: string) => whole.has(normAnswer(p)) || (seen.get(normAnswer(p)) ?? 0) > 1;
  if (multi.length && multi.every((a) => a.split(', ').every(option))) return ', ';
  return undefined;
}

/** Choice (few distinct short answers that repeat) or free text. */
function choiceOrText(header: string, answers: readonly string[]): 'choice' | 'text' {
  if (answers.length === 0) return 'text';
  const distinct = new Set(answers.map(normAnswer));
  const avg = answers.reduce((s, a) => s + a.length, 0) / answers.length;
  if (TEXT_WORDING.test(cleanHeader(header)) && avg > 12) return 'text';
  return distinct.size <= 12 && distinct.size < answers.length && avg <= 40 ? 'choice' : 'text';
}

/** The scale of a numeric measure: wording, else answers; a range within the documented one is it. */
function measureScale(
  id: MeasureId,
  header: string,
  answers: readonly string[],
  vocab: Vocabulary,
): Scale | undefined {
  const doc = DOCUMENTED[id]!;
  const documented = numericScale(doc.min, doc.max, 'documented');
  const worded = scaleFromWording(header);
  if (worded) return worded;
  if (answers.length === 0) return documented;
  const found = scaleFromAnswers(answers, vocab, doc.family);
  // Answers that fit no scale are read on the documented one (and the misfits warned about).
  if (!found) return documented;
  if (found.id === 'numeric' && found.min >= doc.min && found.max <= doc.max) return documented;
  return found;
}

/** Share of answers a reader accepts. */
const share = (answers: readonly string[], ok: (a: string) => boolean): number =>
  answers.length === 0 ? 1 : answers.filter(ok).length / answers.length;

/** Builds a scale from a `--map` scale. */
function mappedScale(s: SurveyMapTarget['scale'], vocab: Vocabulary): Scale | undefined {
  if (s === undefined) return undefined;
  if (Array.isArray(s)) return numericScale(s[0], s[1], 'map');
  const l = vocab.labelScales.find((x) => x.id === s);
  return l && { id: l.id, family: l.family, min: l.min, max: l.max, from: 'map' };
}

/**
 * Classifies every column of a table. `flags` are the `--map` overrides by cleaned header.
 */
export function classifyColumns(
  table: Pick<SourceTable, 'headers' | 'rows'>,
  flags: ReadonlyMap<string, SurveyMapTarget> = new Map(),
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): ColumnInfo[] {
  const { headers } = table;
  const answersOf = (i: number): string[] => {
    const out: string[] = [];
    for (const r of table.rows) {
      const t = (r.cells[i] ?? '').trim();
      if (t) out.push(t);
    }
    return out;
  };
  const answers = headers.map((_, i) => answersOf(i));
  const forcedIdx = new Set(headers.flatMap((h, i) => (flags.has(cleanHeader(h)) ? [i] : [])));
  const identityIdx = new Set(
    headers.flatMap((h, i) => (vocab.headers.get('other')?.test(cleanHeader(h)) ? [i] : [])),
  );
  const groups = findGroups(headers, new Set([...forcedIdx, ...identityIdx]));
  const inGroup = new Set(groups.flatMap((g) => g.cols.map((c) => c.index)));
  // Grid rows never claim a measure by wording ("Rate your mentor - Helped me set goals").
  const mapping = mapSurveyHeaders(
    headers.map((h, i) => (inGroup.has(i) ? '' : h)),
    flags,
    vocab,
  );
  const fieldAt = new Map([...mapping.columns].map(([f, i]) => [i, f]));
  const out: ColumnInfo[] = headers.map((header, i) => ({
    header,
    kind: 'text',
    answered: answers[i].length,
  }));
  const decided = new Set<number>();
  const other = vocab.headers.get('other');
  headers.forEach((h, i) => {
    const flag = flags.get(cleanHeader(h));
    const field = fieldAt.get(i);
    const c = out[i];
    if (flag?.kind) {
      c.kind = flag.kind;
      const s = mappedScale(flag.scale, vocab) ?? scaleFromWording(h);
      if (flag.kind === 'rating') c.scale = s ?? scaleFromAnswers(answers[i], vocab);
      if (flag.kind === 'checkbox') c.separator = checkboxSeparator(answers[i]) ?? ';';
      decided.add(i);
      return;
    }
    if (field && IDENTITY.has(field)) {
      Object.assign(c, { kind: 'identity', field });
      decided.add(i);
      return;
    }
    if (!field && other?.test(cleanHeader(h))) {
      c.kind = 'identity';
      decided.add(i);
      return;
    }
    if (!field) return;
    const id = field as MeasureId;
    const forced = flag?.field !== undefined;
    const a = answers[i];
    // Sentences under a measure's wording ("What are your goals?") are free text, not a measure.
    const sentences = a.length > 0 && a.reduce((n, t) => n + t.length, 0) / a.length > 20;
    let ok = forced || !sentences;
    if (id === 'concerns') ok = true;
    else if (id === 'meetingsHeld')
      ok ||= share(a, (t) => readCount(t, vocab).kind !== 'invalid') >= 0.5;
    else if (id === 'wouldContinue') {
      const agree = scaleFromAnswers(a, vocab, 'agreement');
      if (agree && agree.family === 'agreement') {
        c.scale = agree;
        ok = true;
      } else ok ||= share(a, (t) => readYesNo(t, vocab).kind !== 'invalid') >= 0.5;
    } else {
      const s = mappedScale(flag?.scale, vocab) ?? measureScale(id, h, a, vocab);
      if (s) c.scale = s;
      ok ||= s !== undefined && share(a, (t) => readOnScale(t, s, vocab).kind === 'value') >= 0.5;
      if (!s) ok = false;
      if (!ok) delete c.scale;
    }
    if (ok) {
      Object.assign(c, { kind: 'measure', field });
      decided.add(i);
    }
  });
  for (const g of groups) {
    const all = g.cols.flatMap((c) => answers[c.index]);
    const scale = scaleFromWording(g.question) ?? scaleFromAnswers(all, vocab);
    const options = g.cols.every((c) =>
      answers[c.index].every((t) => normAnswer(t) === normAnswer(c.row)),
    );
    for (const col of g.cols) {
      const c = out[col.index];
      if (decided.has(col.index)) continue;
      if (options) Object.assign(c, { kind: 'checkbox', question: g.question, row: col.row });
      else if (scale)
        Object.assign(c, { kind: 'matrix', question: g.question, row: col.row, scale });
      else continue;
      decided.add(col.index);
    }
  }
  headers.forEach((h, i) => {
    if (decided.has(i)) return;
    const c = out[i];
    const a = answers[i];
    const text = cleanHeader(h);
    const scale = COUNT_WORDING.test(text)
      ? undefined
      : (scaleFromWording(h) ?? scaleFromAnswers(a, vocab));
    const yesNo = a.length > 0 && share(a, (t) => readYesNo(t, vocab).kind !== 'invalid') === 1;
    if (scale && !yesNo && (a.length > 0 || scale.from === 'wording')) {
      Object.assign(c, { kind: 'rating', scale });
      return;
    }
    const sep = checkboxSeparator(a);
    if (sep) Object.assign(c, { kind: 'checkbox', separator: sep });
    else c.kind = choiceOrText(h, a);
  });
  return out;
}

/** The field -> column index mapping of a classification (identity fields and measures). */
export function mappingOf(columns: readonly ColumnInfo[]): SurveyMapping {
  const map = new Map<SurveyField, number>();
  columns.forEach((c, i) => {
    if (c.field && !map.has(c.field)) map.set(c.field, i);
  });
  return { columns: map, unmapped: columns.filter((c) => !c.field).map((c) => c.header) };
}
