/**
 * The survey vocabulary: answer labels of every scale, yes/no/maybe words, "no concern" answers,
 * counting words and header wording, in English, German, French, Spanish and Portuguese. The data
 * lives in vocabulary.json; a program folder's survey-vocabulary.json (same shape) extends it.
 */

import builtIn from './vocabulary.json' with { type: 'json' };

/** The families a label scale belongs to. */
export type ScaleFamily =
  'agreement' | 'satisfaction' | 'frequency' | 'quality' | 'likelihood' | 'progress' | 'numeric';

/** Words by language code ("en", "de", ...): the shape of vocabulary.json. */
type ByLanguage<T> = Record<string, T>;

/** The data file's shape; every key is optional in a user's extension file. */
export interface VocabularyFile {
  scales?: Record<string, { family?: string; labels?: ByLanguage<Record<string, number>> }>;
  yes?: ByLanguage<string[]>;
  no?: ByLanguage<string[]>;
  maybe?: ByLanguage<string[]>;
  noConcern?: ByLanguage<string[]>;
  counts?: ByLanguage<Record<string, number>>;
  approximately?: string[];
  headers?: Record<string, string[]>;
  measures?: Record<string, string[]>;
}

/** One label scale with the labels of every language merged (all on 1-5). */
interface LabelScale {
  id: string;
  family: ScaleFamily;
  min: number;
  max: number;
  labels: Map<string, number>;
}

/** The compiled vocabulary the survey code reads. */
export interface Vocabulary {
  labelScales: LabelScale[];
  yes: Set<string>;
  no: Set<string>;
  maybe: Set<string>;
  noConcern: Set<string>;
  counts: Map<string, number>;
  approximately: string[];
  /** identity field -> anchored header pattern. */
  headers: Map<string, RegExp>;
  /** measure id -> header pattern (substring). */
  measures: Map<string, RegExp>;
}

const FAMILIES = new Set<string>([
  'agreement',
  'satisfaction',
  'frequency',
  'quality',
  'likelihood',
  'progress',
]);

/** Normalises an answer or label for lookup: trimmed, lower case, single spaces, no end dot. */
export const normAnswer = (t: string): string =>
  t
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');

const words = (b: ByLanguage<string[]> | undefined): string[] =>
  Object.values(b ?? {}).flatMap((l) => l.map(normAnswer));

/** Merges a user's vocabulary file into a base file: lists and label maps are unions. */
export function mergeVocabularyFiles(base: VocabularyFile, extra: VocabularyFile): VocabularyFile {
  const out = structuredClone(base);
  for (const [id, s] of Object.entries(extra.scales ?? {})) {
    const target = (out.scales ??= {})[id] ?? (out.scales[id] = { family: s.family, labels: {} });
    for (const [lang, labels] of Object.entries(s.labels ?? {}))
      (target.labels ??= {})[lang] = { ...(target.labels[lang] ?? {}), ...labels };
  }
  for (const key of ['yes', 'no', 'maybe', 'noConcern'] as const)
    for (const [lang, list] of Object.entries(extra[key] ?? {}))
      (out[key] ??= {})[lang] = [...(out[key][lang] ?? []), ...list];
  for (const [lang, map] of Object.entries(extra.counts ?? {}))
    (out.counts ??= {})[lang] = { ...(out.counts[lang] ?? {}), ...map };
  out.approximately = [...(out.approximately ?? []), ...(extra.approximately ?? [])];
  for (const key of ['headers', 'measures'] as const)
    for (const [id, list] of Object.entries(extra[key] ?? {}))
      (out[key] ??= {})[id] = [...list, ...(out[key][id] ?? [])];
  return out;
}

/** Compiles a vocabulary file (built-in, or built-in merged with a user's file). */
export function compileVocabulary(file: VocabularyFile): Vocabulary {
  const labelScales: LabelScale[] = Object.entries(file.scales ?? {}).map(([id, s]) => {
    const labels = new Map<string, number>();
    for (const lang of Object.values(s.labels ?? {}))
      for (const [label, n] of Object.entries(lang)) labels.set(normAnswer(label), n);
    const values = [...labels.values()];
    const family = (FAMILIES.has(s.family ?? '') ? s.family : 'agreement') as ScaleFamily;
    return { id, family, min: Math.min(...values), max: Math.max(...values), labels };
  });
  const counts = new Map<string, number>();
  for (const lang of Object.values(file.counts ?? {}))
    for (const [w, n] of Object.entries(lang)) counts.set(normAnswer(w), n);
  const headers = new Map<string, RegExp>();
  for (const [id, list] of Object.entries(file.headers ?? {}))
    headers.set(id, new RegExp(`^(${list.join('|')})$`, 'u'));
  const measures = new Map<string, RegExp>();
  for (const [id, list] of Object.entries(file.measures ?? {}))
    measures.set(id, new RegExp(list.join('|'), 'u'));
  return {
    labelScales,
    yes: new Set(words(file.yes)),
    no: new Set(words(file.no)),
    maybe: new Set(words(file.maybe)),
    noConcern: new Set(['', ...words(file.noConcern)]),
    counts,
    approximately: (file.approximately ?? []).map(normAnswer).sort((a, b) => b.length - a.length),
    headers,
    measures,
  };
}

/** The built-in vocabulary file (vocabulary.json), for merging with a user's file. */
export const BUILT_IN_VOCABULARY: VocabularyFile = builtIn;

/** The built-in vocabulary, compiled once. */
export const DEFAULT_VOCABULARY: Vocabulary = compileVocabulary(BUILT_IN_VOCABULARY);
