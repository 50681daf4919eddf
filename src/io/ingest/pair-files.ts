/**
 * The pair files `match` reads: --manual, --history and --previous through the table reader,
 * --pair-scores streamed into typed arrays.
 */

import { basename, extname, resolve } from 'node:path';
import { readTable } from './read-table.js';
import { readPairScoresCsv } from '../formats/pair-scores/read.js';
import { InputError } from '../../errors.js';
import { parsePairTable, type PairRow } from '../../core/matching/pair-scores.js';
import { PairScoreArrays } from '../../core/matching/pair-arrays.js';
import type { DecisionRow } from '../../core/matching/decisions.js';
import { norm } from '../../core/keys.js';

/** Reads a pairs file (--pair-scores, --manual, --history). */
export async function readPairs(
  cwd: string,
  file: string,
  score: boolean,
  known?: Set<string>,
): Promise<PairRow[]> {
  const table = await readTable(resolve(cwd, file));
  return parsePairTable({ ...table, file }, { score, known });
}

/**
 * Reads the manager's decisions from a matches file (`match approve --file`): each pair with its
 * Decision and "Swap to mentor" cells (blank when the file has no such column).
 */
export async function readDecisions(cwd: string, file: string): Promise<DecisionRow[]> {
  const table = await readTable(resolve(cwd, file));
  const pairs = parsePairTable({ ...table, file }, { score: false });
  const col = (re: RegExp) => table.headers.findIndex((h) => re.test(norm(h)));
  const di = col(/^decision/);
  const si = col(/^swap/);
  const byLine = new Map(table.rows.map((r) => [r.line, r.cells]));
  return pairs.map((p) => {
    const cells = byLine.get(p.row) ?? [];
    return {
      row: p.row,
      mentee: p.mentee,
      mentor: p.mentor,
      decision: di < 0 ? '' : (cells[di] ?? '').trim(),
      swapTo: si < 0 ? '' : (cells[si] ?? '').trim(),
    };
  });
}

/**
 * Reads --pair-scores: CSV/TSV files are streamed into typed arrays (25 M rows fit in memory);
 * XLSX files go through the spreadsheet reader, which holds every cell (fine to ~1 M rows).
 */
export async function readPairScores(
  cwd: string,
  file: string,
  known: Set<string>,
): Promise<PairScoreArrays> {
  const path = resolve(cwd, file);
  if (/^\.xls[xm]?$/i.test(extname(file)))
    return PairScoreArrays.fromRows(await readPairs(cwd, file, true, known), basename(file));
  try {
    return await readPairScoresCsv(path, { label: file, known });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(
        'does not exist',
        { file },
        'Check the file name and folder given to --pair-scores',
      );
    if (code === 'EISDIR' || code === 'EACCES')
      throw new InputError(
        `cannot be read (${code})`,
        { file },
        'Give a CSV or XLSX file to --pair-scores',
      );
    throw e;
  }
}
