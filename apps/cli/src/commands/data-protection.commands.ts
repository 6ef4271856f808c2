import type { AuditContext } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { DataProtectionService, RetentionService } from '@app/data-protection';
import type { Change, Official } from '@app/data-protection';
import { UsersService } from '@app/identity';
import type { INestApplicationContext } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from './create-user.command';

const describeChanges = (changes: Change[]): string[] =>
  changes.map((c) => `  ${c.action} ${c.table} ${c.key}${c.column ? ` ${c.column}` : ''}`);

/**
 * The CLI is an operator's tool with the database's own credentials, so it cannot tell who is at the
 * keyboard. Data-protection commands therefore name the staff account acting (`--as`, an active officer or
 * admin) and record it, with the operating-system user and host, on every audit row; and they only ever
 * *request*. The second person's approval happens signed in, on /admin/data-protection, under the same
 * rules as the pages: never the requester, never the subject, an admin for a staff account.
 */
async function operator(
  app: INestApplicationContext,
  email: string | undefined,
): Promise<{
  actor: Official;
  context: AuditContext;
}> {
  if (!email) throw new UsageError('missing --as (the email of your own officer or admin account)');
  const user = await app.get(UsersService).findByEmailWithHash(email);
  if (!user || !user.active || (user.role !== 'officer' && user.role !== 'admin'))
    throw new UsageError(`--as must name an active officer or admin account; ${email} is not one`);
  const ranBy = `cli:${userInfo().username}@${hostname()}`.slice(0, 64);
  return { actor: { id: user.id, role: user.role }, context: { actorId: user.id, requestId: ranBy } };
}

const approvalUrl = (app: INestApplicationContext, id: string): string =>
  `${app.get(AppConfig).APP_BASE_URL}/admin/data-protection/requests/${id}`;

/**
 * `sar --email a@b.c --reason "…" --as me@agency`: records a subject access request.
 * `sar --request <id> --as me@agency [--out file.zip]`: writes the archive once a second person approved it.
 */
export async function sarCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      reason: { type: 'string' },
      as: { type: 'string' },
      request: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email && !values.request) throw new UsageError('missing --email (or --request <id>)');
  const { actor, context } = await operator(app, values.as);
  const service = app.get(DataProtectionService);
  if (values.request) {
    const archive = await service.archiveOf(values.request, actor, context);
    const out = values.out ?? `subject-access-${values.request}.zip`;
    writeFileSync(out, archive);
    return `Subject access archive written to ${out} (request ${values.request})`;
  }
  const request = await service.requestAccess(
    { email: values.email!, reason: values.reason },
    actor,
    context,
  );
  return [
    `Subject access request ${request.id} recorded for ${request.subjectEmail}.`,
    `A second officer or admin approves it at ${approvalUrl(app, request.id)}; then write the archive with`,
    `  npm run cli -- sar --request ${request.id} --as ${values.as} --out <file.zip>`,
  ].join('\n');
}

/**
 * `erase --email a@b.c --reason "…" --as me@agency [--confirm-open-case]`: records an erasure request and
 * lists what approving it will change. `--simulate` lists the changes only, recording nothing.
 */
export async function eraseCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      reason: { type: 'string' },
      as: { type: 'string' },
      'confirm-open-case': { type: 'boolean' },
      simulate: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.email) throw new UsageError('missing --email');
  const service = app.get(DataProtectionService);
  const input = { email: values.email, reason: values.reason, confirmOpenCase: values['confirm-open-case'] };
  if (values.simulate) {
    const changes = await service.simulateErasure(input);
    return [
      `Simulation: erasure would make ${changes.length} change(s); nothing was changed.`,
      ...describeChanges(changes),
    ].join('\n');
  }
  const { actor, context } = await operator(app, values.as);
  const request = await service.requestErasure(input, actor, context);
  const changes = await service.previewErasure(request.id);
  return [
    `Erasure request ${request.id} recorded: approving it will make ${changes.length} change(s).`,
    `Nothing is erased until a second person approves it at ${approvalUrl(app, request.id)}`,
    `(an admin, for a staff account).`,
    ...describeChanges(changes),
  ].join('\n');
}

/** `retention [--simulate]`: applies config/retention.yaml now. */
export async function retentionCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { simulate: { type: 'boolean' } }, strict: true });
  const outcome = await app.get(RetentionService).run({ simulate: values.simulate });
  return [
    `${values.simulate ? 'Simulation: retention would make' : 'Retention made'} ${outcome.changes.length} change(s).`,
    ...Object.entries(outcome.counts).map(([rule, n]) => `  ${rule}: ${n}`),
    ...describeChanges(outcome.changes),
  ].join('\n');
}
