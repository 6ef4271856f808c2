import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { Client, type Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createUser, signInWeb, tokenFor, type WebSession } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';

/** A TCP proxy in front of PostgreSQL, so the test can make the database unreachable for real. */
async function startProxy(target: URL): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

/**
 * When the database cannot serve a request — every pool connection taken, a statement over
 * statement_timeout, the server out of reach — the answer is 503 with Retry-After (the request was
 * fine; try again), never 500. Provoked for real: a pool of one connection held by the test, a table lock
 * held by another client, a proxy that stops forwarding.
 */
describe('database busy or unreachable', () => {
  let api: TestApi;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let databaseUrl: string;
  let token: string;
  let web: WebSession;

  beforeAll(async () => {
    proxy = await startProxy(new URL(process.env.TEST_ADMIN_DATABASE_URL as string));
    api = await startTestApi((database) => {
      databaseUrl = database.url;
      const viaProxy = new URL(database.url);
      viaProxy.port = String(proxy.port);
      return {
        DATABASE_URL: viaProxy.toString(),
        DATABASE_POOL_SIZE: '1',
        // Long enough to open a connection on a loaded machine (it covers connecting too, not only the wait
        // for a free one: 300 ms failed start-up in a full run); short enough to keep the 503 cases quick.
        DATABASE_CONNECT_TIMEOUT_MS: '2000',
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
        // Every request here must reach the database: a cached bearer token would answer /api/v1/me without it.
        API_TOKEN_CACHE_SECONDS: '0',
      };
    });
  }, 60_000);
  beforeAll(async () => {
    const adviser = await createUser(api, 'adviser');
    token = await tokenFor(api, adviser.user.email, adviser.password);
    web = await signInWeb(api, adviser.user.email, adviser.password);
  });
  afterAll(() => api?.close());

  const me = () => fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  async function expectBusy(res: Response, retryAfter: string): Promise<void> {
    const text = await res.text();
    if (res.status !== 503) throw new Error(`expected 503, got ${res.status}: ${text}`);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(text)).toMatchObject({ status: 503, code: 'service_busy' });
    expect(text).not.toMatch(/timeout exceeded|pg-pool|statement/i);
  }

  it('answers 503 with Retry-After while every pool connection is taken, and serves again once one is free', async () => {
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await expectBusy(await me(), '5');
    } finally {
      await holder.release();
    }
    expect((await me()).status).toBe(200);
  });

  it('shows browsers a translated "service busy" page with 503', async () => {
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    try {
      const res = await web.get('/tasks?lang=es');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<html lang="es"');
      expect(html).toContain('El servicio está ocupado');
    } finally {
      await holder.release();
    }
    expect((await web.get('/tasks')).status).toBe(200);
  });

  it('keeps a person signed in when their session could not be read for a moment', async () => {
    // The session's own read fails (the only connection is taken), and the connection comes free while the
    // 503 is being answered: the session must still be there afterwards. express-session's `unset: 'destroy'`
    // deleted it at this point (no session object on the request), which signed people out under load.
    const pool = (api.dataSource.driver as PostgresDriver).master as Pool;
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    const answer = web.get('/tasks');
    try {
      while (pool.waitingCount === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      // The session read waits at most DATABASE_CONNECT_TIMEOUT_MS (2 s) from about now; any write queued
      // after it fails waits as long again: free the connection between the two.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      await holder.release();
    }
    expect((await answer).status).toBe(503);
    const after = await web.get('/tasks');
    expect(after.headers.get('location')).toBeNull();
    expect(after.status).toBe(200);
  });

  it('answers 503 when a statement runs past statement_timeout (here: waiting on a lock)', async () => {
    const locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE api_tokens IN ACCESS EXCLUSIVE MODE');
      await expectBusy(await me(), '30');
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect((await me()).status).toBe(200);
  });

  it('answers 503 when the database is out of reach', async () => {
    await proxy.cut();
    await expectBusy(await me(), '10');
    const page = await web.get('/tasks?lang=de');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('10');
    expect(await page.text()).toContain('Der Dienst ist ausgelastet');
  });
});
