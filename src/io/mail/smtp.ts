/**
 * One SMTP delivery attempt with nodemailer: the message goes out byte for byte as composed (raw),
 * and the server's answer is sorted into accepted, passing failure (retry) or permanent (5xx).
 */

import nodemailer from 'nodemailer';
import { UsageError } from '../../errors.js';
import { addressForm } from '../formats/address.js';
import type { Attempt } from '../../core/outbox/plan.js';

/** Where and as whom to connect; the password is never stored. */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

/** Sends raw messages over one transport. */
export interface Mailer {
  send(raw: string, from: string, to: string): Promise<Attempt>;
  close(): void;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** The server's words for an error, on one line. */
function replyOf(err: SmtpError): string {
  const text = err.response ?? err.message ?? String(err);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** A transport for `settings` (one connection per message: a dropped one never poisons the next). */
export function openMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(raw, from, to) {
      try {
        // The envelope names the addresses as the headers do (addressForm: IDNA domain).
        const envelope = { from: addressForm(from), to: [addressForm(to)] };
        const info = await transport.sendMail({ envelope, raw });
        if (info.rejected.length)
          return { ok: false, reply: `rejected ${info.rejected.join(', ')}`, permanent: true };
        return { ok: true, reply: String(info.response ?? 'accepted') };
      } catch (err) {
        const e = err as SmtpError;
        if (e.code === 'EAUTH')
          throw new UsageError(
            `The SMTP server ${settings.host} refused the login of "${settings.user ?? ''}": ${replyOf(e)}`,
            'Check email.smtp.user and the password in MENTOR_SMTP_PASSWORD; nothing more was sent',
          );
        // RFC 5321 4.2.1: 5yz is a permanent failure; 4yz and a lost connection may pass.
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
        return { ok: false, reply: replyOf(e), permanent };
      }
    },
    close() {
      transport.close();
    },
  };
}
