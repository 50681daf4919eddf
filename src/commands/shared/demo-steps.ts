/** The demo's script: the init command line and every step after it, in order. */

/**
 * A step of the demo: a command line and the exit codes that are fine for it (import exits 1: the
 * sample has bad rows on purpose).
 */
export interface DemoStep {
  title: string;
  args: string[];
  okCodes: number[];
  output?: string;
}

/** The whole program cycle, in order. */
export function demoSteps(): DemoStep[] {
  const s = 'sample';
  return [
    {
      title: 'Import mentor sign-ups from a Google Forms export',
      okCodes: [0],
      args: ['import', `${s}/google-forms-mentors.csv`],
    },
    {
      title: 'Import mentee sign-ups from a Microsoft Forms export (the form has no role question)',
      okCodes: [0],
      args: ['import', `${s}/ms-forms-mentees.xlsx`, '--role', 'mentee'],
    },
    {
      title:
        'Import an HR export and a hand-made sheet ' +
        '(wrong on purpose: 1 row has no valid email and goes to rejected.csv; 2 are kept with a value to fix)',
      okCodes: [0, 1],
      output: 'rejected.csv',
      args: ['import', `${s}/hr-export-windows1252.csv`, `${s}/hr-late-joiners.xlsx`],
    },
    { title: 'The roster', okCodes: [0], args: ['participants', '--status', 'active'] },
    {
      title: 'Who was kept with a value to fix (fix in attention.csv and import it, or use set)',
      okCodes: [0],
      args: ['participants', '--attention'],
      output: 'attention.csv',
    },
    { title: 'Match mentees with mentors (a proposal)', okCodes: [0, 1], args: ['match'] },
    {
      title: 'Approve the proposed pairs (after reviewing them)',
      okCodes: [0],
      args: ['match', 'approve', '--all'],
    },
    {
      title: 'Export the matches with reasons',
      okCodes: [0],
      args: ['export', 'matches', '--format', 'xlsx', '--out', 'matches.xlsx'],
      output: 'matches.xlsx',
    },
    {
      title: 'Schedule the meeting series and milestones',
      okCodes: [0, 1],
      args: ['schedule'],
      output: 'schedule/',
    },
    { title: 'Write the introduction emails', okCodes: [0, 1], args: ['intro'], output: 'intro/' },
    {
      title:
        'Rehearse sending the intros (--dry-run: lists every message, sends nothing; the example ' +
        'sender and meeting link are flagged before any real send)',
      okCodes: [0],
      args: ['send', 'intro', '--dry-run'],
    },
    {
      title: 'The reminder calendar: who gets which reminder, when (CSV)',
      okCodes: [0],
      args: ['remind', '--plan', '--out', 'reminders.csv', '--now', '2027-01-04'],
      output: 'reminders.csv',
    },
    {
      title: 'Merge the survey exports',
      okCodes: [0, 1],
      args: [
        'survey',
        'merge',
        `${s}/surveys/kickoff-google-forms.csv`,
        `${s}/surveys/midpoint-ms-forms.xlsx`,
        `${s}/surveys/final-surveymonkey.csv`,
        `${s}/surveys/final-typeform.csv`,
        '--now',
        '2027-06-30',
      ],
    },
    {
      title: 'Import the HR outcomes to compare participants with the rest of the organisation',
      okCodes: [0],
      args: ['outcomes', 'import', `${s}/hr-outcomes.csv`],
    },
    { title: 'Program status', okCodes: [0, 1], args: ['status', '--now', '2027-06-30'] },
    {
      title: 'KPI report for leadership',
      okCodes: [0, 1],
      args: ['report', '--out', 'report.xlsx', '--now', '2027-06-30'],
      output: 'report.xlsx',
    },
    {
      title: "The program manager's workbook: also the people, pairs and answers by name",
      okCodes: [0, 1],
      args: [
        'report',
        '--audience',
        'manager',
        '--out',
        'manager-report.xlsx',
        '--now',
        '2027-06-30',
      ],
      output: 'manager-report.xlsx',
    },
    {
      title: 'The same report as one page to open in a browser or print to PDF',
      okCodes: [0, 1],
      args: ['report', '--format', 'html', '--now', '2027-06-30'],
      output: 'report.html',
    },
  ];
}

/** The init command line the demo runs first. */
export const initArgs = (target: string): string[] => [
  'init',
  target,
  '--name',
  'Northwind Mentoring 2027',
  '--start',
  '2027-01-11',
  '--end',
  '2027-06-25',
  '--timezone',
  'Europe/London',
  '--quiet',
];
