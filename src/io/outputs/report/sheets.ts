/** The report's sheet specs: plain rows and typed columns for every sheet of the KPI workbook. */

import type { KpiInput } from '../../../core/kpi/facts.js';
import type { GroupStats, KpiReport } from '../../../core/kpi/types.js';
import { breakdownNote } from '../../../core/kpi/groups.js';
import type { OutcomeComparison } from '../../../core/outcomes/compare.js';
import { emailKey } from '../../../core/keys.js';
import { MEASURES, type MeasureId } from '../../../core/surveys/measures.js';
import type { SurveyResponse } from '../../../core/surveys/state.js';
import type { Participant } from '../../../core/types.js';
import { dateColumnKind } from '../../../core/kpi/iso-dates.js';
import type { ColumnSpec, SheetSpec } from '../../formats/xlsx/write.js';

const col = (
  header: string,
  key: string,
  type: ColumnSpec['type'] = 'text',
  width?: number,
): ColumnSpec => ({ header, key, type, ...(width ? { width } : {}) });
const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : 'no');

/** Summary rows: section, KPI, value, target, status; the caller formats values per row. */
export function summarySheet(report: KpiReport): SheetSpec {
  return {
    name: 'Summary',
    title: `${report.program}: KPI summary (${report.generatedAt.slice(0, 10)})`,
    columns: [
      col('Section', 'section'),
      col('KPI', 'label', 'text', 48),
      col('Value', 'value', 'number', 12),
      col('Target', 'target', 'number', 12),
      col('Status', 'status', 'text', 10),
    ],
    rows: report.kpis.map((k) => ({
      section: k.section,
      label: k.label,
      value: k.value,
      target: k.target,
      status: k.met === undefined ? '' : k.met === null ? 'no data' : k.met ? 'met' : 'not met',
    })),
  };
}

/** Participants, with non-sensitive extra attributes (all with includeSensitive). */
export function participantsSheet(input: KpiInput, includeSensitive: boolean): SheetSpec {
  const sensitive = new Set(
    input.config.participants.sensitiveAttributes.map((s) => s.toLowerCase()),
  );
  const attrs = new Set<string>();
  for (const p of input.participants)
    for (const k of Object.keys(p.attributes ?? {}))
      if (includeSensitive || !sensitive.has(k.toLowerCase())) attrs.add(k);
  const partners = new Map<string, string[]>();
  for (const m of input.matches) {
    if (m.status !== 'active') continue;
    for (const [a, b] of [
      [m.mentee, m.mentor],
      [m.mentor, m.mentee],
    ]) {
      const l = partners.get(emailKey(a)) ?? [];
      l.push(b);
      partners.set(emailKey(a), l);
    }
  }
  const attrList = [...attrs].sort();
  // An attribute whose every value is an ISO date ("Start date", "Start time") becomes a real date
  // column.
  const attrType = attrList.map(
    (a) => dateColumnKind(input.participants.map((p) => p.attributes?.[a])) ?? 'text',
  );
  return {
    name: 'Participants',
    columns: [
      col('Email', 'email'),
      col('Name', 'name'),
      col('Role', 'role'),
      col('Department', 'department'),
      col('Title', 'title'),
      col('Level', 'level', 'integer'),
      col('Cohort', 'cohort'),
      col('Status', 'status'),
      col('Training completed', 'training'),
      col('Capacity', 'capacity', 'integer'),
      col('Matched with', 'partners'),
      col('Signed up', 'submittedAt', 'datetime'),
      ...attrList.map((a, i) => col(a, `a${i}`, attrType[i])),
    ],
    rows: input.participants.map((p: Participant) => {
      const row: Record<string, unknown> = {
        email: p.email,
        name: p.name,
        role: p.role,
        department: p.department,
        title: p.title,
        level: p.level,
        cohort: p.cohort,
        status: p.status,
        training: yesNo(p.trainingCompleted),
        capacity: p.role === 'mentee' ? undefined : p.capacity,
        partners: (partners.get(emailKey(p.email)) ?? []).join('; '),
        submittedAt: p.submittedAt,
      };
      attrList.forEach((a, i) => {
        row[`a${i}`] = p.attributes?.[a];
      });
      return row;
    }),
  };
}

/** Matches with their reasons in plain words. */
export function matchesSheet(input: KpiInput): SheetSpec {
  const names = new Map(input.participants.map((p) => [emailKey(p.email), p.name]));
  return {
    name: 'Matches',
    columns: [
      col('Pair', 'id'),
      col('Mentee', 'menteeName'),
      col('Mentee email', 'mentee'),
      col('Mentor', 'mentorName'),
      col('Mentor email', 'mentor'),
      col('Score', 'score', 'number'),
      col('Status', 'status'),
      col('Origin', 'origin'),
      col('Cohort', 'cohort'),
      col('Matched on', 'createdAt', 'date'),
      col('Reasons', 'reasons', 'text', 60),
    ],
    rows: input.matches.map((m) => ({
      ...m,
      menteeName: names.get(emailKey(m.mentee)) ?? '',
      mentorName: names.get(emailKey(m.mentor)) ?? '',
      createdAt: m.createdAt?.slice(0, 10),
      reasons: m.reasons.join('; '),
    })),
  };
}

