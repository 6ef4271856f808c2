import { StartupError } from '@app/local-services';
import { createServer, Server } from 'node:net';
import { choosePorts, isLoopback, localUrl } from './local-address';

describe('local addresses', () => {
  it('knows loopback addresses from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) expect(isLoopback(host)).toBe(false);
  });

  it('shows the URL a person on this machine opens', () => {
    expect(localUrl('127.0.0.1', 3000)).toBe('http://localhost:3000');
    expect(localUrl('0.0.0.0', 4000)).toBe('http://localhost:4000');
    expect(localUrl('192.168.1.10', 4000)).toBe('http://192.168.1.10:4000');
    expect(localUrl('fe80::1', 4000)).toBe('http://[fe80::1]:4000');
  });

  describe('choosePorts', () => {
    let busy: Server;
    let busyPort: number;
    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      busyPort = (busy.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

    const base = { NODE_ENV: 'development', HOST: '127.0.0.1' };

    it('takes a free port for PORT=0 and for an unset WORKER_PORT, and points APP_BASE_URL at what is served', async () => {
      const env: NodeJS.ProcessEnv = { ...base, PORT: '0' };
      await choosePorts(env);
      expect(Number(env.PORT)).toBeGreaterThan(0);
      expect(Number(env.WORKER_PORT)).toBeGreaterThan(0);
      expect(env.WORKER_PORT).not.toBe(env.PORT);
      expect(env.APP_BASE_URL).toBe(`http://localhost:${env.PORT}`);
    });

    it('keeps an APP_BASE_URL that was set', async () => {
      const env: NodeJS.ProcessEnv = { ...base, PORT: '0', APP_BASE_URL: 'https://export.example.org' };
      await choosePorts(env);
      expect(env.APP_BASE_URL).toBe('https://export.example.org');
    });

    it('stops with a sentence naming the setting when a port is taken', async () => {
      await expect(choosePorts({ ...base, PORT: String(busyPort) })).rejects.toThrow(
        new StartupError(
          `Port ${busyPort} on 127.0.0.1 is already in use (PORT).`,
          'Stop what uses it, or start with PORT=<another port>.',
        ),
      );
      await expect(choosePorts({ ...base, PORT: '0', WORKER_PORT: String(busyPort) })).rejects.toThrow(
        /already in use \(WORKER_PORT\)/,
      );
    });

    it('checks every other setting before anything starts', async () => {
      await expect(choosePorts({ ...base, PORT: 'abc' })).rejects.toThrow(/PORT/);
    });
  });
});
