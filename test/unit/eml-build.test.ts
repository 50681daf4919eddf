import { describe, expect, it } from 'vitest';
import {
  buildEml,
  encodeWords,
  formatMailbox,
  quotedPrintable,
} from '../../src/io/formats/eml/message.js';

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const src = text.replace(/=\r\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=') {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(src.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(text: string): string {
  return text
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) =>
      Buffer.from(b64, 'base64').toString('latin1'),
    )
    .replace(/[\s\S]+/, (s) => Buffer.from(s, 'latin1').toString('utf8'));
}

describe('RFC 5322 / MIME messages', () => {
  const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
  const eml = buildEml({
    from: { name: 'Program Manager', email: 'boss@x.org' },
    to: [{ name: 'Zoë Ångström 山田太郎', email: 'zoe@x.org' }],
    subject: 'Meet your mentor, Zoë Ångström 山田太郎 — 🎉 welcome to the program of the year',
    text: `Hello Zoë,\n\nFirst meeting: Tue 2 Mar 2027 at 15:00.\n${'Long line with = signs and ümlauts. '.repeat(8)}\nTrailing space \n`,
    html: '<p>Hello Zoë</p>',
    date: new Date('2027-02-01T12:00:00Z'),
    messageId: 'abc@mentor-cli',
    draft: true,
    attachments: [
      {
        filename: 'invitation.ics',
        contentType: 'text/calendar; method=REQUEST; charset=UTF-8',
        content: ics,
      },
    ],
  });

  it('is 7-bit ASCII with CRLF line ends and lines of at most 78 characters', () => {
    expect(eml).toMatch(/^[\x00-\x7F]*$/);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('encodes non-ASCII headers as RFC 2047 encoded-words that decode back', () => {
    const subject = /\r\nSubject: ([\s\S]*?)\r\n(?! )/.exec(eml)![1];
    expect(decodeWords(subject)).toBe(
      'Meet your mentor, Zoë Ångström 山田太郎 — 🎉 welcome to the program of the year',
    );
    const to = /\r\nTo: (.*)\r\n/.exec(eml)![1];
    expect(to).toMatch(/^=\?UTF-8\?B\?.+\?= <zoe@x\.org>$/);
    expect(eml).toContain('Date: Mon, 01 Feb 2027 12:00:00 +0000\r\n');
    expect(eml).toContain('Message-ID: <abc@mentor-cli>\r\n');
    expect(eml).toContain('X-Unsent: 1\r\n');
  });

  it('quoted-printable body decodes to the original text; the invitation decodes to the .ics', () => {
    const text = 'Hello Zoë,\n\nLine with = and ümlaut. '.repeat(5) + 'end \n';
    expect(decodeQp(quotedPrintable(text)).replace(/\r\n/g, '\n')).toBe(text);
    for (const line of quotedPrintable(text).split('\r\n'))
      expect(line.length).toBeLessThanOrEqual(76);
    const part =
      /Content-Type: text\/calendar; method=REQUEST; charset=UTF-8;\r\n name="invitation.ics"\r\n[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/.exec(
        eml,
      )!;
    expect(Buffer.from(part[1].replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(ics);
    expect(eml).toContain('Content-Type: multipart/alternative;');
    expect(eml).toContain('Content-Type: text/html; charset=UTF-8');
  });

  it('a name with CR/LF or quotes cannot inject a header', () => {
    expect(formatMailbox({ name: 'Eve\r\nBcc: all@x.org "x"', email: 'eve@x.org' })).toBe(
      '"Eve Bcc: all@x.org \\"x\\"" <eve@x.org>',
    );
    expect(encodeWords('plain\r\nBcc: x')).toBe('plain Bcc: x');
    const m = buildEml({
      from: { name: 'A', email: 'a@x.org' },
      to: [{ name: 'B\nBcc: c@x.org', email: 'b@x.org' }],
      subject: 'Hi\r\nBcc: d@x.org',
      text: 't',
      date: new Date(0),
      messageId: 'm@x',
      attachments: [],
    });
    expect(
      m
        .split('\r\n\r\n')[0]
        .split('\r\n')
        .filter((l) => /^Bcc:/i.test(l)),
    ).toEqual([]);
  });
});

describe('header folding (RFC 5322 2.1.1: no line over 998 octets, folded near 78)', () => {
  /** Unfolds a header value: CRLF removed, whitespace between adjacent encoded-words dropped. */
  const unfold = (v: string) =>
    v
      .replace(/\?=\r\n =\?/g, '?==?')
      .replace(/\r\n/g, '')
      .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) =>
        Buffer.from(b64, 'base64').toString('latin1'),
      )
      .replace(/[\s\S]+/, (s) => Buffer.from(s, 'latin1').toString('utf8'));
  const header = (eml: string, name: string) =>
    new RegExp(`^${name}: ((?:.*)(?:\\r\\n[ \\t].*)*)`, 'm').exec(eml)![1];
  it.each([
    ['3,000 ASCII characters with spaces', 'Ann Lee '.repeat(375).trim()],
    ['3,000 ASCII characters without a space', 'A'.repeat(3000)],
    ['3,000 non-ASCII characters', 'Zoë 山田 🎉 '.repeat(300).trim()],
  ])('a name of %s: To and Subject folded, and read back whole', (_, name) => {
    const eml = buildEml({
      from: { name: 'Program Manager', email: 'pm@x.org' },
      to: [{ name, email: 'ann@x.org' }],
      subject: `Meet your mentor ${name}`,
      text: 'Hello',
      date: new Date('2027-01-04T09:00:00Z'),
      messageId: 'abc@mentor-cli',
      attachments: [],
    });
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    for (const line of head.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(78);
    expect(unfold(header(eml, 'Subject'))).toBe(`Meet your mentor ${name}`);
    const to = unfold(header(eml, 'To'));
    expect(to.endsWith(' <ann@x.org>')).toBe(true);
    expect(to.slice(0, -' <ann@x.org>'.length).replace(/^"|"$/g, '')).toBe(name);
  });
});
