/**
 * Every command declared in one place (name, arguments, options, help); each implementation module
 * is loaded with `await import()` only when its command runs.
 */

import type { Command } from '../vendor/commander.js';
import { STATE_NAMES } from '../io/store/state-names.js';
import type { Ctx } from './context.js';

// perf: bench/startup.mjs — the implementations pull in exceljs, inquirer, papaparse and ical.js
// (~0.35 s); declaring commands costs nothing, so `--help` and `--version` load none of them.
type Run<A extends unknown[]> = (ctx: Ctx, ...args: A) => Promise<void>;

/**
 * The action for a command: builds the context from commander's last argument, then loads and runs
 * the implementation with the command's arguments and options.
 */
function lazy<A extends unknown[]>(load: () => Promise<Run<A>>) {
  return async (...args: [...A, Command]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const [{ contextOf }, run] = await Promise.all([import('./context.js'), load()]);
    await run(contextOf(cmd), ...(args.slice(0, -1) as A));
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** The output flags every export shares, so each means the same in every command. */
function withOutputOptions(cmd: Command): Command {
  return cmd
    .option(
      '--format <format>',
      'csv, xlsx or json (default: from --out, else csv; json with --json)',
    )
    .option('--out <file>', 'file to write (default: stdout)')
    .option('--force', 'overwrite an existing file outside the program folder')
    .option('--dry-run', 'check everything and say what would be written; write nothing');
}

/** Declares every command on `program`, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  declareInit(program);
  declareConfig(program);
  declareImport(program);
  declareParticipants(program);
  declareSet(program);
  declareWithdraw(program);
  declareExport(program);
  declareMatch(program);
  declareUnmatch(program);
  declareRestore(program);
  declareDemo(program);
  declareSurvey(program);
  declareStatus(program);
  declareOutcomes(program);
  declareReport(program);
  declareSchedule(program);
  declareIntro(program);
  declareSend(program);
  declareRemind(program);
}

function declareInit(program: Command): void {
  program
    .command('init')
    .description(
      'create a program folder: mentor.config.json, its JSON Schema, ' +
        'and participant templates (CSV, XLSX); asks on a terminal unless --yes',
    )
    .argument('[dir]', 'folder to create or fill', '.')
    .option('--name <name>', 'program name')
    .option('--start <date>', 'program start date (YYYY-MM-DD)')
    .option('--end <date>', 'program end date (YYYY-MM-DD)')
    .option('--timezone <tz>', 'default IANA time zone, e.g. Europe/London')
    .option('--manager-name <name>', 'your name: invitations and emails come from you')
    .option('--manager-email <email>', 'your email address (the organizer of every event)')
    .option('--frequency <how-often>', 'how often pairs meet: weekly, biweekly or monthly')
    .option('--meeting-minutes <n>', 'length of a meeting in minutes')
    .option('--force', 'overwrite an existing mentor.config.json')
    .option('--dry-run', 'show what would be written, write nothing')
    .action(lazy(async () => (await import('./init.js')).runInit));
}

function declareConfig(program: Command): void {
  const config = program
    .command('config')
    .description('read and change mentor.config.json: get, set, list and check its keys');
  config
    .command('get')
    .description('print the value of one key, e.g. schedule.frequency or milestones[1].date')
    .argument('<key>', 'dotted key')
    .action(lazy(async () => (await import('./config.js')).runConfigGet));
  config
    .command('set')
    .description(
      'check a value against the schema and write it, keeping the file as it was laid out',
    )
    .argument('<key>', 'dotted key, e.g. kpiTargets.nps or program.manager.email')
    .argument('<value>', 'the new value (lists: comma-separated or JSON)')
    .option('--dry-run', 'check the value and show the change, write nothing')
    .action(lazy(async () => (await import('./config.js')).runConfigSet));
  config
    .command('list')
    .description('print every key and its value')
    .action(lazy(async () => (await import('./config.js')).runConfigList));
  config
    .command('check')
    .description('validate mentor.config.json and print its warnings (exit 2 when invalid)')
    .action(lazy(async () => (await import('./config.js')).runConfigCheck));
}

function declareImport(program: Command): void {
  program
    .command('import')
    .description('import participant sign-ups (CSV, TSV or XLSX from any form tool or HR export)')
    .argument('<files...>', 'CSV/TSV/XLSX files to import')
    .option('--role <role>', 'role for rows that do not say (mentor, mentee or both)')
    .option(
      '--sheet <name>',
      'worksheet to read in an XLSX (default: the first that holds a table)',
    )
    .option(
      '--map <Header=field>',
      'map a column to a field, e.g. --map "Work mail=email" ' +
        '(repeatable; field "ignore" drops it)',
      collect,
      [] as string[],
    )
    .option(
      '--encoding <name>',
      'text encoding of CSV files when detection is wrong (utf-8, utf-16le, windows-1252)',
    )
    .option(
      '--rejected <file>',
      'where to write rejected rows (default: rejected.csv in the program folder)',
    )
    .option('--force', 'overwrite an existing --rejected file outside the program folder')
    .option(
      '--replace',
      'the file is the full truth for its columns: a blank cell clears the value',
    )
    .option('--dry-run', 'validate and report, write nothing')
    .option('--strict', 'write nothing and exit 1 if any row is rejected')
    .action(lazy(async () => (await import('./import.js')).runImport));
}

function declareParticipants(program: Command): void {
  program
    .command('participants')
    .description('show the roster: a summary and a table (filter by role, cohort, status)')
    .option('--role <role>', 'only mentor, mentee or both')
    .option('--cohort <cohort>', 'only this cohort')
    .option('--status <status>', 'only active or withdrawn')
    .option('--include-sensitive', 'show sensitive attributes in --json')
    .option('--attention', 'list the values that could not be read (people kept with them empty)')
    .action(lazy(async () => (await import('./participants.js')).runParticipants));
}

function declareSet(program: Command): void {
  program
    .command('set')
    .description('change fields of one participant (email or name), read like an import')
    .argument('<person>', 'email or name of the participant')
    .argument(
      '<assignments...>',
      'field=value, e.g. timezone=Europe/Berlin "availability=Mon 9-11"',
    )
    .option('--dry-run', 'show what would change, save nothing')
    .action(lazy(async () => (await import('./set.js')).runSet));
}

function declareWithdraw(program: Command): void {
  program
    .command('withdraw')
    .description('mark participants (email or name) as withdrawn; they are never matched again')
    .argument('<people...>', 'emails or names')
    .option('--reason <text>', 'why they leave (kept as the "Withdrawal reason" attribute)')
    .option('--dry-run', 'show what would change, save nothing')
    .action(lazy(async () => (await import('./withdraw.js')).runWithdraw));
}

function declareExport(program: Command): void {
  const exportCmd = program
    .command('export')
    .description('write program data as CSV, XLSX or JSON');
  withOutputOptions(
    exportCmd
      .command('participants')
      .description('export participants with the documented field names'),
  )
    .option('--role <role>', 'only mentor, mentee or both')
    .option('--cohort <cohort>', 'only this cohort')
    .option('--status <status>', 'only active or withdrawn')
    .option('--include-sensitive', 'include attributes marked sensitive in mentor.config.json')
    .action(lazy(async () => (await import('./export.js')).runExportParticipants));
  withOutputOptions(
    exportCmd
      .command('matches')
      .description(
        'export the stored pairs with scores and reasons (xlsx adds Unmatched and Audit sheets)',
      ),
  )
    .option('--all', 'include ended pairs')
    .option('--include-sensitive', 'include reasons based on sensitive attributes')
    .action(lazy(async () => (await import('./export-matches.js')).runExportMatches));
}

function declareMatch(program: Command): void {
  const match = program
    .command('match')
    .description(
      'match mentees to mentors (most mentees matched, then highest total score), ' +
        'explain and store the pairs',
    )
    .option('--algorithm <name>', 'optimal or stable (default: matching.algorithm in config)')
    .option(
      '--model <model>',
      'one-to-one, group, team, peer, reverse or self-directed (default: program.model)',
    )
    .option('--mentors-per-mentee <k>', 'team model: distinct mentors per mentee')
    .option(
      '--pair-scores <file>',
      'CSV/XLSX with mentee, mentor, score: use these scores instead of the criteria',
    )
    .option('--manual <file>', 'CSV/XLSX with mentee, mentor: pairs fixed before matching')
    .option(
      '--history <file>',
      'CSV/XLSX with mentee, mentor pairs from earlier cohorts, never repeated',
    )
    .option(
      '--previous <file>',
      'an earlier `export matches` CSV/XLSX: its pairs are never repeated (like --history)',
    )
    .option('--keep', 'keep current active pairs; only match people who are unmatched')
    .option('--allow-repeat', 'allow pairs from earlier cohorts again')
    .option(
      '--suggest <n>',
      'self-directed: list the N best mentors per mentee instead of assigning',
    )
    .option(
      '--out <file>',
      'with --suggest: also write the suggestions to FILE (.csv, .xlsx or .json)',
    )
    .option('--force', 'with --out: overwrite an existing file outside the program folder')
    .option('--min-score <n>', 'minimum pair score (default: matching.minScore)')
    .option('--include-sensitive', 'show reasons based on sensitive attributes')
    .option('--audit', 'show the fairness audit')
    .option(
      '--by <field>',
      'audit split by this field (repeatable; default department and cohort)',
      collect,
      [] as string[],
    )
    .option('--diff', 'show which pairs changed since the last saved matching')
    .option('--strict', 'exit 1 when any mentee is left unmatched')
    .option('--dry-run', 'show the result, save nothing')
    .option('--auto-approve', 'store the pairs approved (no review step; see matching.autoApprove)')
    .action(lazy(async () => (await import('./match.js')).runMatch));
  match
    .command('approve')
    .description('approve proposed pairs so that schedule, intro and send use them')
    .argument('[pairs...]', 'pair ids (or an email of either person)')
    .option('--all', 'approve every proposed pair')
    .option(
      '--file <file>',
      'CSV/XLSX with mentee, mentor columns (e.g. the exported matches.xlsx): apply its ' +
        'Decision (approve, reject, swap) and "Swap to mentor" columns; blank approves',
    )
    .option('--dry-run', 'show what would be approved, save nothing')
    .action(lazy(async () => (await import('./match-review.js')).runApprove));
  match
    .command('reject')
    .description('send a proposed or approved pair back: its people return to the pool')
    .argument('<pair>', 'pair id')
    .option('--reason <text>', 'why (kept in the history)')
    .option('--dry-run', 'show what would change, save nothing')
    .action(lazy(async () => (await import('./match-review.js')).runReject));
  match
    .command('show')
    .description('one pair in full: every reason, the score by criterion, the close alternatives')
    .argument('<pair>', 'a pair id, or the name or email of a mentee or mentor')
    .action(lazy(async () => (await import('./match-show.js')).runMatchShow));
}

function declareUnmatch(program: Command): void {
  program
    .command('unmatch')
    .description('end the active pair of two people (email or name, either order)')
    .argument('<a>', 'mentee or mentor')
    .argument('<b>', 'the other person of the pair')
    .option('--reason <text>', 'why the pair ends (kept in the history)')
    .option('--dry-run', 'show what would change, save nothing')
    .action(lazy(async () => (await import('./unmatch.js')).runUnmatch));
}

function declareRestore(program: Command): void {
  program
    .command('restore')
    .description(
      'put state files back from .mentor/backup/ (damaged ones by default, or the named ones ' +
        'one version back)',
    )
    .argument('[files...]', `state files to restore (${STATE_NAMES.join(', ')})`)
    .option('--from <id>', 'the backup id to restore (see --list)')
    .option('--list', 'list the kept versions, restore nothing')
    .option('--dry-run', 'show what would be restored, change nothing')
    .action(lazy(async () => (await import('./restore.js')).runRestore));
}

function declareDemo(program: Command): void {
  program
    .command('demo')
    .description('create a sample program from bundled data and run the whole cycle on it')
    .argument('[dir]', 'folder to create (default: ./mentor-demo, or -2, -3... if it exists)')
    .option(
      '--dry-run',
      'say which folder would be created and which commands would run; write nothing',
    )
    .action(lazy(async () => (await import('./demo.js')).runDemo));
}

function declareSurvey(program: Command): void {
  const survey = program
    .command('survey')
    .description(
      'merge survey exports (Google Forms, Microsoft Forms, SurveyMonkey, Typeform) ' +
        'and write question templates',
    );
  survey
    .command('merge')
    .description('merge survey exports into the program: answers linked to participants and pairs')
    .argument('<files...>', 'CSV/XLSX survey exports')
    .option(
      '--wave <name>',
      'the wave these responses belong to (default: from each response date)',
    )
    .option(
      '--map <Header=field>',
      'map a column to a field or kind, e.g. --map "Work mail=email", ' +
        '"Q7=rating:1-10", "Q8=text" (repeatable)',
      collect,
      [] as string[],
    )
    .option('--sheet <name>', 'worksheet to read in an XLSX')
    .option('--encoding <name>', 'text encoding of CSV files when detection is wrong')
    .option('--timezone <tz>', 'zone of local export times (default: the program time zone)')
    .option('--dry-run', 'read and report, write nothing')
    .action(lazy(async () => (await import('./survey.js')).runSurveyMerge));
  survey
    .command('template')
    .description(
      'write the recommended question sets (kickoff, midpoint, final) as CSV and Markdown',
    )
    .option(
      '--out <dir>',
      'folder to write into (default: surveys/ in the program folder, or the current folder)',
    )
    .option('--dry-run', 'list the files, write nothing')
    .action(lazy(async () => (await import('./survey-template.js')).runSurveyTemplate));
}

function declareStatus(program: Command): void {
  program
    .command('status')
    .description(
      'show the program at a glance: at-risk pairs first, then the KPIs against their targets',
    )
    .option('--limit <n>', 'at-risk pairs to list (default 20; all with --verbose)', '20')
    .action(lazy(async () => (await import('./status.js')).runStatus));
}

function declareOutcomes(program: Command): void {
  const outcomes = program
    .command('outcomes')
    .description('HR outcomes (retention, promotion) to compare participants with everyone else');
  outcomes
    .command('import')
    .description(
      'read an HR export (email, still employed or leaving date, promotion date, optional ' +
        'score and department); replaces the last one',
    )
    .argument('<file>', 'the HR export (CSV or XLSX)')
    .option('--sheet <name>', 'worksheet to read in an XLSX')
    .option('--encoding <name>', 'text encoding of CSV files when detection is wrong')
    .option('--dry-run', 'read and report, write nothing')
    .action(lazy(async () => (await import('./outcomes.js')).runOutcomesImport));
}

function declareReport(program: Command): void {
  program
    .command('report')
    .description(
      'write the KPI workbook (Summary, Participants, Matches, Meetings, Surveys, ' +
        'At-risk pairs, breakdowns, Cohorts)',
    )
    .option(
      '--out <file>',
      'file to write (default: report.xlsx in the program folder; md and json print on stdout)',
    )
    .option(
      '--by <field>',
      'add a breakdown by a field or attribute, e.g. --by department (repeatable)',
      collect,
      [] as string[],
    )
    .option(
      '--format <format>',
      'xlsx (default, or from the --out extension), html (one offline page with charts), ' +
        'md or json',
    )
    .option(
      '--audience <who>',
      'leadership (default: aggregates only) or manager (also names the pairs that need help)',
    )
    .option('--include-sensitive', 'include sensitive attributes in the Participants sheet')
    .option('--force', 'overwrite an existing file outside the program folder')
    .option('--dry-run', 'compute and print the KPIs, write nothing')
    .action(lazy(async () => (await import('./report.js')).runReport));
}

function declareSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'book a recurring meeting series for every pair plus milestones: ' +
        '.ics per pair, per person and all.ics, schedule.csv/.xlsx',
    )
    .option('-o, --out <dir>', 'output folder (default: schedule/ in the program folder)')
    .option('--dry-run', 'plan and report, write nothing')
    .option(
      '--force',
      'write into an existing --out folder outside the program that mentor-cli did not create',
    )
    .option('--strict', 'exit 1 when a pair could not be scheduled')
    .action(lazy(async () => (await import('./schedule.js')).runSchedule));
}

function declareIntro(program: Command): void {
  program
    .command('intro')
    .description(
      'write intro/<pair>-to-<person>.eml introduction emails ' +
        "(first meeting in the reader's time, invitation attached) and intro/announcement.eml",
    )
    .option('-o, --out <dir>', 'folder that receives intro/ (default: the program folder)')
    .option('--force', 'replace existing .eml files of the same name outside the program folder')
    .option('--dry-run', 'show what would be written, write nothing')
    .action(lazy(async () => (await import('./intro.js')).runIntro));
}

function declareSend(program: Command): void {
  program
    .command('send')
    .argument('[kind]', 'intro, announcement, reminders or invitations')
    .description(
      'send the emails over SMTP (email.smtp in config), each exactly once: intros (and a kind ' +
        'note to anyone without a partner), the announcement to every active participant, ' +
        'the reminders `remind` queued, or the calendar invitations and cancellations',
    )
    .option('--to-me', 'rehearse: send every message to the program manager instead')
    .option(
      '--only <pair-or-email>',
      'send only the messages of this pair id or recipient (repeatable)',
      collect,
      [],
    )
    .option('--dry-run', 'list what would be sent, send nothing')
    .option('--status', 'list the outbox: queued, sent and failed messages with the server reply')
    .option('--retry-failed', 'also re-send messages the server refused permanently (5xx)')
    .action(lazy(async () => (await import('./send.js')).runSend));
}

function declareRemind(program: Command): void {
  const cmd = program
    .command('remind')
    .description(
      'queue the reminders due today (survey, no meeting yet, first meeting, training, ' +
        'milestones) in the outbox for `send reminders`; --plan shows the whole calendar',
    )
    .option('--plan', 'list every reminder of the program: who gets what, when, and its status');
  withOutputOptions(cmd).action(lazy(async () => (await import('./remind.js')).runRemind));
}
