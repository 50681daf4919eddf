/**
 * A real SMTP server on a random loopback port (smtp-server), keeping every message it accepted
 * parsed with mailparser; and the built CLI run asynchronously, so the server can answer it.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { CLI, type CliResult } from './cli.js';

/** A message the server accepted: its envelope and the parsed message. */
export interface Received {
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
}

/** How the server misbehaves: per recipient, before DATA is accepted. */
export interface Faults {
  /** Refuse these recipients with 550 at RCPT TO. */
  reject?: string[];
  /** Drop the connection at DATA the first `times` attempts for these recipients. */
  drop?: { to: string; times: number }[];
  /**
   * Called when a message's DATA has been read, before the server commits it; returning false
   * means the server never commits it (as when the client dies before the final dot).
   */
  beforeAccept?: (to: string[]) => boolean;
  /** Called just after the server answered 250. */
  afterAccept?: (to: string[]) => void;
}

/** A running test server. */
export interface TestSmtp {
  port: number;
  received: Received[];
  faults: Faults;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startSmtp(faults: Faults = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const drops = new Map<string, number>();
  // Sockets by the client's port (the session knows it), so a test can drop one connection.
  const sockets = new Map<number, Socket>();
  const state: TestSmtp = { port: 0, received, faults, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.faults.reject?.includes(address.address.toLowerCase())) {
        const err = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const drop = state.faults.drop?.find((d) => to.includes(d.to.toLowerCase()));
        if (drop && (drops.get(drop.to) ?? 0) < drop.times) {
          drops.set(drop.to, (drops.get(drop.to) ?? 0) + 1);
          // The connection is lost before the server accepts: the message was not delivered.
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        if (state.faults.beforeAccept?.(to) === false) return;
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((mail) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({ from, to, raw, mail });
          callback(null, '2.0.0 queued as test');
          state.faults.afterAccept?.(to);
        });
      });
    },
  });
  server.server.on('connection', (s: Socket) => {
    const port = s.remotePort ?? 0;
    sockets.set(port, s);
    s.on('close', () => sockets.delete(port));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((ok) => {
      for (const s of sockets.values()) s.destroy();
      server.close(() => ok());
    });
  return state;
}

/** Runs `node dist/cli.js ...args` without blocking this process (the server runs here). */
export function runCliAsync(
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: opts.cwd,
      NO_COLOR: '1',
      TZ: 'UTC',
      CI: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<CliResult>((ok) =>
    child.on('close', (code, signal) => ok({ code: code ?? (signal ? -1 : -1), stdout, stderr })),
  );
  return { child, done };
}
