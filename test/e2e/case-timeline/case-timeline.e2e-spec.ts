import 'reflect-metadata';
import { CaseTimelineModule, CaseTimelineService } from '@app/case-timeline';
import { ConfigModule } from '@app/config';
import { DatabaseModule, UnitOfWork } from '@app/database';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase, useTestEnvironment } from '../../support/test-env';

describe('case timeline', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let timeline: CaseTimelineService;
  let uow: UnitOfWork;

  beforeAll(async () => {
    db = await createTestDatabase();
    useTestEnvironment(db);
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, CaseTimelineModule],
    }).compile();
    app = await moduleRef.init();
    timeline = app.get(CaseTimelineService);
    uow = app.get(UnitOfWork);
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('pages newest first by keyset, including across events with the same time', async () => {
    const caseId = randomUUID();
    const sameTime = new Date('2026-03-01T10:00:00Z');
    await uow.run(async (manager) => {
      for (let i = 0; i < 5; i++) {
        await timeline.record(manager, {
          caseId,
          kind: 'interaction.logged',
          occurredAt: sameTime,
          data: { i },
        });
      }
      await timeline.record(manager, {
        caseId,
        kind: 'enrolment.submitted',
        occurredAt: new Date('2026-02-01T09:00:00Z'),
      });
      await timeline.record(manager, {
        caseId,
        kind: 'stage.changed',
        occurredAt: new Date('2026-04-01T09:00:00Z'),
      });
      await timeline.record(manager, { caseId: randomUUID(), kind: 'other.case', occurredAt: sameTime });
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await timeline.list(caseId, { before: cursor, limit: 2 });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    const all = await timeline.list(caseId, { limit: 100 });
    expect(all.nextCursor).toBeUndefined();
    expect(all.events).toHaveLength(7);
    expect(seen).toEqual(all.events.map((e) => e.id)); // no gaps, no repeats across page boundaries
    expect(pages).toBe(4);
    expect(all.events[0].kind).toBe('stage.changed');
    expect(all.events[6].kind).toBe('enrolment.submitted');
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const caseId = randomUUID();
    await expect(
      uow.run(async (manager) => {
        await timeline.record(manager, { caseId, kind: 'interaction.logged' });
        throw new Error('the change it records failed');
      }),
    ).rejects.toThrow('the change it records failed');
    expect((await timeline.list(caseId)).events).toHaveLength(0);
  });

  it('refuses a cursor it did not issue for this case as a field error on `before`', async () => {
    const caseId = randomUUID();
    await uow.run(async (manager) => {
      for (let i = 0; i < 3; i++) await timeline.record(manager, { caseId, kind: 'interaction.logged' });
    });
    const issued = (await timeline.list(caseId, { limit: 1 })).nextCursor!;
    for (const before of ['not-a-cursor', issued.slice(0, -2), `${issued}x`]) {
      await expect(timeline.list(caseId, { before })).rejects.toMatchObject({
        status: 400,
        fields: [expect.objectContaining({ field: 'before', code: 'cursor' })],
      });
    }
    // Another case's cursor is foreign here.
    await expect(timeline.list(randomUUID(), { before: issued })).rejects.toMatchObject({ status: 400 });
    expect((await timeline.list(caseId, { before: issued })).events).toHaveLength(2);
  });
});
