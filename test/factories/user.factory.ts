import { Actor, ApiTokensService, Role, toActor, UsersService } from '@app/identity';
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

/** Creates a user through the real UsersService (hashing, audit row) in the test api's database. */
export async function buildUser(
  api: FactoryApp,
  role: Role,
  overrides: UserOverrides = {},
): Promise<TestUser> {
  const values = userDefaults(role, overrides);
  const users = api.app.get(UsersService);
  const prepared = await users.prepare({ ...values, role });
  const created = await inTransaction(api, (m) =>
    users.createWithHash(m, prepared, { actorId: null, requestId: 'test-factory' }),
  );
  return { user: toActor(created), password: values.password };
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
