import { UnitOfWork } from '@app/database';
import {
  DomainEvent,
  EventHandlerRegistry,
  EVENTS_QUEUE,
  EventPayloads,
  HandlesEvent,
  JobQueues,
  NOTIFICATIONS_QUEUE,
  OutboxService,
} from '@app/messaging';
import { Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { eventually, InProcessWorker, startInProcessWorker } from '../follow-ups/support/in-process-worker';

type Recorded = DomainEvent<'audit.completed' | 'outcome.recorded'>;

@Injectable()
class RecordingHandler {
  readonly seen: Recorded[] = [];
  failuresLeft: number = 0;

  @HandlesEvent('audit.completed', 'outcome.recorded')
  record(event: Recorded): void {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('handler failing on purpose');
    }
    this.seen.push(event);
  }
}

@Module({ providers: [RecordingHandler, OutboxService] })
class RecordingModule {}

const audit = (overall: number): EventPayloads['audit.completed'] => ({
  auditId: randomUUID(),
  kind: 'self',
  questionnaireVersion: 1,
  overall,
  stage: 'non_exporter',
  flaggedForReview: false,
  readyForNextStage: false,
  stageChanged: false,
});

const outcome = (): EventPayloads['outcome.recorded'] => ({
  outcomeId: randomUUID(),
  kind: 'new_market_entered',
  country: 'FR',
  valueMinor: null,
  currency: null,
  occurredOn: '2026-01-15',
  confirmed: true,
});

