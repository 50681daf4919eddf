/**
 * Introduction emails (one per person per pair, in the reader's own time zone) and the program
 * announcement, as .eml.
 */

import type { ProgramConfig } from '../../../core/config.js';
import type { Participant } from '../../../core/types.js';
import type { PreparedSchedule } from '../schedule/calendars.js';
import { formatDay, localTimeOf } from '../../../core/scheduling/describe.js';
import { renderTemplate } from '../../../core/scheduling/template.js';
import { stableHash } from '../../../core/scheduling/ids.js';
import { buildEml, textToHtml, type EmlMessage, type Mailbox } from '../../formats/eml/message.js';
import { FileNamer, peopleStem, personStem } from '../file-names.js';
import { contentBytes } from '../../store/staged-write.js';

/** Splits "Subject: ..." off the first line of a mail template. */
function splitSubject(text: string, fallback: string): { subject: string; body: string } {
  const m = /^Subject:[ \t]*(.*)\r?\n(\r?\n)?/.exec(text);
  return m ? { subject: m[1], body: text.slice(m[0].length) } : { subject: fallback, body: text };
}

/**
 * Why a pair has no slot, said to the two people (the planner's reason is written for the manager).
 */
const WHY: Record<string, string> = {
  'no common time in their availability':
    'the availability you each gave (in your own time zones) has no time in common',
  'every common time is already taken or would exceed schedule.maxMeetingsPerDay':
    'the times you share are already taken by other program meetings',
};

/**
 * The meeting paragraph: the first meeting and the attached invitation, or, with no slot, who
 * arranges the time and why.
 */
function meetingInfo(v: {
  first?: string;
  zone: string;
  count: number;
  url: string;
  reason?: string;
  manager: string;
}): string {
  if (v.first) {
    return [
      `Your first meeting: ${v.first} (your time, ${v.zone}).`,
      `The invitation for all ${v.count} meetings is attached; please accept it so it lands in your calendar.`,
      ...(v.url ? [`Join: ${v.url}`] : []),
    ].join('\n');
  }
  const why = v.reason ? (WHY[v.reason] ?? v.reason) : 'no regular time could be found';
  return [
    `We could not book a regular meeting time for you yet: ${why}.`,
    `${v.manager} will propose a time to you both in the next few days. If you would rather agree one between you, reply to ${v.manager} with the day and time you chose.`,
    'There is no calendar invitation attached yet; it will follow once the time is set.',
  ].join('\n');
}

/**
 * A template written before {meetingInfo} existed: its first-meeting lines would promise an
 * attachment, so they give way to it.
 */
function withMeetingInfo(body: string): string {
  if (body.includes('{meetingInfo}')) return body;
  const lines = body.split('\n');
  const at = lines.findIndex((l) => /\{(firstMeeting|meetingCount)\}/.test(l));
  if (at < 0) return body;
  const stale = /\{(firstMeeting|meetingCount)\}|^\s*Join: \{url\}\s*$/;
  return lines
    .flatMap((l, i) => (i === at ? ['{meetingInfo}'] : stale.test(l) ? [] : [l]))
    .join('\n');
}

const bullets = (items: string[]) =>
  items.length ? items.map((i) => `- ${i}`).join('\n') : '- (none given)';

/** One composed email, before its Date and Message-ID are set. */
export interface MailDraft {
  /** Stable outbox id, e.g. `intro:<unit>:<email>`. */
  id: string;
  kind: string;
  /** File name under intro/ for the drafts `intro` writes. */
  path: string;
  /** The Message-ID the .eml draft has always had. */
  draftId: string;
  message: Omit<EmlMessage, 'date' | 'messageId' | 'draft'>;
}

/** The introduction emails, one per person of every pair, in plan order. */
export function introMails(prep: PreparedSchedule, config: ProgramConfig): MailDraft[] {
  const { plan, rendered, templates } = prep;
  const mails: MailDraft[] = [];
  const names = new FileNamer();
  const manager = config.program.manager;
  const intro = splitSubject(templates.intro, `${config.program.name}: your mentoring partner`);
  for (const s of plan.series) {
    const { unit } = s;
    const pairFile = rendered.pairFiles.get(unit.id);
    const content = pairFile === undefined ? undefined : rendered.files.get(pairFile);
    const ics = content === undefined ? undefined : contentBytes(content);
    const first = s.occurrences.find((o) => o.status !== 'skipped');
    const anchorTz = plan.zoneOf(unit.anchor);
    // Each person keeps a part of the name (never cut off), so the file says whom it is for.
    const pair = peopleStem([unit.mentor, ...unit.mentees]);
    const body = ics ? intro.body : withMeetingInfo(intro.body);
    for (const reader of [unit.mentor, ...unit.mentees]) {
      const isMentor = reader === unit.mentor;
      const others: Participant[] = isMentor ? unit.mentees : [unit.mentor];
      const other = others[0];
      const zone = plan.zoneOf(reader);
      const local = first
        ? localTimeOf(plan.clocks, anchorTz, first.date, first.time, zone)
        : undefined;
      const reasons = unit.matches
        .filter((m) => isMentor || m.mentee.toLowerCase() === reader.email.toLowerCase())
        .flatMap((m) => m.reasons);
      const details =
        others.length === 1 ? [other.title, other.department].filter(Boolean).join(', ') : '';
      const values = new Map<string, string>([
        ['program', config.program.name],
        ['readerName', reader.name],
        ['otherName', others.map((o) => o.name).join(', ')],
        ['otherRole', isMentor ? (others.length > 1 ? 'mentees' : 'mentee') : 'mentor'],
        ['otherDetails', details ? ` (${details})` : ''],
        ['otherEmail', others.map((o) => o.email).join(', ')],
        ['reasons', bullets(reasons)],
        ['firstMeeting', local ? `${formatDay(local.date)} at ${local.time}` : 'not arranged yet'],
        ['readerZone', zone],
        [
          'meetingCount',
          String(ics ? s.occurrences.filter((o) => o.status !== 'skipped').length : 0),
        ],
        ['url', s.event?.url ?? s.event?.location ?? ''],
        ['expectations', bullets(templates.agenda.expectations)],
        ['groundRules', bullets(templates.agenda.groundRules)],
        ['managerName', manager.name],
        ['managerEmail', manager.email],
      ]);
      values.set(
        'meetingInfo',
        meetingInfo({
          first: ics && local ? values.get('firstMeeting') : undefined,
          zone,
          count: Number(values.get('meetingCount')),
          url: values.get('url') ?? '',
          reason: s.outcome.reason,
          manager: manager.name,
        }),
      );
      const text = renderTemplate(body, values);
      const email = reader.email.toLowerCase();
      mails.push({
        id: `intro:${unit.id}:${email}`,
        kind: 'intro',
        path: `intro/${names.parts([pair, 'to', personStem(reader)], '.eml')}`,
        draftId: `${stableHash(config.program.name, 'intro', unit.id, email).slice(0, 32)}@mentor-cli`,
        message: {
          from: manager,
          to: [{ name: reader.name, email: reader.email }],
          subject: renderTemplate(intro.subject, values),
          text,
          html: textToHtml(text),
          invitation: ics,
          attachments: ics
            ? [
                {
                  filename: 'invitation.ics',
                  contentType: 'text/calendar; method=REQUEST; charset=UTF-8',
                  content: ics,
                },
              ]
            : [],
        },
      });
    }
  }
  return mails;
}

