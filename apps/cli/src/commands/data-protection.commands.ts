import { DataProtectionService, RetentionService } from '@app/data-protection';
import type { Change } from '@app/data-protection';
import type { INestApplicationContext } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './create-user.command';

const CLI_CONTEXT = { actorId: null, requestId: 'cli' };

const describeChanges = (changes: Change[]): string[] =>
  changes.map((c) => `  ${c.action} ${c.table} ${c.key}${c.column ? ` ${c.column}` : ''}`);

/** `sar --email a@b.c [--out file.zip]`: the subject access archive, audited like the page's. */
export async function sarCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  if (!values.email) throw new UsageError('missing --email');
  const { request, archive } = await app.get(DataProtectionService).subjectAccess(values.email, CLI_CONTEXT);
  const out = values.out ?? `subject-access-${request.id}.zip`;
  writeFileSync(out, archive);
  const counts = Object.entries(request.result ?? {}).filter(([, n]) => n > 0);
  return [
    `Subject access archive written to ${out} (request ${request.id})`,
    counts.length
      ? counts.map(([table, n]) => `  ${table}: ${n}`).join('\n')
      : '  nothing is held about this email address',
  ].join('\n');
}

/** `erase --email a@b.c --reason "…" [--confirm-open-case] [--simulate]`. */
export async function eraseCommand(app: INestApplicationContext, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      reason: { type: 'string' },
      'confirm-open-case': { type: 'boolean' },
      simulate: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.email) throw new UsageError('missing --email');
  const outcome = await app.get(DataProtectionService).erase(
    {
      email: values.email,
      reason: values.reason,
      confirmOpenCase: values['confirm-open-case'],
      simulate: values.simulate,
    },
    CLI_CONTEXT,
  );
  return [
    values.simulate
      ? `Simulation: erasure would make ${outcome.changes.length} change(s); nothing was changed.`
      : `Erased: ${outcome.changes.length} change(s) (request ${outcome.requestId}).`,
    ...describeChanges(outcome.changes),
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