/** Messaging's worker side alone, with one test handler: no domain handler takes these events too. */
describe('transactional outbox → relay → events queue → @HandlesEvent handlers', () => {
  let worker: InProcessWorker;
  let handler: RecordingHandler;
  let outbox: OutboxService;
  let uow: UnitOfWork;

  beforeAll(async () => {
    worker = await startInProcessWorker({ only: 'messaging', imports: [RecordingModule] });
    handler = worker.get(RecordingHandler);
    outbox = worker.get(OutboxService);
    uow = worker.get(UnitOfWork);
  });
  afterAll(() => worker?.close());

  const rows = (sql: string, params: unknown[] = []) =>
    worker.dataSource.query(sql, params) as Promise<Record<string, unknown>[]>;

  it('discovers handlers in any module the worker imports', () => {
    const registry = worker.get(EventHandlerRegistry);
    expect(registry.handlersFor('audit.completed').map((h) => h.name)).toEqual(['RecordingHandler.record']);
    expect(registry.handlersFor('outcome.recorded')).toHaveLength(1);
  });

  it('delivers an event committed with its change exactly once, and marks it published and processed', async () => {
    const aggregateId = randomUUID();
    await uow.run((m) =>
      outbox.add(m, { type: 'audit.completed', aggregateType: 'case', aggregateId, payload: audit(61) }),
    );
    await eventually(() => handler.seen.some((e) => e.aggregateId === aggregateId), 10_000, 'handler call');
    const [row] = await rows(`SELECT * FROM outbox_event WHERE aggregate_id = $1`, [aggregateId]);
    const event = handler.seen.find((e) => e.aggregateId === aggregateId);
    expect(event).toMatchObject({
      id: row.id,
      type: 'audit.completed',
      version: 1,
      aggregateType: 'case',
      payload: { overall: 61 },
    });
    expect(event?.occurredAt).toBeInstanceOf(Date);
    expect(row.version).toBe(1);
    await eventually(
      async () =>
        (await rows(`SELECT processed_at FROM outbox_event WHERE id = $1`, [row.id]))[0].processed_at !==
        null,
    );
    expect(row.published_at).not.toBeNull();

    // The same job enqueued again (a duplicate publish) changes nothing: the row is already processed.
    const queue = worker.get(JobQueues).get(EVENTS_QUEUE);
    await queue.ensure('dispatch', { id: row.id }, `${row.id}-duplicate`);
    await eventually(async () => typeof (await queue.job(`${row.id}-duplicate`))?.finishedOn === 'number');
    expect(handler.seen.filter((e) => e.aggregateId === aggregateId)).toHaveLength(1);
  });

  it('turns notification.created straight into a delivery job, with no events-queue hop', async () => {
    const notificationId = randomUUID();
    await uow.run((m) =>
      outbox.add(m, {
        type: 'notification.created',
        aggregateType: 'notification',
        aggregateId: notificationId,
        payload: { notificationId },
      }),
    );
    const [row] = await rows(`SELECT id FROM outbox_event WHERE aggregate_id = $1`, [notificationId]);
    const notifications = worker.get(JobQueues).get(NOTIFICATIONS_QUEUE);
    await eventually(async () => (await notifications.job(`${notificationId}:0`)) !== null, 10_000, 'job');
    // The job is added before the relay's transaction commits; the row is stamped when it does.
    let stamped: Record<string, unknown> | undefined;
    await eventually(
      async () => {
        [stamped] = await rows(`SELECT published_at, processed_at FROM outbox_event WHERE id = $1`, [row.id]);
        return stamped?.published_at instanceof Date;
      },
      10_000,
      'the row stamped published',
    );
    expect(stamped?.processed_at).toBeInstanceOf(Date);
    const events = worker.get(JobQueues).get(EVENTS_QUEUE);
    expect(await events.job(String(row.id))).toBeNull();
  });

  it('stamps an event its contract says nobody handles processed at publication, with no job', async () => {
    const aggregateId = randomUUID();
    expect(worker.get(EventHandlerRegistry).handlersFor('case.assigned')).toHaveLength(0);
    await uow.run((m) =>
      outbox.add(m, {
        type: 'case.assigned',
        aggregateType: 'case',
        aggregateId,
        payload: {
          caseId: aggregateId,
          assignmentId: randomUUID(),
          adviserId: randomUUID(),
          method: 'automatic',
          assignedAt: new Date().toISOString(),
        },
      }),
    );
    let row: Record<string, unknown> | undefined;
    await eventually(
      async () => {
        [row] = await rows(
          `SELECT id, published_at, processed_at FROM outbox_event WHERE aggregate_id = $1`,
          [aggregateId],
        );
        return row?.published_at instanceof Date;
      },
      10_000,
      'the row published',
    );
    expect(row?.processed_at).toBeInstanceOf(Date);
    const events = worker.get(JobQueues).get(EVENTS_QUEUE);
    expect(await events.job(String(row?.id))).toBeNull();
  });

  it('writes nothing when the caller rolls back', async () => {
    const aggregateId = randomUUID();
    await expect(
      uow.run(async (m) => {
        await outbox.add(m, {
          type: 'audit.completed',
          aggregateType: 'case',
          aggregateId,
          payload: audit(1),
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await rows(`SELECT id FROM outbox_event WHERE aggregate_id = $1`, [aggregateId])).toHaveLength(0);
  });

  it('retries a failing handler until it succeeds, then stops', async () => {
    handler.failuresLeft = 2;
    const aggregateId = randomUUID();
    await uow.run((m) =>
      outbox.add(m, { type: 'outcome.recorded', aggregateType: 'case', aggregateId, payload: outcome() }),
    );
    await eventually(
      () => handler.seen.some((e) => e.aggregateId === aggregateId),
      20_000,
      'retried handler',
    );
    expect(handler.failuresLeft).toBe(0);
    expect(handler.seen.filter((e) => e.aggregateId === aggregateId)).toHaveLength(1);
  });

  it('publishes a large batch in order of occurrence without losing any', async () => {
    const aggregateType = `bulk-${randomUUID().slice(0, 8)}`;
    await uow.run((m) =>
      outbox.addMany(
        m,
        Array.from({ length: 700 }, (_, i) => ({
          type: 'audit.completed' as const,
          aggregateType,
          aggregateId: String(i),
          payload: audit(i % 100),
        })),
      ),
    );
    await eventually(
      () => handler.seen.filter((e) => e.aggregateType === aggregateType).length === 700,
      30_000,
      '700 events',
    );
    const ids = new Set(
      handler.seen.filter((e) => e.aggregateType === aggregateType).map((e) => e.aggregateId),
    );
    expect(ids.size).toBe(700);
  });
});
