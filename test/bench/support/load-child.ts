/**
 * The load generator: runs in its own process (forked by load.ts) so that generating load does not share
 * an event loop with the harness or the app. Receives one task over IPC, answers with its measurement.
 */
import autocannon from 'autocannon';
import Queue from 'bull';
import nodemailer from 'nodemailer';
import { performance } from 'node:perf_hooks';
import type { LoadResult, LoadTask } from './load';
import { peakRssMb } from './peak-rss';

/**
 * HTTP load with autocannon; keeps every response time so p95 is exact (autocannon reports p97.5). With a
 * request list, each connection takes the next unsent request and autocannon stops at the list's end.
 */
function runHttp(task: Extract<LoadTask, { kind: 'http' }>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const list = task.requests;
    if (list && list.length < task.connections)
      return reject(new Error(`${list.length} requests cannot keep ${task.connections} connections busy`));
    let next = 0;
    const started = performance.now();
    let lastResponse = started;
    const instance = autocannon(
      {
        url: task.url,
        connections: task.connections,
        duration: task.durationSeconds,
        method: task.method ?? 'GET',
        headers: task.headers,
        body: task.body,
        timeout: 10,
        // Each request is built just before it is sent; maxOverallRequests keeps autocannon within the list.
        ...(list
          ? {
              requests: [{ setupRequest: (request) => ({ ...request, ...list[next++] }) }],
              maxOverallRequests: list.length,
            }
          : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const answered = result.requests.total + result.errors;
        const exhausted = list !== undefined && answered >= list.length;
        resolve({
          completed: result.requests.total,
          errors: result.errors + result.timeouts + result.non2xx,
          non2xx: result.non2xx,
          statuses: Object.fromEntries(
            Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
          ),
          // autocannon notices the end of a list only at its next one-second tick: count to the last answer.
          seconds: exhausted ? (lastResponse - started) / 1000 : result.duration,
          latencies,
          ...(list ? { exhausted } : {}),
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      lastResponse = performance.now();
      latencies.push(Math.round(ms * 100) / 100);
    });
  });
}

/**
 * The ceiling of the queue pipeline: bare Bull (no Nest, no database) adding no-op jobs and processing
 * them in the same process, as the worker's relay and processors do. Job ids are given, as the app's are.
 * Bull is used directly here on purpose: this measures Bull itself, not the follow-ups lib.
 */
async function runBull(task: Extract<LoadTask, { kind: 'bull' }>): Promise<LoadResult> {
  const queue = new Queue(`bench-noop-${process.pid}-${Date.now()}`, task.redisUrl, { prefix: task.prefix });
  await queue.isReady();
  const added = new Map<string, number>();
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const allDone = new Promise<void>((resolve) => {
    const settle = (): void => {
      if (latencies.length + errors === task.jobs) resolve();
    };
    queue.on('completed', (job) => {
      latencies.push(Math.round((performance.now() - (added.get(String(job.id)) ?? started)) * 100) / 100);
      settle();
    });
    queue.on('failed', () => {
      errors++;
      settle();
    });
  });
  void queue.process(task.concurrency, async () => undefined);
  // addBulk in batches, one after another, as the worker's outbox relay publishes.
  for (let first = 0; first < task.jobs; first += task.batchSize) {
    const batch = [];
    for (let n = first; n < Math.min(task.jobs, first + task.batchSize); n++) {
      const jobId = `noop-${n}`;
      added.set(jobId, performance.now());
      batch.push({ data: { n }, opts: { jobId, removeOnComplete: true, removeOnFail: true } });
    }
    await queue.addBulk(batch);
  }
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return { completed: latencies.length, errors, seconds, latencies, peakRssMb: peakRssMb(process.pid) };
}

/**
 * The ceiling of the email hop: bare nodemailer (pooled, as the worker's MailerService) sending messages
 * of the pipeline's size to the same SMTP peer, with no database, no Bull and no templates.
 */
async function runSmtp(task: Extract<LoadTask, { kind: 'smtp' }>): Promise<LoadResult> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: task.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: task.connections,
    maxMessages: Infinity,
  });
  const body = 'A reminder about your export plan. '.repeat(30);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: task.messages }, async (_, n) => {
      try {
        await transport.sendMail({
          from: 'programme@bench.example',
          to: `sme-${n}@bench.example`,
          subject: `Your follow-up is due [bench:${task.tag}]`,
          text: body,
          html: `<p>${body}</p>`,
        });
        latencies.push(Math.round((performance.now() - started) * 100) / 100);
      } catch {
        errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { completed: latencies.length, errors, seconds, latencies, peakRssMb: peakRssMb(process.pid) };
}

process.once('message', (task: LoadTask) => {
  const run = task.kind === 'http' ? runHttp(task) : task.kind === 'bull' ? runBull(task) : runSmtp(task);
  run.then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});
