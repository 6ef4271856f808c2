import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Benchmark, BenchContext, BenchmarkResult, Measurement, TargetCheck, verdict } from '../bench.types';
import { ensureBenchData } from '../support/bench-data';
import { growthPercent, MemoryReading, readProcessMemory } from '../support/process-memory';
import { assembleCast, CAST_SIZE, reminderProgress, scheduleReminders } from '../support/soak-cast';
import type { AssessingSme, Adviser, EnrollingSme, Officer } from '../support/soak-cast';
import { SoakRecorder } from '../support/soak-recorder';
import { latencySummary } from '../support/stats';

/** The fixed rate: each actor starts one request every this many seconds (steps cycle as listed below). */
const PERIOD_S = { adviser: 10, sme: 5, officer: 5 };
/** Each officer asks for a row export this often (≤ 10 an hour: config/reporting.yaml exportsPerHour). */
const EXPORT_PERIOD_S = 360;
const EXPORT_POLL_MS = 2000;
const REMINDERS_PER_MINUTE = 30;
/** Requests per second the schedule asks for, export polls aside. */
const PLANNED_RATE =
  CAST_SIZE.advisers / PERIOD_S.adviser +
  (CAST_SIZE.enrollingSmes + CAST_SIZE.assessingSmes) / PERIOD_S.sme +
  CAST_SIZE.officers / PERIOD_S.officer +
  CAST_SIZE.officers / EXPORT_PERIOD_S;
