import 'reflect-metadata';
import { loadConfig, projectRoot } from '@app/config';
import { buildDataSourceOptions } from '@app/database';
import { FollowUp, FollowUpService, loadFollowUpRules, WorkingCalendar } from '@app/follow-ups';
import { OutboxService } from '@app/messaging';
import { freePort, LocalRedis, startLocalRedis } from '@app/local-services';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SmtpPeer } from '../../e2e/follow-ups/support/smtp-peer';
import { createTestDatabase, TestDatabase, uniqueRedisPrefix } from '../../support/test-env';

const root = projectRoot();

/**
 * Everything a reliability test needs, all real: its own redis-server (so it can be stopped and flushed),
 * its own Postgres database, an SMTP peer, and worker processes it can SIGKILL.
 */
export class ReliabilityEnv {
  redis!: LocalRedis;
  database!: TestDatabase;
  dataSource!: DataSource;
  followUps!: FollowUpService;
  readonly smtp = new SmtpPeer();
  readonly prefix = uniqueRedisPrefix();
  private readonly redisDir = join(root, '.data', `reliability-${process.pid}-${randomUUID().slice(0, 6)}`);
  private readonly workers = new Set<ChildProcess>();

  constructor(private readonly engineEnv: Record<string, string> = {}) {}

  async start(): Promise<void> {
    this.redis = await startLocalRedis({ dir: this.redisDir });
    this.database = await createTestDatabase();
    await this.smtp.start();
    const config = loadConfig({ ...this.env(), NODE_ENV: 'test' });
    this.dataSource = new DataSource(buildDataSourceOptions(config, { applicationName: 'reliability-test' }));
    await this.dataSource.initialize();
    const rules = loadFollowUpRules({});
    this.followUps = new FollowUpService(
      rules,
      new WorkingCalendar({ timeZone: config.PROGRAMME_TIME_ZONE, ...rules.calendar }),
      new OutboxService(),
    );
  }

  env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.database.url,
      REDIS_URL: this.redis.url,
      REDIS_PREFIX: this.prefix,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(this.smtp.port),
      LOG_LEVEL: 'silent',
      FOLLOW_UPS_SWEEP_INTERVAL_MS: '2000',
      FOLLOW_UPS_RELAY_POLL_MS: '50',
      FOLLOW_UPS_RELAY_MAX_BACKOFF_MS: '500',
      // A send claimed longer ago is taken over by another worker (the dead-worker recovery the kill tests
      // check). On a loaded two-core machine one send has taken over 3 s, so another worker sent it again.
      FOLLOW_UPS_STALE_SENDING_MS: '10000',
      FOLLOW_UPS_STALE_EVENT_MS: '3000',
      FOLLOW_UPS_LOCK_DURATION_MS: '8000',
      FOLLOW_UPS_STALLED_INTERVAL_MS: '4000',
      FOLLOW_UPS_RETRY_BASE_MS: '200',
      ...this.engineEnv,
    };
  }

  /** The real worker entry point as a child process (so it can be SIGKILLed). */
  async startWorker(): Promise<ChildProcess> {
    return (await this.startProcess('worker')).child;
  }

  /** The real api or worker entry point as a child process on a free port; `url` serves its /health. */
  async startProcess(app: 'api' | 'worker'): Promise<{ child: ChildProcess; url: string }> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(root, 'apps', app, 'main.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          ...this.env(),
          TS_NODE_SWC: 'true',
          [app === 'api' ? 'PORT' : 'WORKER_PORT']: String(port),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.on('exit', (code, signal) => {
      this.workers.delete(child);
      if (code && code !== 0 && signal === null) console.error(`worker exited with ${code}: ${errors}`);
    });
    this.workers.add(child);
    return { child, url: `http://127.0.0.1:${port}` };
  }

  /**
   * Resolves once the process answers /health/ready (its database and Redis are reachable). Four processes
   * compiling the app with ts-node at once on a busy two-core machine have been seen to need more than 90 s.
   */
  async ready(url: string, timeoutMs = 150_000): Promise<void> {
    await eventually(
      async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
      timeoutMs,
      `${url}/health/ready`,
    );
  }

  async kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** Schedules `count` follow-ups of a rule in one transaction each batch, as a domain service would. */
  async schedule(
    count: number,
    options: { rule: string; anchorAt: Date; batch?: string },
  ): Promise<string[]> {
    const ids: string[] = [];
    const batch = options.batch ?? randomUUID().slice(0, 8);
    for (let start = 0; start < count; start += 250) {
      await this.dataSource.transaction(async (m) => {
        for (let i = start; i < Math.min(count, start + 250); i++) {
          const row = await this.followUps.schedule(m, {
            rule: options.rule,
            caseId: randomUUID(),
            anchorAt: options.anchorAt,
            sourceKey: `reliability:${batch}:${i}`,
            assignee: {
              userId: randomUUID(),
              email: `adviser-${batch}-${i}@agency.example`,
              name: `Adviser ${i}`,
            },
            sme: { email: `sme-${batch}-${i}@company.example`, name: `SME ${i}` },
            context: { companyName: `Company ${i}` },
          });
          ids.push(row.id);
        }
      });
    }
    return ids;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const rows = (await this.dataSource.query(sql, params)) as { n: string }[];
    return Number(rows[0].n);
  }

  /**
   * Waits until every notification is sent, no outbox event is left and the number of notifications has
   * stayed the same for `quietMs` (reminders and assignments keep creating some for a while), then returns
   * that number: only then may it be compared with what the SMTP peer received.
   */
  async settledNotifications(options: {
    atLeast: number;
    quietMs: number;
    timeoutMs?: number;
  }): Promise<number> {
    let seen = -1;
    let since = 0;
    await eventually(
      async () => {
        const total = await this.count(`SELECT count(*) AS n FROM notification`);
        const settled =
          total >= options.atLeast &&
          (await this.count(`SELECT count(*) AS n FROM notification WHERE status <> 'sent'`)) === 0 &&
          (await this.count(`SELECT count(*) AS n FROM outbox_event WHERE processed_at IS NULL`)) === 0;
        if (!settled || total !== seen) {
          seen = settled ? total : -1;
          since = Date.now();
          return false;
        }
        return Date.now() - since >= options.quietMs;
      },
      options.timeoutMs ?? 90_000,
      `at least ${options.atLeast} notifications, all sent, and no more coming for ${options.quietMs} ms`,
    );
    return seen;
  }

  followUpRepo() {
    return this.dataSource.getRepository(FollowUp);
  }

  async stop(): Promise<void> {
    for (const child of [...this.workers]) await this.kill(child, 'SIGKILL');
    await this.dataSource?.destroy().catch(() => undefined);
    await this.database?.drop().catch(() => undefined);
    await this.smtp.stop();
    await this.redis?.stop();
    rmSync(this.redisDir, { recursive: true, force: true });
  }
}

export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
