/**
 * RFC 5322/MIME messages (.eml) that Outlook, Apple Mail and Thunderbird open: UTF-8 headers, QP
 * bodies, a calendar invitation.
 */

import { createHash } from 'node:crypto';
import { addressForm } from '../address.js';

/** An address in a header. */
export interface Mailbox {
  name: string;
  email: string;
}

/** A file attached to the message. */
interface EmlAttachment {
  filename: string;
  /** e.g. `text/calendar; method=REQUEST; charset=UTF-8`. */
  contentType: string;
  content: string | Uint8Array;
}

/** Everything a message needs; `date` and `messageId` are given so output is reproducible. */
export interface EmlMessage {
  from: Mailbox;
  to: Mailbox[];
  subject: string;
  text: string;
  html?: string;
  date: Date;
  /** Without angle brackets, e.g. `3f2a...@mentor-cli`. */
  messageId: string;
  attachments: EmlAttachment[];
  /**
   * An iTIP invitation shown inline (a `text/calendar; method=REQUEST` alternative), so clients
   * offer Accept / Decline; the same file usually goes in `attachments` too.
   */
  invitation?: string | Uint8Array;
  /** Marks the file as a draft, so Outlook opens it ready to send (X-Unsent: 1). */
  draft?: boolean;
}

const clean = (s: string) => s.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim();

/**
 * RFC 2047 encoded-words (base64, UTF-8), each at most 64 characters so a header line stays under
 * 76 and never splitting a character.
 */
export function encodeWords(text: string): string {
  const value = clean(text);
  if (/^[\x20-\x7E]*$/.test(value) && !/=\?/.test(value)) {
    // Plain ASCII stays readable, folded at spaces so no line passes 78 octets (RFC 5322 2.1.1;
    // 998 is the hard limit a 3,000-character name broke); a word too long to fold is encoded.
    const folded = foldAtSpaces(value);
    if (folded !== undefined) return folded;
    return encodedWords(value);
  }
  return encodedWords(value);
}

const FOLD_WIDTH = 66;

/** `value` with CRLF SP inserted at spaces so each line is at most FOLD_WIDTH characters. */
function foldAtSpaces(value: string): string | undefined {
  if (value.length <= FOLD_WIDTH) return value;
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/(?= )/)) {
    if (word.length > FOLD_WIDTH) return undefined;
    if (line && line.length + word.length > FOLD_WIDTH) {
      lines.push(line);
      line = word;
    } else line += word;
  }
  lines.push(line);
  // A folded line must not be blank (RFC 5322 3.2.2), so runs of spaces are not split apart.
  return lines.some((l) => !l.trim()) ? undefined : lines.join('\r\n');
}

function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** `Name <email>` with the name quoted or encoded as needed. */
export function formatMailbox(m: Mailbox): string {
  // The same form as the calendar's ATTENDEE (addressForm): the domain in IDNA ASCII.
  const email = addressForm(clean(m.email)).replace(/[<>,;"\s]/g, '');
  const name = clean(m.name);
  if (!name) return `<${email}>`;
  // A quoted string cannot be folded inside; a long name is encoded-words (RFC 2047 5.3), one per
  // line.
  const display =
    /^[\x20-\x7E]*$/.test(name) && name.length <= FOLD_WIDTH
      ? `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`
      : encodedWords(name);
  return `${display} <${email}>`;
}

/**
 * Quoted-printable (RFC 2045 6.7) of UTF-8 text with CRLF line breaks and lines of at most 76
 * characters.
 */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bytes = Buffer.from(line, 'utf8');
    let current = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const last = i === bytes.length - 1;
      const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const token = literal
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (current.length + token.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

function base64Lines(content: string | Uint8Array): string {
  return (
    (typeof content === 'string'
      ? Buffer.from(content, 'utf8')
      : Buffer.from(content.buffer, content.byteOffset, content.length)
    )
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

function rfc5322Date(d: Date): string {
  // toUTCString gives "Tue, 12 Jan 2027 09:00:00 GMT"; RFC 5322 prefers a numeric zone.
  return d.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * The whole message: multipart/mixed [multipart/alternative [text/plain, text/html],
 * attachments...].
 */
export function buildEml(m: EmlMessage): string {
  const seed = createHash('sha1').update(m.messageId).digest('hex').slice(0, 24);
  const mixed = `mixed-${seed}`;
  const alt = `alt-${seed}`;
  const headers = [
    `From: ${formatMailbox(m.from)}`,
    `To: ${m.to.map(formatMailbox).join(',\r\n ')}`,
    `Subject: ${encodeWords(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: <${clean(m.messageId).replace(/[<>\s]/g, '')}>`,
    'MIME-Version: 1.0',
  ];
  if (m.draft) headers.push('X-Unsent: 1');
  headers.push(`Content-Type: multipart/mixed; boundary="${mixed}"`);
  const textPart = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(m.text),
  ];
  const body: string[] = ['This is a multipart message in MIME format.', '', `--${mixed}`];
  if (m.html || m.invitation) {
    body.push(
      `Content-Type: multipart/alternative; boundary="${alt}"`,
      '',
      `--${alt}`,
      ...textPart,
    );
    if (m.html)
      body.push(
        `--${alt}`,
        'Content-Type: text/html; charset=UTF-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        quotedPrintable(m.html),
      );
    if (m.invitation)
      body.push(
        `--${alt}`,
        'Content-Type: text/calendar; method=REQUEST; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(m.invitation),
      );
    body.push(`--${alt}--`, '');
  } else body.push(...textPart);
  for (const a of m.attachments) {
    const filename = clean(a.filename).replace(/["\\]/g, '');
    body.push(
      `--${mixed}`,
      `Content-Type: ${a.contentType};\r\n name="${filename}"`,
      `Content-Disposition: attachment; filename="${filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.content),
    );
  }
  body.push(`--${mixed}--`, '');
  return `${headers.join('\r\n')}\r\n\r\n${body.join('\r\n')}`;
}

/** Minimal HTML for a plain-text body: escaped, paragraphs on blank lines, line breaks kept. */
export function textToHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const paras = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>\n')}</p>`);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body style="font-family: sans-serif; line-height: 1.4">\n${paras.join('\n')}\n</body></html>\n`;
}
