import type { Actor } from '@app/identity';
import { createUser, tokenFor } from '../../../support/auth';
import type { TestApi } from '../../../support/test-api';

export interface ProfileInput {
  regions?: string[];
  naceSections?: string[];
  markets?: string[];
  languages?: string[];
  capacity?: number;
  absentFrom?: string | null;
  absentTo?: string | null;
  active?: boolean;
}

export interface Staff {
  user: Actor;
  token: string;
  password: string;
}

export async function createStaff(api: TestApi, role: 'adviser' | 'officer', name?: string): Promise<Staff> {
  const { user, password } = await createUser(api, role, name ? { name } : undefined);
  return { user, password, token: await tokenFor(api, user.email, password) };
}

/** A JSON call with a bearer token (no CSRF for bearer calls). */
export function call(
  api: TestApi,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** An adviser user with a profile created through the officers' API. */
export async function createAdviser(
  api: TestApi,
  officer: Staff,
  profile: ProfileInput = {},
  name?: string,
): Promise<Staff> {
  const adviser = await createStaff(api, 'adviser', name);
  const res = await call(api, officer.token, 'POST', '/api/v1/advisers', {
    userId: adviser.user.id,
    capacity: 10,
    languages: ['en'],
    ...profile,
  });
  if (res.status !== 201) throw new Error(`adviser profile: ${res.status} ${await res.text()}`);
  return adviser;
}
