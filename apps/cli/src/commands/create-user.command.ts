import { UnitOfWork } from '@app/database';
import { CREATABLE_ROLES, isRole, UsersService } from '@app/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

/**
 * `create-user --role officer --email a@b.c --name "…" [--password …]`. Prompt-free, so it runs in
 * scripts; without --password one is generated and printed once (it is stored only as a hash).
 */
export async function createUserCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  const missing = ['role', 'email', 'name'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  // An expert's account comes with accepting an invitation, with their directory profile and the programme's
  // terms: one made here would have neither, and its pages nothing to show.
  if (values.role === 'expert')
    throw new UsageError(
      'experts get their account by accepting an invitation: add them on the Experts page (/experts) and send it from there',
    );
  if (!isRole(values.role) || !CREATABLE_ROLES.includes(values.role))
    throw new UsageError(`--role must be one of ${CREATABLE_ROLES.join(', ')}`);
  const generated = !values.password;
  const password = values.password ?? randomBytes(15).toString('base64url');
  const user = await app
    .get(UnitOfWork)
    .run((m) =>
      app
        .get(UsersService)
        .create(
          m,
          { role: values.role as never, email: values.email!, name: values.name!, password },
          { actorId: null, requestId: 'cli' },
        ),
    );
  return [
    `Created ${user.role} ${user.email} (id ${user.id})`,
    ...(generated ? [`Password (shown once, store it safely): ${password}`] : []),
  ].join('\n');
}