/** Meetings scheduled to date vs held, per active pair; and the at-risk pairs with reasons. */
export function pairSheets(report: KpiReport, input: KpiInput): SheetSpec[] {
  const names = new Map(input.participants.map((p) => [emailKey(p.email), p.name]));
  // People by name first (what a reader looks for), the email beside it, the pair id last.
  const base = [
    col('Mentee', 'menteeName'),
    col('Mentor', 'mentorName'),
    col('Mentee email', 'mentee'),
    col('Mentor email', 'mentor'),
    col('Pair', 'id'),
  ];
  const row = (h: KpiReport['pairs'][number]) => ({
    id: h.match.id,
    mentee: h.match.mentee,
    mentor: h.match.mentor,
    menteeName: names.get(emailKey(h.match.mentee)) ?? '',
    mentorName: names.get(emailKey(h.match.mentor)) ?? '',
    scheduled: h.scheduledToDate,
    held: h.meetingsHeld,
    reportedAt: h.heldReportedAt,
    dueAtReport: h.scheduledAtReport,
    // The held rate compares the count with what was scheduled when it was reported, as the at-risk
    // rule does.
    rate:
      h.meetingsHeld !== undefined && (h.scheduledAtReport ?? 0) > 0
        ? h.meetingsHeld / h.scheduledAtReport!
        : undefined,
    atRisk: h.reasons.length ? 'yes' : 'no',
    sMentee: h.menteeSatisfaction,
    sMentor: h.mentorSatisfaction,
    reasons: h.reasons.map((r) => r.text).join('; '),
  });
  return [
    {
      name: 'Meetings',
      columns: [
        ...base,
        col('Scheduled to date', 'scheduled', 'integer'),
        col('Held (reported)', 'held', 'integer'),
        col('Reported on', 'reportedAt', 'date'),
        col('Scheduled when reported', 'dueAtReport', 'integer'),
        col('Held rate', 'rate', 'percent'),
        col('At risk', 'atRisk'),
      ],
      rows: report.pairs.map(row),
    },
    {
      name: 'At-risk pairs',
      columns: [
        ...base,
        col('Mentee satisfaction', 'sMentee', 'integer'),
        col('Mentor satisfaction', 'sMentor', 'integer'),
        col('Held (reported)', 'held', 'integer'),
        col('Scheduled when reported', 'dueAtReport', 'integer'),
        col('Scheduled to date', 'scheduled', 'integer'),
        col('Reasons', 'reasons', 'text', 60),
      ],
      rows: report.atRisk.map(row),
    },
  ];
}

/** Column headers of the survey measures, in words (the ids are for JSON and --map). */
const MEASURE_LABELS: Record<MeasureId, string> = {
  satisfaction: 'Satisfaction (1-5)',
  recommend: 'Would recommend (0-10)',
  meetingsHeld: 'Meetings held',
  goalProgress: 'Goal progress (1-5)',
  skillsImproved: 'Skills improved (1-5)',
  wouldContinue: 'Would continue',
  concerns: 'Concerns',
};

/**
 * Survey waves overview, then one sheet per wave with each person's latest response (unknown emails
 * included).
 */
