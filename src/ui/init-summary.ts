/** What `init` tells a person: the folder, what it chose, each file, and the next step. */

import type { ProgramConfig } from '../core/config.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

/** The created folder and the settings chosen on stdout; each file and the next step on stderr. */
export function renderInitResult(
  out: Output,
  written: { dir: string; files: string[] },
  config: ProgramConfig,
  dryRun: boolean,
): void {
  const { program, schedule } = config;
  const rows = [
    ['Program', program.name],
    ['Dates', `${program.startDate} to ${program.endDate}`],
    ['Time zone', program.timezone],
    ['Manager', `${program.manager.name} <${program.manager.email}>`],
    ['Meetings', `${schedule.frequency}, ${schedule.meetingMinutes} minutes`],
    ...config.milestones.map((m) => [m.name, `${m.date} ${m.time}`]),
  ];
  out.result(
    [
      `${dryRun ? 'Would create' : 'Created'} program folder ${written.dir}`,
      '',
      renderTable(['Setting', 'Chosen'], rows, { maxWidth: 70 }),
    ].join('\n'),
  );
  for (const file of written.files) out.info(`  ${dryRun ? 'would write' : 'wrote'} ${file}`);
  out.info('Change any setting with `mentor-cli config set KEY VALUE` (e.g. schedule.frequency).');
  out.info(
    'Next: fill participants.csv or participants.xlsx (or use your form export), ' +
      'then run `mentor-cli import FILE`.',
  );
}
