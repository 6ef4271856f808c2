import { UnitOfWork } from '@app/database';
import { Actor, Role, toActor, UsersService } from '@app/identity';
import { randomBytes } from 'node:crypto';
import type { TestApi } from '../support/test-api';

export interface UserOverrides {
  email?: string;
  name?: string;
  password?: string;
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
  api: TestApi,
  role: Role,
  overrides: UserOverrides = {},
): Promise<{ user: Actor; password: string }> {
  const values = userDefaults(role, overrides);
  const users = api.app.get(UsersService);
  const prepared = await users.prepare({ ...values, role });
  const created = await api.app
    .get(UnitOfWork)
    .run((m) => users.createWithHash(m, prepared, { actorId: null, requestId: 'test-factory' }));
  return { user: toActor(created), password: values.password };
}
