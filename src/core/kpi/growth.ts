/**
 * Growth from kickoff to close: the program's own rating questions (self-ratings such as "Where
 * are you today? [Speaking up in meetings]") asked in the first survey wave and again in a later
 * one, compared per person. Only people who answered the same question in both waves count; each
 * item keeps its own scale, and the per-person summary puts every item on a 1-5 footing so that a
 * 1-10 question weighs the same as a 1-5 one.
 */

import { emailKey } from '../keys.js';
import { readOnScale, scaleText } from '../surveys/scale-detect.js';
import type { ColumnInfo } from '../surveys/classify.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../surveys/vocabulary.js';
import type { ProgramFacts } from './facts.js';
import { mean, ratio } from './stats.js';
import { countedResponses } from './survey-counting.js';

type Side = 'mentee' | 'mentor';

/** One baseline question compared between two waves, for one side. */
interface GrowthItem {
  side: Side;
  question: string;
  row?: string;
  scale: string;
  /** People who answered in both waves. */
  people: number;
  before: number | null;
  after: number | null;
  /** Mean per-person change, in the item's own scale points. */
  change: number | null;
  improved: number;
  same: number;
  declined: number;
  /** How many people moved by each number of points, lowest first. */
  changes: Array<{ change: number; people: number }>;
}

/** People's growth over all baseline questions, in all or for one side. */
interface GrowthSummary {
  /** People who answered at least one baseline question in both waves. */
  people: number;
  /** Mean over those people of their average change, on a 1-5 footing. */
  change: number | null;
  /** Share of them whose average rating rose. */
  improved: number | null;
  declined: number | null;
}

/** The growth section of the report; absent when no question was asked in two waves. */
export interface Growth {
  fromWave: string;
  toWave: string;
  items: GrowthItem[];
  all: GrowthSummary;
  mentee: GrowthSummary;
  mentor: GrowthSummary;
}

interface Rating {
  question: string;
  row?: string;
  scale: string;
  width: number;
}

/** Every rating and matrix answer of a wave: person -> item key -> value, plus the items. */
function ratingsOf(
  facts: Pick<ProgramFacts, 'linked' | 'byEmail'>,
  wave: string,
  columnSets: readonly ColumnInfo[][],
  vocab: Vocabulary,
): { values: Map<string, Map<string, number>>; items: Map<string, Rating> } {
  const values = new Map<string, Map<string, number>>();
  const items = new Map<string, Rating>();
  for (const r of countedResponses(facts, wave).counted) {
    const cols = columnSets[r.headerSet] ?? [];
    cols.forEach((c, i) => {
      if ((c.kind !== 'rating' && c.kind !== 'matrix') || !c.scale) return;
      const text = (r.answers[i] ?? '').trim();
      const v = text ? readOnScale(text, c.scale, vocab) : undefined;
      if (v?.kind !== 'value') return;
      const question = c.question ?? c.header;
      const row = c.kind === 'matrix' ? c.row : undefined;
      const scale = scaleText(c.scale);
      const key = JSON.stringify([question, row ?? '', scale]);
      if (!items.has(key))
        items.set(key, {
          question,
          ...(row ? { row } : {}),
          scale,
          width: c.scale.max - c.scale.min,
        });
      const email = emailKey(r.email);
      const mine = values.get(email) ?? new Map<string, number>();
      mine.set(key, v.value);
      values.set(email, mine);
    });
  }
  return { values, items };
}

function summarise(changes: readonly number[]): GrowthSummary {
  return {
    people: changes.length,
    change: mean(changes),
    improved: ratio(changes.filter((c) => c > 0).length, changes.length),
    declined: ratio(changes.filter((c) => c < 0).length, changes.length),
  };
}

/**
 * Compares the first opened wave with the latest opened wave that repeats one of its rating
 * questions. Undefined when no rating question was asked twice.
 */
export function computeGrowth(
  facts: Pick<ProgramFacts, 'linked' | 'byEmail' | 'waves' | 'sideOf' | 'input'>,
  columnSets: readonly ColumnInfo[][],
  vocab: Vocabulary = DEFAULT_VOCABULARY,
): Growth | undefined {
  const day = facts.input.now.toISOString().slice(0, 10);
  const opened = facts.waves.filter((w) => w.opens <= day);
  if (opened.length < 2) return undefined;
  const first = ratingsOf(facts, opened[0].name, columnSets, vocab);
  if (!first.items.size) return undefined;
  for (let i = opened.length - 1; i > 0; i--) {
    const last = ratingsOf(facts, opened[i].name, columnSets, vocab);
    const shared = [...first.items.keys()].filter((k) => last.items.has(k));
    if (!shared.length) continue;
    const items: GrowthItem[] = [];
    const perPerson = new Map<string, number[]>();
    for (const side of ['mentee', 'mentor'] as const)
      for (const key of shared) {
        const item = first.items.get(key) as Rating;
        const pairs: Array<[number, number]> = [];
        for (const [email, before] of first.values) {
          const a = before.get(key);
          const b = last.values.get(email)?.get(key);
          if (a === undefined || b === undefined || facts.sideOf(email) !== side) continue;
          pairs.push([a, b]);
          const footing = ((b - a) * 4) / (item.width || 1);
          perPerson.set(email, [...(perPerson.get(email) ?? []), footing]);
        }
        if (!pairs.length) continue;
        const deltas = pairs.map(([a, b]) => b - a);
        const counts = new Map<number, number>();
        for (const d of deltas) counts.set(d, (counts.get(d) ?? 0) + 1);
        items.push({
          side,
          question: item.question,
          ...(item.row ? { row: item.row } : {}),
          scale: item.scale,
          people: pairs.length,
          before: mean(pairs.map((p) => p[0])),
          after: mean(pairs.map((p) => p[1])),
          change: mean(deltas),
          improved: deltas.filter((d) => d > 0).length,
          same: deltas.filter((d) => d === 0).length,
          declined: deltas.filter((d) => d < 0).length,
          changes: [...counts]
            .sort((a, b) => a[0] - b[0])
            .map(([change, people]) => ({ change, people })),
        });
      }
    const averages = (side?: Side) =>
      [...perPerson]
        .filter(([email]) => !side || facts.sideOf(email) === side)
        .map(([, cs]) => mean(cs) as number);
    return {
      fromWave: opened[0].name,
      toWave: opened[i].name,
      items,
      all: summarise(averages()),
      mentee: summarise(averages('mentee')),
      mentor: summarise(averages('mentor')),
    };
  }
  return undefined;
}
