import { UnitOfWork } from '@app/database';
import {
  DomainEvent,
  EventHandlerRegistry,
  EVENTS_QUEUE,
  HandlesEvent,
  JobQueues,
  OutboxRelay,
  OutboxService,
} from '@app/messaging';
import { Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase, uniqueRedisPrefix } from '../../support/test-env';
import { eventually, InProcessWorker, startInProcessWorker } from '../follow-ups/support/in-process-worker';

/** The handler only the new release has. */
@Injectable()
class NewReleaseHandler {
  readonly seen: DomainEvent<'outcome.recorded'>[] = [];

  @HandlesEvent('outcome.recorded')
  handle(event: DomainEvent<'outcome.recorded'>): void {
    this.seen.push(event);
  }
}

@Module({ providers: [NewReleaseHandler] })
class NewReleaseModule {}

/**
 * A rolling update: an old worker (no handler for `outcome.recorded`) and a new one (with it) on one
 * PostgreSQL database and one Redis. The old worker must leave the event alone — not publish it, not
 * stamp it processed — so that the new release's handler runs, exactly once, when its worker arrives.
 */
describe('rolling update: an event waits for a worker that has its handler', () => {
  let database: TestDatabase;
  const env = {
    REDIS_PREFIX: uniqueRedisPrefix(),
    // A job the old worker refused, then gave up on, is re-published within seconds.
    MESSAGING_STALE_EVENT_MS: '2000',
  };
  let oldWorker: InProcessWorker | undefined;
  let newWorker: InProcessWorker | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await newWorker?.close();
    await oldWorker?.close();
    await database?.drop();
  });

  const row = async (id: string) =>
    (
      (await oldWorker!.dataSource.query(
        `SELECT published_at, processed_at FROM outbox_event WHERE id = $1`,
        [id],
      )) as { published_at: Date | null; processed_at: Date | null }[]
    )[0];

  it('an old worker leaves the event pending; the new worker then processes it once', async () => {
    oldWorker = await startInProcessWorker({ only: 'messaging', database, env });
    expect(oldWorker.get(EventHandlerRegistry).handles('outcome.recorded')).toBe(false);
    const uow = oldWorker.get(UnitOfWork);
    const outbox = oldWorker.get(OutboxService);
    const caseId = randomUUID();
    // The new release's api writes the event; then one nobody handles, which the old worker may stamp.
    await uow.run((m) =>
      outbox.add(m, {
        type: 'outcome.recorded',
        aggregateType: 'case',
        aggregateId: caseId,
        payload: {
          outcomeId: randomUUID(),
          kind: 'export_win',
          country: 'DE',
          valueMinor: 250_000,
          currency: 'EUR',
          occurredOn: '2026-03-02',
          confirmed: true,
        },
      }),
    );
    await uow.run((m) =>
      outbox.add(m, {
        type: 'company.merged',
        aggregateType: 'company',
        aggregateId: randomUUID(),
        payload: { fromCompanyId: randomUUID(), intoCompanyId: randomUUID(), caseIds: [caseId] },
      }),
    );
    const [waiting] = (await oldWorker.dataSource.query(
      `SELECT id FROM outbox_event WHERE type = 'outcome.recorded' AND aggregate_id = $1`,
      [caseId],
    )) as { id: string }[];
    const [unhandled] = (await oldWorker.dataSource.query(
      `SELECT id FROM outbox_event WHERE type = 'company.merged'`,
    )) as { id: string }[];

    // The old worker's relay has run past the event (it stamped the later one) and left it unpublished.
    await eventually(async () => (await row(unhandled.id)).processed_at !== null, 10_000, 'company.merged');
    expect(await oldWorker.get(OutboxRelay).publishBatch()).toBe(0);
    expect(await row(waiting.id)).toEqual({ published_at: null, processed_at: null });
    const events = oldWorker.get(JobQueues).get(EVENTS_QUEUE);
    expect(await events.job(waiting.id)).toBeNull();

    // Even handed a job for it (as a new worker's relay would), the old worker does not stamp it.
    await events.ensure('dispatch', { id: waiting.id }, `by-hand:${waiting.id}`);
    await eventually(
      async () => (await events.job(`by-hand:${waiting.id}`))?.state === 'delayed',
      10_000,
      'the refused job waiting for its retry',
    );
    expect((await row(waiting.id)).processed_at).toBeNull();
    await events.removePending([`by-hand:${waiting.id}`]);

    // The new release's worker arrives: it publishes the event and its handler runs, once.
    newWorker = await startInProcessWorker({ only: 'messaging', database, env, imports: [NewReleaseModule] });
    const handler = newWorker.get(NewReleaseHandler);
    await eventually(async () => (await row(waiting.id)).processed_at !== null, 45_000, 'processed');
    expect(handler.seen.map((e) => e.id)).toEqual([waiting.id]);
    expect(handler.seen[0].payload.currency).toBe('EUR');
    expect((await row(waiting.id)).published_at).toBeInstanceOf(Date);
    // A later re-delivery (a retried or re-published job) finds it processed and runs nothing.
    await events.ensure('dispatch', { id: waiting.id }, `again:${waiting.id}`);
    await eventually(async () => typeof (await events.job(`again:${waiting.id}`))?.finishedOn === 'number');
    expect(handler.seen).toHaveLength(1);
  }, 90_000);
});