/** The intro drafts of a run: their paths, and their contents made one at a time. */
export interface IntroFiles {
  /** intro/<pair>-to-<person>.eml for every person of every pair, and intro/announcement.eml. */
  paths: string[];
  /**
   * Each draft as [path, text], built when reached: the writer stores one before the next is made.
   * perf: bench/memory.mjs — 40,000 drafts held at once peaked at 952 MB (bound: 1 GB).
   */
  files: () => Generator<[string, string]>;
}

/**
 * Renders intro/<pair>-to-<person>.eml for every person of every pair and intro/announcement.eml.
 */
export function renderIntros(prep: PreparedSchedule, config: ProgramConfig, now: Date): IntroFiles {
  const mails = introMails(prep, config);
  const announcement = announcementMail(prep, config, [config.program.manager])[0];
  const draft = (m: MailDraft): string =>
    buildEml({ ...m.message, date: now, draft: true, messageId: m.draftId });
  return {
    paths: [...mails.map((m) => m.path), 'intro/announcement.eml'],
    *files() {
      for (const m of mails) yield [m.path, draft(m)];
      yield ['intro/announcement.eml', draft(announcement)];
    },
  };
}

/**
 * The announcement, one message per reader (`readers`: every active participant when sending; the
 * manager for the draft file).
 */
export function announcementMail(
  prep: PreparedSchedule,
  config: ProgramConfig,
  readers: Mailbox[],
): MailDraft[] {
  const units = prep.plan.series.map((s) => s.unit);
  const { subject, body } = splitSubject(
    prep.templates.announcement,
    `${config.program.name} is starting`,
  );
  const values = new Map<string, string>([
    ['program', config.program.name],
    ['startDate', formatDay(config.program.startDate)],
    ['endDate', formatDay(config.program.endDate)],
    ['pairCount', String(units.reduce((n, u) => n + u.matches.length, 0))],
    ['mentorCount', String(new Set(units.map((u) => u.mentor.email.toLowerCase())).size)],
    [
      'menteeCount',
      String(new Set(units.flatMap((u) => u.mentees.map((m) => m.email.toLowerCase()))).size),
    ],
    [
      'frequency',
      config.schedule.frequency === 'biweekly' ? 'every two weeks' : config.schedule.frequency,
    ],
    ['duration', String(config.schedule.meetingMinutes)],
    [
      'milestones',
      config.milestones
        .map((m) => {
          const at = (date: string, time: string, tz: string) =>
            `${formatDay(date)} ${time} (${tz})`;
          if (m.localTime) return `  - ${m.name}: ${formatDay(m.date)} ${m.time} (your local time)`;
          const regions = (m.regions ?? []).map(
            (r) => `; ${r.name}: ${at(r.date ?? m.date, r.time ?? m.time, r.timezone)}`,
          );
          return `  - ${m.name}: ${at(m.date, m.time, config.program.timezone)}${regions.join('')}`;
        })
        .join('\n'),
    ],
    ['expectations', bullets(prep.templates.agenda.expectations)],
    ['managerName', config.program.manager.name],
    ['managerEmail', config.program.manager.email],
  ]);
  const text = renderTemplate(body, values);
  const draftId = `${stableHash(config.program.name, 'announcement').slice(0, 32)}@mentor-cli`;
  return readers.map((reader) => ({
    id: `announcement:${reader.email.toLowerCase()}`,
    kind: 'announcement',
    path: 'intro/announcement.eml',
    draftId,
    message: {
      from: config.program.manager,
      to: [{ name: reader.name, email: reader.email }],
      subject: renderTemplate(subject, values),
      text,
      html: textToHtml(text),
      attachments: [],
    },
  }));
}
