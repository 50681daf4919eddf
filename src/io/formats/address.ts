/**
 * The one form an email address is written in, in calendars (ATTENDEE/ORGANIZER mailto:) and in
 * mail headers alike, so a client that matches the invitation to the mailbox finds the same text.
 */

import { domainToASCII } from 'node:url';

/**
 * `email` in NFC with its domain in IDNA ASCII (A-labels, `bücher.de` -> `xn--bcher-kva.de`, what
 * DNS and every mail server resolve); the part before the @ stays as typed (UTF-8, RFC 6531/6532:
 * it has no ASCII form).
 */
export function addressForm(email: string): string {
  const value = email.normalize('NFC').trim();
  const at = value.lastIndexOf('@');
  if (at < 0 || /^[\x21-\x7E]*$/.test(value.slice(at + 1))) return value;
  const ascii = domainToASCII(value.slice(at + 1));
  return ascii ? `${value.slice(0, at + 1)}${ascii}` : value;
}
