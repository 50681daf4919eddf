/** The result of an import, for people (a short summary) and for scripts (one JSON document). */

import type { FileSummary, ImportPlan } from '../core/roster/import-plan.js';
import { attentionProblem, countByField } from '../core/roster/attention.js';
import { fixNotices, splitImportWarnings } from '../core/roster/import-rules.js';
import { FIX_NOTICES } from '../core/roster/fixes.js';
import { printProblems, problemLine } from './problems.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

interface SummaryOptions {
  written: boolean;
  dryRun?: boolean;
  rejectedFile?: string;
  attentionFile?: string;
}

/**
 * The problems of an import on stderr: values kept for attention, each change (--verbose), warnings grouped, unknown managers as one note (each with
 * --verbose), then the reasons rows were rejected.
 */
export function printImportProblems(out: Output, plan: ImportPlan): void {
  printProblems(out, plan.attention.map(attentionProblem));
  for (const ch of plan.merge.changes)
    out.verbose(
      `${ch.email}: ${ch.field} ${JSON.stringify(ch.from) ?? '(empty)'} -> ${JSON.stringify(ch.to) ?? '(empty)'}`,
    );
  const { warnings, unknownManagers } = splitImportWarnings(plan.problems);
  for (const p of fixNotices(plan.problems)) out.info(problemLine(p));
  printProblems(out, warnings);
  if (unknownManagers.length)
    out.info(
      `${unknownManagers.length} participant(s) name a manager who is not in the program; ` +
        'that is fine (shown with --verbose)',
    );
  for (const p of unknownManagers) out.verbose(problemLine(p));
  printProblems(
    out,
    plan.rejected.flatMap((r) => r.reasons),
  );
}

/** Human summary on stdout: per-file counts, then what changed in the roster. */
export function renderImportSummary(out: Output, plan: ImportPlan, opts: SummaryOptions): string {
  const { color } = out;
  const rows = plan.files.map((f) => [
    f.sheet ? `${f.file} [${f.sheet}]` : f.file,
    String(f.rows),
    String(f.accepted),
    String(f.rejected),
    String(f.attention),
  ]);
  const lines = [
    renderTable(['File', 'Rows', 'Accepted', 'Rejected', 'Need attention'], rows, {
      header: (s) => color.bold(s),
      maxWidth: 60,
    }),
    '',
  ];
  const notes = plan.files.flatMap(columnLines);
  if (notes.length) lines.push(...notes, '');
  const { added, updated, unchanged } = plan.merge;
  const verb = opts.written
    ? 'Imported'
    : opts.dryRun
      ? 'Dry run, nothing written. Would import'
      : 'Nothing written. Would import';
  lines.push(
    `${verb}: ${color.green(`${added.length} new`)}, ` +
      `${color.cyan(`${updated.length} updated`)}, ${unchanged.length} unchanged; ` +
      `${plan.merge.participants.length} participants in the program.`,
  );
  const flagged = new Set(plan.attention.map((a) => a.email)).size;
  if (flagged) {
    const imported = added.length + updated.length + unchanged.length;
    const byField = countByField(plan.attention)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    lines.push(
      `${imported} imported, ${color.yellow(`${flagged} need attention`)}: ${byField}` +
        (opts.attentionFile
          ? `. They were kept with those fields empty; fix the values in ${opts.attentionFile} and import it, or use \`mentor-cli set\` (list: \`mentor-cli participants --attention\`).`
          : '.'),
    );
  }
  const rejected = plan.rejected.length;
  if (rejected) {
    lines.push(
      color.red(`${rejected} row(s) rejected`) +
        (opts.rejectedFile
          ? `: fix them in ${opts.rejectedFile} and import that file again.`
          : '.'),
    );
  }
  const warnings = splitImportWarnings(plan.problems).warnings.length;
  if (warnings) lines.push(color.yellow(`${warnings} warning(s)`) + ' (shown above on stderr).');
  return lines.join('\n');
}

const q = (h: string) => `"${h}"`;

/** How one file's columns were read: role-specific questions, guesses to check, the unmapped. */
function columnLines(f: FileSummary): string[] {
  const { byRole, guessed, attributes } = f.columns;
  if (!byRole.length && !guessed.length && !attributes.length) return [];
  const lines = [`Columns of ${f.sheet ? `${f.file} [${f.sheet}]` : f.file}:`];
  if (byRole.length)
    lines.push(
      `  asked per role: ${byRole.map((c) => `${q(c.header)} -> ${c.field} (${c.role}s)`).join(', ')}`,
    );
  if (guessed.length)
    lines.push(
      `  mapped by a guess: ${guessed.map((c) => `${q(c.header)} -> ${c.field}`).join(', ')}` +
        ' (correct with --map "Header=field")',
    );
  if (attributes.length)
    lines.push(`  not mapped, kept as attributes: ${attributes.map(q).join(', ')}`);
  return lines;
}

/** The documented JSON shape of `import --json`. */
export function importJson(plan: ImportPlan, opts: SummaryOptions) {
  return {
    written: opts.written,
    files: plan.files satisfies FileSummary[],
    added: plan.merge.added,
    updated: plan.merge.updated,
    unchanged: plan.merge.unchanged.length,
    participants: plan.merge.participants.length,
    rejected: plan.rejected.map((r) => ({
      file: r.file,
      sheet: r.sheet,
      row: r.line,
      reasons: r.reasons.map((p) => ({
        code: p.code,
        column: p.location?.column,
        message: p.message,
        hint: p.hint,
      })),
    })),
    rejectedFile: opts.rejectedFile ?? null,
    attention: plan.attention,
    attentionFile: opts.attentionFile ?? null,
    changes: plan.merge.changes,
    // Fixes that stand: a value or a row the source still gives as it was before the fix.
    notices: fixNotices(plan.problems).map((p) => ({
      code: p.code,
      message: problemLine(p),
      row: p.location?.row,
      file: p.location?.file,
    })),
    warnings: plan.problems
      .filter((p) => p.severity === 'warning' && !FIX_NOTICES.has(p.code))
      .map((p) => ({
        code: p.code,
        message: problemLine(p),
        row: p.location?.row,
        file: p.location?.file,
      })),
  };
}
