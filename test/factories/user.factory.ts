import { Actor, ApiTokensService, PasswordHasher, Role, toActor, UsersService } from '@app/identity';
import { randomBytes } from 'node:crypto';
import { factoryContext, FactoryApp, inTransaction } from './context';

export interface UserOverrides {
  email?: string;
  name?: string;
  password?: string;
}

export interface TestUser {
  user: Actor;
  password: string;
}

let sequence = 0;

/** A unique, policy-compliant password and email for a test user. */
export function userDefaults(role: Role, overrides: UserOverrides = {}): Required<UserOverrides> {
  const tag = `${++sequence}${randomBytes(3).toString('hex')}`;
  return {
    email: overrides.email ?? `${role}-${tag}@example.test`,
    name: overrides.name ?? `Test ${role} ${tag}`,
    password: overrides.password ?? `Pw-${randomBytes(9).toString('base64url')}`,
  };
}

/**
 * Creates a user through the real UsersService (argon2 hash, audit row) in the test api's database. The
 * password's strength check (`UsersService.prepare`) is left out: zxcvbn cost ~100 ms of CPU per user and
 * loaded its dictionaries in every test file (a fifth of a typical e2e file's CPU), and the factory's random
 * passwords pass it anyway. The check has its own tests (password.policy.spec.ts, the registration suites).
 */
export async function buildUser(
  api: FactoryApp,
  role: Role,
  overrides: UserOverrides = {},
): Promise<TestUser> {
  const { password, ...values } = userDefaults(role, overrides);
  const users = api.app.get(UsersService);
  const passwordHash = await api.app.get(PasswordHasher).hash(password);
  const created = await inTransaction(api, (m) =>
    users.createWithHash(m, { ...values, role, passwordHash }, { actorId: null, requestId: 'test-factory' }),
  );
  return { user: toActor(created), password };
}

/** A bearer token for the user, issued by ApiTokensService as POST /api/v1/auth/token does. */
export async function buildToken(api: FactoryApp, user: Pick<Actor, 'id'>): Promise<string> {
  const tokens = api.app.get(ApiTokensService);
  return (await inTransaction(api, (m) => tokens.issue(m, user.id, factoryContext(user.id)))).token;
}

/** A bearer token for each named user (buildToken), by the same names: `tokens.adviser` for `adviser`. */
export async function buildTokens<K extends string>(
  api: FactoryApp,
  users: Record<K, Pick<TestUser, 'user'>>,
): Promise<Record<K, string>> {
  const tokens = {} as Record<K, string>;
  for (const name of Object.keys(users) as K[]) tokens[name] = await buildToken(api, users[name].user);
  return tokens;
}
