/**
 * The SMTP peer the worker sends notification emails to during the bench: a real SMTP server
 * (smtp-server) in its own process that accepts everything and notes when each message arrived.
 * Messages are grouped by the run tag in their subject (`[bench:<tag>]`), so rounds do not mix.
 */
import { SMTPServer } from 'smtp-server';

const received = new Map<string, number[]>();
const TAG = /\[bench:([A-Za-z0-9-]+)\]/;

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const tag = TAG.exec(head)?.[1] ?? 'untagged';
      const times = received.get(tag) ?? [];
      times.push(Date.now());
      received.set(tag, times);
      callback();
    });
  },
});
server.on('error', () => undefined);

process.on('message', (message: { type: 'received'; tag: string }) => {
  if (message.type === 'received')
    process.send?.({ type: 'received', times: received.get(message.tag) ?? [] });
});

const port = Number(process.env.SMTP_PEER_PORT);
server.listen(port, '127.0.0.1', () => process.send?.({ type: 'listening' }));
