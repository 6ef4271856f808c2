import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  notificationId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
}

export type SmtpBehaviour = 'accept' | 'temporary-failure' | 'permanent-failure';

/**
 * A real SMTP server (smtp-server) that parses every message it accepts (mailparser). Tests switch how it
 * answers: accept, a temporary 451 or a permanent 550 — per recipient if they like — or stop it.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  behaviour: SmtpBehaviour = 'accept';
  /** Recipients answered with a permanent 550 whatever `behaviour` says. */
  readonly rejectRecipients = new Set<string>();
  /** Connection errors the peer saw (a client killed mid-conversation resets its socket: ECONNRESET). */
  readonly connectionErrors: Error[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        if (this.rejectRecipients.has(to))
          return callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
        if (this.behaviour === 'temporary-failure')
          return callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
        if (this.behaviour === 'permanent-failure')
          return callback(Object.assign(new Error('5.7.1 Rejected'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push({
              messageId: mail.messageId ?? '',
              notificationId: String(mail.headers.get('x-notification-id') ?? ''),
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              language: String(mail.headers.get('content-language') ?? ''),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
    // smtp-server re-emits every client socket's error on the server; unheard, one reset (a worker
    // SIGKILLed mid-message) would be an uncaught 'error' event that takes down the whole test file.
    this.server.on('error', (error: Error) => this.connectionErrors.push(error));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  distinctMessageIds(): number {
    return new Set(this.received.map((m) => m.messageId)).size;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to === address.toLowerCase());
  }

  /** The emails to `address` whose subject matches, once at least one has arrived (fails after `timeoutMs`). */
  async arrived(address: string, subject: RegExp, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const matching = () => this.to(address).filter((m) => subject.test(m.subject));
    const deadline = Date.now() + timeoutMs;
    while (!matching().length) {
      if (Date.now() > deadline)
        throw new Error(`gave up waiting for an email to ${address} (${subject}) after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return matching();
  }
}
