import { UnitOfWork } from '@app/database';
import { UsersService } from '@app/identity';
import { readJson } from '../../support/http';
import { createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';

/**
 * Bearer-token lookups are cached per api process (issue 29), and a revocation is honoured at once on this
 * process and on every other one (published on Redis); without the message, within the cache's TTL.
 */
describe('bearer-token cache and revocations', () => {
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    // A long TTL, so only the published revocation can explain a refusal on the other process.
    first = await startTestApi({ API_TOKEN_CACHE_SECONDS: '60' });
    second = await startTestApi({ API_TOKEN_CACHE_SECONDS: '60' }, first);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const me = (api: TestApi, token: string): Promise<Response> =>
    fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  /** Revokes the row behind the scenes (no service, so nobody is told): only the cache can still accept it. */
  const revokeInDatabase = (api: TestApi, userId: string) =>
    api.dataSource.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1', [userId]);

  it('keeps a token’s lookup for the TTL: a row revoked behind its back is still accepted', async () => {
    const { user, password } = await createUser(first, 'officer');
    const token = await tokenFor(first, user.email, password);
    expect((await me(first, token)).status).toBe(200);
    await revokeInDatabase(first, user.id);
    expect((await me(first, token)).status).toBe(200);
    // Never looked up on the other process: it reads the database and refuses.
    expect((await me(second, token)).status).toBe(401);
  });

  it('refuses a token revoked with DELETE /api/v1/auth/token at once, on this process and on another', async () => {
    const { user, password } = await createUser(first, 'adviser');
    const token = await tokenFor(first, user.email, password);
    expect((await me(first, token)).status).toBe(200);
    expect((await me(second, token)).status).toBe(200);
    const revoke = await fetch(`${first.url}/api/v1/auth/token`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoke.status).toBe(204);
    expect((await me(first, token)).status).toBe(401);
    await eventually(async () => expect((await me(second, token)).status).toBe(401), 2_000);
  });

  it('refuses every token of a deactivated account at once, on both processes', async () => {
    const { user, password } = await createUser(first, 'sme');
    const tokens = [
      await tokenFor(first, user.email, password),
      await tokenFor(second, user.email, password),
    ];
    for (const token of tokens)
      for (const api of [first, second]) expect((await me(api, token)).status).toBe(200);
    await second.app
      .get(UnitOfWork)
      .run((m) => second.app.get(UsersService).deactivate(m, user.id, { actorId: null }));
    for (const token of tokens) {
      expect((await me(second, token)).status).toBe(401);
      await eventually(async () => expect((await me(first, token)).status).toBe(401), 2_000);
    }
  });

  it('answers each token with its own account, however the lookups interleave', async () => {
    const people = await Promise.all(
      (['sme', 'adviser', 'officer'] as const).map(async (role) => {
        const { user, password } = await createUser(first, role);
        return { user, token: await tokenFor(first, user.email, password) };
      }),
    );
    for (let round = 0; round < 3; round++)
      for (const { user, token } of people) {
        const res = await me(first, token);
        expect(res.status).toBe(200);
        expect((await readJson(res)).id).toBe(user.id);
      }
    // A token that differs from a cached one by a character is not the cached one.
    const [{ token }] = people;
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await me(first, altered)).status).toBe(401);
  });
});

describe('bearer-token cache without a revocation message', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ API_TOKEN_CACHE_SECONDS: '1' });
  });
  afterAll(() => api?.close());

  it('refuses a revoked token once the TTL has passed, even if no process was told', async () => {
    const { user, password } = await createUser(api, 'officer');
    const token = await tokenFor(api, user.email, password);
    const me = () => fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    await api.dataSource.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect((await me()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await me()).status).toBe(401);
  });
});

/** Retries `check` until it passes or `ms` have gone by (a Redis message takes a moment to arrive). */
async function eventually(check: () => Promise<void>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
