/**
 * `npm run bench`: builds the app, starts it in production mode (api + worker as separate processes)
 * against its own throwaway Postgres and Redis, runs every benchmark in benchmarks/ against a ceiling
 * measured in the same run, prints the table and writes test/bench/results.json. See docs/benchmarks.md.
 */
import 'reflect-metadata';
import { projectRoot } from '@app/config';
import { ensureServices, freePort, Services } from '@app/local-services';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchmarkResult } from './bench.types';
import { BENCHMARKS } from './benchmarks';
import { AppProcesses, RunningProcess, startNodeProcess } from './support/app-processes';
import { summariseProfile } from './support/profile-summary';
import { BenchReport, formatReport, MachineDescription, ProfileReport } from './support/report';
import { parseSettings } from './support/settings';
import { startSmtpPeer } from './support/smtp-peer';

const log = (line: string): void => console.log(line);

/**
 * Loaded before the app (`--import`, with `--expose-gc`): a full garbage collection on SIGWINCH. Not SIGUSR2:
 * Nest's shutdown hooks (enableShutdownHooks with no list) stop the app on it. SIGWINCH's default is to
 * do nothing, and the app does not listen to it.
 */
const GC_ON_SIGWINCH = 'data:text/javascript,process.on("SIGWINCH",()=>globalThis.gc())';

/** Runs a command to completion; `quiet` keeps its output unless it fails (the TypeORM CLI prints every query). */
function runStep(
  title: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean },
): void {
  log(`> ${title}`);
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: options.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    if (options.quiet)
      console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
    throw new Error(`${title} failed (exit code ${result.status ?? result.signal})`);
  }
}

function describeMachine(): MachineDescription {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageBefore: loadavg(),
  };
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const unknown = settings.only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0)
    throw new Error(
      `unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
  const root = projectRoot();
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  if (!settings.skipBuild) runStep('npm run build', 'npm', ['run', 'build'], { cwd: root, env: process.env });

  // Always its own servers, never DATABASE_URL/REDIS_URL from the environment: dev data stays untouched.
  const services: Services = await ensureServices({
    dataRoot: join(root, '.data'),
    scope: 'bench',
    database: 'sme_bench',
    env: {},
    ephemeral: true,
  });
  const running: { stop(): Promise<void> }[] = [];
  let stopping = false;
  const stopAll = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const process of running.reverse()) await process.stop();
    await services.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping the bench processes and servers...`);
      void stopAll().finally(() => process.exit(130));
    });
  }

  try {
    log(`Started ${services.started.join(', ')}`);
    const smtp = await startSmtpPeer(root);
    running.push(smtp);
    const [port, workerPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      WORKER_PORT: String(workerPort),
      APP_BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: 'bench',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      MAIL_DIR: join(root, '.data', 'bench-mail'),
      EXPORT_DIR: join(root, '.data', 'bench-exports'),
      // Production sends every email over SMTP: to the bench's own peer.
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      // As behind the production TLS proxy: the soak's browsers send X-Forwarded-Proto: https, without which
      // the api (rightly) never sets its Secure session cookie over plain http.
      TRUST_PROXY_HOPS: '1',
      // The soak reads each process's heap from /metrics, which production only shows to its scraper.
      METRICS_TOKEN: randomBytes(32).toString('base64url'),
    };
    runStep('npm run migration:run:prod', 'npm', ['run', '--silent', 'migration:run:prod'], {
      cwd: root,
      env,
      quiet: true,
    });

    const runId = startedAt.replace(/[:.]/g, '-');
    const logDir = join(root, '.data', 'bench-logs', runId);
    const profileDir = join(root, '.data', 'bench-profiles', runId);
    const nodeArgs = settings.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    // The soak reads each process's live heap: SIGWINCH makes it run a full garbage collection first.
    if (settings.only.includes('soak')) nodeArgs.push('--expose-gc', '--import', GC_ON_SIGWINCH);
    const start = (name: 'api' | 'worker', portNumber: number) =>
      startNodeProcess({
        name,
        args: [...nodeArgs, `dist/apps/${name}/main.js`],
        env,
        port: portNumber,
        readyPath: '/health/ready',
        cwd: root,
        logDir,
      });
    const worker = await start('worker', workerPort);
    running.push(worker);
    const api = await start('api', port);
    running.push(api);
    log(`api ${api.url} (pid ${api.pid}), worker ${worker.url} (pid ${worker.pid}); logs in ${logDir}`);
    const app: AppProcesses = { api, worker, smtp, env, root, logDir };
    const context: BenchContext = {
      settings,
      app,
      databaseUrl: services.databaseUrl,
      redisUrl: services.redisUrl,
      log,
    };

    const results: BenchmarkResult[] = [];
    const chosen = BENCHMARKS.filter((b) =>
      settings.only.length === 0 ? !b.onlyWhenAsked : settings.only.includes(b.name),
    );
    for (const benchmark of chosen) {
      const reason = await benchmark.unavailableReason(context);
      if (reason) {
        results.push({
          name: benchmark.name,
          title: benchmark.title,
          status: 'not-available',
          reason,
          targets: benchmark.targets,
        });
        continue;
      }
      log(`\n${benchmark.title} [${benchmark.name}]`);
      try {
        results.push(await benchmark.run(context));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`  failed: ${message}`);
        results.push({
          name: benchmark.name,
          title: benchmark.title,
          status: 'failed',
          error: message,
          targets: benchmark.targets,
        });
      }
    }

    const report: BenchReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: { ...machine, loadAverageAfter: loadavg() },
      settings: { ...settings },
      results,
    };
    // V8 writes the profiles when the processes exit.
    await stopAll();
    if (settings.cpuProf) report.profiles = profileSummaries(profileDir, [api, worker]);
    const file = join(root, 'test', 'bench', 'results.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(formatReport(report));
    log(`\nResults written to ${file}`);
    if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

/** The CPU profile each long-running process wrote, summarised (file names carry the pid). */
function profileSummaries(dir: string, processes: RunningProcess[]): ProfileReport[] {
  const files = existsSync(dir) ? readdirSync(dir) : [];
  return processes.flatMap((p) => {
    const file = files.find((f) => f.includes(`.${p.pid}.`) && f.endsWith('.cpuprofile'));
    return file ? [{ process: p.name, file: join(dir, file), ...summariseProfile(join(dir, file)) }] : [];
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