export function surveySheets(report: KpiReport, input: KpiInput, perPerson: boolean): SheetSpec[] {
  const { linked } = report;
  const waveCols = [
    col('Wave', 'wave'),
    col('Opens', 'opens', 'date'),
    col('Invited', 'invited', 'integer'),
    col('Responded', 'responded', 'integer'),
    col('Response rate', 'responseRate', 'percent'),
    col('Satisfaction', 'satisfaction', 'number'),
    col('Satisfaction (mentees)', 'satisfactionMentee', 'number'),
    col('Satisfaction (mentors)', 'satisfactionMentor', 'number'),
    col('NPS', 'nps', 'integer'),
    col('Goal progress', 'goalProgress', 'number'),
    col('Skills improved', 'skillsImproved', 'number'),
    col('Would continue', 'wouldContinue', 'percent'),
    col('Unknown emails', 'unknownResponses', 'integer'),
    col('Goal progress (mentees)', 'goalProgressMentee', 'number'),
    col('Goal progress (mentors)', 'goalProgressMentor', 'number'),
  ];
  const sheets: SheetSpec[] = [
    {
      name: 'Survey waves',
      columns: waveCols,
      rows: report.waves as unknown as Record<string, unknown>[],
    },
  ];
  if (!perPerson) return sheets;
  const names = new Map(input.participants.map((p) => [emailKey(p.email), p.name]));
  for (const w of report.waves) {
    const rs: SurveyResponse[] = [
      ...(linked.latest.get(w.wave)?.values() ?? []),
      ...linked.unknown.filter((r) => r.wave === w.wave),
    ];
    rs.sort((a, b) => (a.email < b.email ? -1 : 1));
    sheets.push({
      name: `Survey ${w.wave}`,
      columns: [
        col('Email', 'email'),
        col('Name', 'name'),
        col('Participant', 'known'),
        col('Pair(s)', 'pairs'),
        col('Submitted', 'submittedAt', 'datetime'),
        ...MEASURES.map((m) =>
          col(
            MEASURE_LABELS[m.id],
            m.id,
            // Rescaled answers (a 1-10 satisfaction on 1-5) are decimals.
            m.id === 'concerns' || m.id === 'wouldContinue'
              ? 'text'
              : m.id === 'meetingsHeld'
                ? 'integer'
                : 'number',
            m.id === 'concerns' ? 40 : undefined,
          ),
        ),
        col('Out-of-scale answers', 'invalid', 'text', 30),
        col('Source file', 'file'),
        col('Row', 'row', 'integer'),
      ],
      rows: rs.map((r) => ({
        email: r.email,
        name: names.get(emailKey(r.email)) ?? r.name,
        known: names.has(emailKey(r.email)) ? 'yes' : 'unknown email',
        pairs: (linked.pairsOf.get(emailKey(r.email)) ?? []).map((m) => m.id).join('; '),
        submittedAt: r.submittedAt,
        ...r.measures,
        wouldContinue: yesNo(r.measures.wouldContinue),
        invalid: (r.invalid ?? []).join('; '),
        file: r.source.file,
        row: r.source.row,
      })),
    });
  }
  return sheets;
}

const GROUP_COLS = (first: string): ColumnSpec[] => [
  col(first, 'value'),
  col('Participants', 'participants', 'integer'),
  col('Mentors', 'mentors', 'integer'),
  col('Mentees', 'mentees', 'integer'),
  col('Match rate', 'matchRate', 'percent'),
  col('Average score', 'averageScore', 'number'),
  col('Satisfaction', 'satisfaction', 'number'),
  col('Satisfaction answers', 'satisfactionAnswers', 'integer'),
  col('NPS', 'nps', 'integer'),
  col('NPS answers', 'npsAnswers', 'integer'),
  col('Under 5 answers', 'few'),
  col('Response rate', 'responseRate', 'percent'),
  col('Retention', 'retention', 'percent'),
  col('At-risk pairs (by mentee)', 'atRiskPairs', 'integer'),
];

/** Participants against non-participants: aggregates only, small groups withheld, the caveat. */
function outcomesSheet(o: OutcomeComparison): SheetSpec {
  return {
    name: 'Outcomes',
    title: `HR outcomes ${o.periodStart} to ${o.periodEnd}, groups under 5 not shown. ${o.caveat}`,
    columns: [
      col('Group', 'group', 'text', 20),
      col('People', 'people', 'integer'),
      col('Retained', 'retained', 'integer'),
      col('Retention', 'retentionRate', 'percent'),
      col('Promoted or role change', 'promoted', 'integer'),
      col('Promotion rate', 'promotionRate', 'percent'),
      col('Average score', 'averageScore', 'number'),
      col('Under 5 people', 'smallText'),
    ],
    rows: o.groups.map((g) => ({ ...g, smallText: g.small ? 'yes: not shown' : '' })),
  };
}

/**
 * One sheet per --by field (sensitive ones as diversity views with small groups suppressed) and the
 * cohort comparison.
 */
export function groupSheets(report: KpiReport): SheetSpec[] {
  const rows = (gs: GroupStats[]) =>
    gs.map((g): Record<string, unknown> => ({ ...g, few: g.fewAnswers ? 'yes' : '' }));
  const sheets: SheetSpec[] = report.breakdowns.map((b) => ({
    name: `By ${b.field}`,
    title: b.sensitive
      ? `Diversity view by ${b.field}: groups under 5 people shown as "<5". ${breakdownNote(b)}`
      : breakdownNote(b),
    columns: GROUP_COLS(b.field),
    rows: rows(b.groups),
  }));
  if (report.outcomes) sheets.push(outcomesSheet(report.outcomes));
  // A "By cohort" breakdown already shows the cohorts: no second sheet with the same rows.
  const byCohort = report.breakdowns.find((b) => b.field.toLowerCase() === 'cohort');
  if (report.cohorts && !byCohort)
    sheets.push({ name: 'Cohorts', columns: GROUP_COLS('Cohort'), rows: rows(report.cohorts) });
  return sheets;
}