const REGIONS = ['london', 'north-west', 'south-east', 'wales', 'scotland', 'yorkshire-humber'];
const SECTORS = ['C', 'G', 'J', 'M'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const isoDay = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

/**
 * Calls `step(0)`, `step(1)`, … every `periodMs` from `offsetMs` until `endAt` (performance.now() time):
 * one request in flight per actor; a step that overruns its slot delays the next, with no catching up.
 */
async function paced(offsetMs: number, periodMs: number, endAt: number, step: (n: number) => Promise<void>) {
  let next = performance.now() + offsetMs;
  for (let n = 0; ; n++) {
    await sleep(next - performance.now());
    if (performance.now() >= endAt) return;
    await step(n);
    next = Math.max(next + periodMs, performance.now());
    if (next >= endAt) return;
  }
}

/** The bench's load: the actors' steps, each one request recorded under its route group. */
class SoakActors {
  private questionCodes: string[] = [];
  private questionnaireVersion = 1;
  /** Each enrolled SME's self-assessment in progress (undefined when starting it failed). */
  private readonly audits = new Map<AssessingSme, string | undefined>();

  constructor(
    private readonly api: string,
    private readonly recorder: SoakRecorder,
  ) {}

  async loadQuestionnaire(token: string): Promise<void> {
    const res = await fetch(`${this.api}/api/v1/readiness/questionnaire`, this.bearer(token));
    if (!res.ok) throw new Error(`GET /api/v1/readiness/questionnaire answered ${res.status}`);
    const file = (await res.json()) as { version: number; headings: { questions: { code: string }[] }[] };
    this.questionCodes = file.headings.flatMap((h) => h.questions.map((q) => q.code));
    this.questionnaireVersion = file.version;
  }

  private bearer(token: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): RequestInit {
    return {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
  }

  /** Caseload (API, then page), their case's page, an interaction logged on it. */
  async adviser(a: Adviser, n: number): Promise<void> {
    if (n % 4 === 0)
      await this.recorder.request(
        'adviser: GET /api/v1/cases',
        `${this.api}/api/v1/cases?sort=nextDue&limit=50`,
        this.bearer(a.token),
      );
    else if (n % 4 === 1) await a.web.get('adviser: GET /caseload', '/caseload');
    else if (n % 4 === 2) await a.web.get('adviser: GET /cases/:id', `/cases/${a.caseId}`);
    else
      await this.recorder.request(
        'adviser: POST /api/v1/cases/:id/interactions',
        `${this.api}/api/v1/cases/${a.caseId}/interactions`,
        this.bearer(a.token, {
          kind: (['call', 'meeting', 'email'] as const)[n % 3],
          occurredOn: isoDay(0),
          notes: `Soak: went through the export plan (${n})`,
          nextStep: 'Send the market research',
          nextStepDue: isoDay(-14 * 86_400_000),
        }),
      );
  }

  /** The start page, a question page of their draft, and saving an answer to the draft through the API. */
  async enrollingSme(s: EnrollingSme, n: number): Promise<void> {
    if (n % 3 === 0) await s.web.get('SME: GET /enrol', '/enrol');
    else if (n % 3 === 1) await s.web.get('SME: GET /enrol/:id/:page', `/enrol/${s.enrolmentId}/company`);
    else
      await this.recorder.request(
        'SME: PATCH /api/v1/enrolments/:id',
        `${this.api}/api/v1/enrolments/${s.enrolmentId}`,
        this.bearer(
          s.token,
          { company: { legalName: `Soak Draft ${n} Ltd`, employees: 5 + (n % 40) } },
          'PATCH',
        ),
      );
  }

  /** A self-assessment: start it with half the answers, answer the rest, submit; then the next one. */
  async assessingSme(s: AssessingSme, n: number): Promise<void> {
    const half = Math.ceil(this.questionCodes.length / 2);
    const answers = (codes: string[]) => Object.fromEntries(codes.map((c, i) => [c, (n + i) % 5]));
    const url = `${this.api}/api/v1/cases/${s.caseId}/audits`;
    const version = this.questionnaireVersion;
    if (n % 3 === 0) {
      const res = await this.recorder.request(
        'SME: POST /api/v1/cases/:id/audits',
        url,
        this.bearer(s.token, {
          questionnaireVersion: version,
          answers: answers(this.questionCodes.slice(0, half)),
        }),
      );
      this.audits.set(s, res?.ok ? ((await res.json()) as { id: string }).id : undefined);
      return;
    }
    const auditId = this.audits.get(s);
    if (!auditId) return; // the start failed (counted there): wait for the next one
    const body =
      n % 3 === 1
        ? { questionnaireVersion: version, answers: answers(this.questionCodes.slice(half)) }
        : { questionnaireVersion: version, submit: true };
    await this.recorder.request(
      `SME: PUT /api/v1/cases/:id/audits/:auditId (${n % 3 === 1 ? 'answers' : 'submit'})`,
      `${url}/${auditId}`,
      this.bearer(s.token, body, 'PUT'),
    );
  }

  /** The KPI dashboard (API, then page) with filters that change every time. */
  async officer(o: Officer, index: number, n: number): Promise<void> {
    const filters = new URLSearchParams({
      from: isoDay([365, 180, 90][n % 3] * 86_400_000),
      to: isoDay(0),
      region: REGIONS[(index + n) % REGIONS.length],
      ...(n % 2 === 0 ? { sector: SECTORS[(index + n) % SECTORS.length] } : {}),
    });
    if (n % 2 === 0)
      await this.recorder.request(
        'officer: GET /api/v1/reports/kpis',
        `${this.api}/api/v1/reports/kpis?${filters.toString()}`,
        this.bearer(o.token),
      );
    else await o.web.get('officer: GET /reports', `/reports?${filters.toString()}`);
  }

  /** A region's row export, polled until the worker has written it. */
  async export(o: Officer, index: number, n: number, pollUntil: number): Promise<void> {
    const res = await this.recorder.request(
      'officer: POST /api/v1/reports/exports',
      `${this.api}/api/v1/reports/exports`,
      this.bearer(o.token, { format: 'csv', region: REGIONS[(index + n) % REGIONS.length] }),
    );
    if (!res?.ok) return;
    const { id } = (await res.json()) as { id: string };
    while (performance.now() < pollUntil) {
      await sleep(EXPORT_POLL_MS);
      const poll = await this.recorder.request(
        'officer: GET /api/v1/reports/exports/:id (poll)',
        `${this.api}/api/v1/reports/exports/${id}`,
        this.bearer(o.token),
      );
      const status = poll?.ok ? ((await poll.json()) as { status: string }).status : 'unreadable';
      if (status === 'ready') return;
      if (status !== 'queued' && status !== 'running')
        return this.recorder.fail('officer: POST /api/v1/reports/exports', `export ${status}`);
    }
    this.recorder.fail('officer: POST /api/v1/reports/exports', 'export not ready in time');
  }
}

function describeLatencies(samples: number[]): string {
  const { medianMs, p95Ms, p99Ms } = latencySummary(samples);
  return `p50 ${medianMs?.toFixed(1)} ms, p95 ${p95Ms?.toFixed(1)} ms, p99 ${p99Ms?.toFixed(1)} ms`;
}

const mb = (m: MemoryReading) =>
  `RSS ${m.rssMb.toFixed(0)} MB, heap ${m.heapUsedMb.toFixed(1)} MB (live ${m.liveHeapMb?.toFixed(1)} MB)`;

export const soakBenchmark: Benchmark = {
  name: 'soak',
  title:
    'Mixed-day soak: advisers, SMEs, officers and reminders at once, at a fixed rate (only with --only soak)',
  targets: [
    'soak: every request answered 2xx/3xx (0 errors)',
    'soak: api and worker RSS and live heap grow < 10 % after the warm-up',
  ],
  onlyWhenAsked: true,
  unavailableReason: async () => undefined,
  async run(context: BenchContext): Promise<BenchmarkResult> {
    const { settings, app, databaseUrl, log } = context;
    await ensureBenchData(context);
    const db = new Pool({ connectionString: databaseUrl, max: 2 });
    const runTag = randomBytes(4).toString('hex');
    try {
      const recorder = new SoakRecorder();
      log('  signing in 100 advisers, 20 SMEs and 5 officers through the sign-in page…');
      const cast = await assembleCast(app.api.url, db, recorder, runTag);
      if (recorder.errors > 0) throw new Error(`setup failed: ${recorder.failures().join(', ')}`);
      recorder.clear();
      const actors = new SoakActors(app.api.url, recorder);
      await actors.loadQuestionnaire(cast.assessingSmes[0].token);
      const durationMs = settings.minutes * 60_000;
      const warmupMs = durationMs / 10;
      const startedAt = Date.now();
      const t0 = performance.now();
      const endAt = t0 + durationMs;
      // Due evenly from the end of the warm-up to 20 s before the end, so each one can still be delivered.
      const reminderCount = Math.round(REMINDERS_PER_MINUTE * settings.minutes * 0.9);
      const dueTimes = Array.from(
        { length: reminderCount },
        (_, i) => new Date(startedAt + warmupMs + ((durationMs - warmupMs - 20_000) * i) / reminderCount),
      );
      const reminders = await scheduleReminders(db, runTag, dueTimes);
      const emailsBefore = (await app.smtp.received('untagged')).length;
      log(`  soaking for ${settings.minutes} min (warm-up ${warmupMs / 1000} s), ${reminders} reminders due`);

      const token = app.env.METRICS_TOKEN;
      // Heap in use as /metrics reads it includes garbage not yet collected; the live heap is read right after
      // a full collection (main.ts starts both processes with a SIGWINCH hook for it).
      const memory = (): Promise<MemoryReading[]> =>
        Promise.all([app.api, app.worker].map((p) => readProcessMemory(p, token, 3, true)));
      const readings: Record<'start' | 'middle' | 'end', MemoryReading[]> = {
        start: [],
        middle: [],
        end: [],
      };
      const spread = (i: number, count: number, periodS: number) => (i / count) * periodS * 1000;
      const load = [
        ...cast.advisers.map((a, i) =>
          paced(spread(i, cast.advisers.length, PERIOD_S.adviser), PERIOD_S.adviser * 1000, endAt, (n) =>
            actors.adviser(a, n),
          ),
        ),
        ...cast.enrollingSmes.map((s, i) =>
          paced(spread(i, CAST_SIZE.enrollingSmes, PERIOD_S.sme), PERIOD_S.sme * 1000, endAt, (n) =>
            actors.enrollingSme(s, n),
          ),
        ),
        ...cast.assessingSmes.map((s, i) =>
          paced(spread(i, CAST_SIZE.assessingSmes, PERIOD_S.sme), PERIOD_S.sme * 1000, endAt, (n) =>
            actors.assessingSme(s, n),
          ),
        ),
        ...cast.officers.map((o, i) =>
          paced(spread(i, CAST_SIZE.officers, PERIOD_S.officer), PERIOD_S.officer * 1000, endAt, (n) =>
            actors.officer(o, i, n),
          ),
        ),
        ...cast.officers.map((o, i) =>
          paced(i * 12_000, EXPORT_PERIOD_S * 1000, endAt, (n) => actors.export(o, i, n, endAt + 60_000)),
        ),
        (async () => {
          await sleep(warmupMs);
          recorder.startMeasuring();
          log(`  warm-up over after ${recorder.requests} requests; measuring`);
          readings.start = await memory();
          await sleep(t0 + warmupMs + (durationMs - warmupMs) / 2 - performance.now());
          readings.middle = await memory();
          log(`  half-way: ${recorder.requests} requests, ${recorder.errors} errors`);
        })(),
      ];
      await Promise.all(load);
      readings.end = await memory();
      const measuredSeconds = (durationMs - warmupMs) / 1000;
      const measuredRequests = recorder.allLatencies().length;

      // The last reminders fall due 20 s before the end: give the worker until then plus a minute.
      const waitUntil = Date.now() + 60_000;
      let progress = await reminderProgress(db, runTag);
      while (progress.sent < reminders && Date.now() < waitUntil) {
        await sleep(1000);
        progress = await reminderProgress(db, runTag);
      }
      const emails = (await app.smtp.received('untagged')).length - emailsBefore;

      const processes = (['api', 'worker'] as const).map((name, i) => {
        const [start, middle, end] = [readings.start[i], readings.middle[i], readings.end[i]];
        return {
          name,
          line: `${name}: start ${mb(start)}; middle ${mb(middle)}; end ${mb(end)}`,
          rss: growthPercent(start.rssMb, end.rssMb),
          heap: growthPercent(start.heapUsedMb, end.heapUsedMb),
          liveHeap: growthPercent(start.liveHeapMb ?? NaN, end.liveHeapMb ?? NaN),
        };
      });
      const signed = (n: number) => `${n > 0 ? '+' : ''}${n} %`;
      // The heap criterion is the live heap: garbage awaiting collection is not growth.
      const growthTargets: TargetCheck[] = processes.map((p) => ({
        target: `soak: ${p.name} RSS and live heap grow < 10 % after the warm-up`,
        actual: `RSS ${signed(p.rss)}, live heap ${signed(p.liveHeap)} (heap in use as read ${signed(p.heap)})`,
        verdict: verdict(p.rss < 10 && p.liveHeap < 10),
      }));
      const reminderRow: Measurement = {
        subject: `worker: reminders due → emailed (${progress.sent} of ${reminders}; SMTP peer received ${emails} emails)`,
        ...latencySummary(progress.delaysMs),
        errors: reminders - progress.sent,
        samples: progress.sent,
      };
      const failures = recorder.failures();
      return {
        name: this.name,
        title: this.title,
        status: 'measured',
        method:
          `${settings.minutes} min on ${settings.cases} cases, the first 10 % a warm-up (percentiles and req/s after it, ` +
          `errors over the whole run). Fixed rate, one request in flight per actor: ${CAST_SIZE.advisers} advisers one ` +
          `request / ${PERIOD_S.adviser} s (caseload API, caseload page, case page, log an interaction, in turn), ` +
          `${CAST_SIZE.enrollingSmes} enrolling SMEs one / ${PERIOD_S.sme} s (start page, question page, PATCH draft), ` +
          `${CAST_SIZE.assessingSmes} enrolled SMEs one / ${PERIOD_S.sme} s (start, answer, submit a self-assessment), ` +
          `${CAST_SIZE.officers} officers one / ${PERIOD_S.officer} s (KPI API, reports page; filters change every time) ` +
          `and a region's CSV export each / ${EXPORT_PERIOD_S / 60} min polled every ${EXPORT_POLL_MS / 1000} s — ` +
          `${PLANNED_RATE.toFixed(1)} req/s in all ` +
          `(plus export polls); ${REMINDERS_PER_MINUTE} reminders/min fall due for the worker. Web pages through signed-in sessions ` +
          `(the real sign-in form), API calls with bearer tokens. Memory: lowest of 3 readings 1 s apart, and of 3 right after a full garbage collection (the live heap); no ceiling.`,
        app: [...recorder.measurements(measuredSeconds), reminderRow],
        ceiling: [],
        targets: [
          {
            target: 'soak: every request answered 2xx/3xx (0 errors)',
            actual: `${recorder.errors} errors in ${recorder.requests} requests${failures.length ? `: ${failures.join('; ')}` : ''}`,
            verdict: verdict(recorder.errors === 0),
          },
          ...growthTargets,
        ],
        notes: [
          ...processes.map((p) => `${p.line} (RSS ${p.rss} %, heap ${p.heap} %)`),
          `all groups after the warm-up: ${measuredRequests} requests, ${(measuredRequests / measuredSeconds).toFixed(1)} req/s ` +
            `(planned ${PLANNED_RATE.toFixed(1)}: an actor waits for each answer), ${describeLatencies(recorder.allLatencies())}`,
        ],
      };
    } finally {
      await db.end();
    }
  },
};
