import 'reflect-metadata';
import { DomainError } from '@app/errors';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module';
import { createUserCommand, UsageError } from './commands/create-user.command';
import { eraseCommand, retentionCommand, sarCommand } from './commands/data-protection.commands';
import { DEMO_SEEDS } from './seeds';
import { formatLogins, runDemoSeed } from './seeds/run-demo-seed';

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  create-user --role <sme|adviser|officer|admin> --email <address> --name "<full name>" [--password <pw>]
  seed-demo   load the demo data (once, into an empty database; never in production)
  sar         --email <address> --reason "<why>" --as <your staff email>
                records a subject access request; a second officer or admin approves it on the pages
  sar         --request <id> --as <your staff email> [--out <file.zip>]
                writes an approved request's archive (JSON + HTML summary), for its requester or approver
  erase       --email <address> --reason "<why>" --as <your staff email> [--confirm-open-case]
                records an erasure request and lists its changes; a second person approves it on the pages
  erase       --email <address> [--confirm-open-case] --simulate   lists the changes, records nothing
  retention   [--simulate]   apply config/retention.yaml now`;

const CONTEXT_COMMANDS: Record<string, (app: INestApplicationContext, argv: string[]) => Promise<string>> = {
  'create-user': createUserCommand,
  sar: sarCommand,
  erase: eraseCommand,
  retention: retentionCommand,
};

/** Runs one command and returns what to print. Exported for tests; `main.ts` at the app root runs it. */
export async function runCli(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (command === 'seed-demo') {
    const outcome = await runDemoSeed(DEMO_SEEDS);
    return outcome.seeded
      ? `Demo data loaded. Demo sign-ins:\n${formatLogins(outcome.logins)}`
      : `Demo data not loaded: ${outcome.reason}.`;
  }
  const run = CONTEXT_COMMANDS[command];
  if (run) {
    const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
    try {
      return await run(app, rest);
    } finally {
      await app.close();
    }
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

/** Turns failures into one line a person can act on (and the usage for usage mistakes). */
export function describeCliError(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (error instanceof DomainError && error.fields.length)
    return error.fields.map((f) => `${f.field}: ${f.message}`).join('\n');
  if (error instanceof Error && (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `${error.message}\n\n${USAGE}`;
  return error instanceof Error ? error.message : String(error);
}
