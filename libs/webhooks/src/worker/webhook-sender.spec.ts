import type { AppConfig } from '@app/config';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookSettings } from '../webhook-settings';
import { publicOnlyLookup, WebhookSender } from './webhook-sender';

/** A real receiver on this machine: what a delivery would reach inside the agency's network. */
describe('WebhookSender', () => {
  let server: Server;
  let port: number;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let answer = 204;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = answer;
        res.end('x'.repeat(100 * 1024));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    received.length = 0;
    answer = 204;
  });

  const sender = (production: boolean, timeoutMs = 5000): WebhookSender =>
    new WebhookSender(Object.assign(new WebhookSettings(), { timeoutMs }), {
      isProduction: production,
    } as AppConfig);
  const target = (host: string) => ({ url: `http://${host}:${port}/hook`, secret: 'whsec_test' });

  it('outside production, delivers the signed body and reports the status (reading a long answer only in part)', async () => {
    expect(await sender(false).send(target('127.0.0.1'), 'evt-1', '{"a":1}')).toEqual({
      status: 204,
      error: null,
    });
    answer = 503;
    expect(await sender(false).send(target('localhost'), 'evt-1', '{"a":1}')).toEqual({
      status: 503,
      error: 'HTTP 503',
    });
    expect(received).toHaveLength(2);
    expect(received[0].body).toBe('{"a":1}');
    expect(received[0].headers['webhook-id']).toBe('evt-1');
    expect(received[0].headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('in production, never connects to a private address, written as an IP or behind a name', async () => {
    expect(await sender(true).send(target('127.0.0.1'), 'evt-2', '{}')).toEqual({
      status: null,
      error: 'private_address',
    });
    expect(await sender(true).send(target('localhost'), 'evt-2', '{}')).toEqual({
      status: null,
      error: 'private_address',
    });
    expect(received).toHaveLength(0);
  });

  it('a receiver that does not answer in time is a timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    try {
      expect(await sender(false, 200).send({ url, secret: 's' }, 'evt-3', '{}')).toEqual({
        status: null,
        error: 'timeout',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('publicOnlyLookup answers both lookup forms for a public name and refuses a private one', async () => {
    const lookup = (host: string, all: boolean) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
        publicOnlyLookup(host, { all }, (error, address) => resolve({ error, address })),
      );
    const local = await lookup('localhost', false);
    expect(local.error?.code).toBe('private_address');
    expect((await lookup('localhost', true)).error?.code).toBe('private_address');
  });
});
