/** The line `outcomes import` prints. */

/** "Imported 120 HR records from hr-outcomes.csv (2 rows skipped)." */
export function outcomesImportedLine(s: {
  file: string;
  records: number;
  skipped: number;
  dryRun: boolean;
}): string {
  const skipped = s.skipped ? ` (${s.skipped} row(s) without a valid email skipped)` : '';
  return (
    `${s.dryRun ? 'Would import' : 'Imported'} ${s.records} HR outcome record(s) from ${s.file}` +
    `${skipped}; the report compares participants with everyone else in the file.`
  );
}
