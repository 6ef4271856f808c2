import { UnitOfWork } from '@app/database';
import { FOLLOW_UPS_QUEUE, FollowUp, FollowUpService, type ScheduleFollowUpInput } from '@app/follow-ups';
import { JobQueue, JobQueues, Notification, Sweeper } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import { eventually, InProcessWorker, startInProcessWorker } from './support/in-process-worker';
import { SmtpPeer } from './support/smtp-peer';

const DAY = 86_400_000;

describe('follow-ups: rules fire, escalate, complete, reschedule and follow reassignment', () => {
  const smtp = new SmtpPeer();
  let worker: InProcessWorker;
  let followUps: FollowUpService;
  let uow: UnitOfWork;
  let queue: JobQueue;

  beforeAll(async () => {
    await smtp.start();
    worker = await startInProcessWorker({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), FOLLOW_UPS_RETRY_BASE_MS: '200' },
    });
    followUps = worker.get(FollowUpService);
    uow = worker.get(UnitOfWork);
    queue = worker.get(JobQueues).get(FOLLOW_UPS_QUEUE);
  });
  afterAll(async () => {
    await worker?.close();
    await smtp.stop();
  });

  const adviser = () => ({
    userId: randomUUID(),
    email: `adviser-${randomUUID().slice(0, 8)}@agency.example`,
    name: 'Ada Adviser',
  });
  const officer = () => ({
    userId: randomUUID(),
    email: `officer-${randomUUID().slice(0, 8)}@agency.example`,
    name: 'Otto Officer',
  });
  const load = (id: string) => worker.dataSource.getRepository(FollowUp).findOneByOrFail({ id });
  const notificationsOf = (id: string) =>
    worker.dataSource
      .getRepository(Notification)
      .find({ where: { followUpId: id }, order: { followUpStep: 'ASC' } });
  /** One follow-up scheduled in its own transaction: anchored now and triggered by a new source unless told. */
  const schedule = (
    input: Omit<ScheduleFollowUpInput, 'anchorAt' | 'sourceKey'> & Partial<ScheduleFollowUpInput>,
  ) =>
    uow.run((m) =>
      followUps.schedule(m, { anchorAt: new Date(), sourceKey: `test:${randomUUID()}`, ...input }),
    );

  it('first contact overdue: reminds the adviser, then escalates to the officer, one email each', async () => {
    const a = adviser();
    const o = officer();
    const row = await schedule({
      rule: 'first-contact',
      caseId: randomUUID(),
      anchorAt: new Date(Date.now() - 20 * DAY),
      assignee: a,
      officer: o,
      context: { companyName: 'Acme Widgets Ltd' },
    });
    expect(row.status).toBe('scheduled');
    expect(row.plan.map((s) => s.notify)).toEqual(['assignee', 'officer']);

    await eventually(async () => (await load(row.id)).status === 'escalated', 20_000, 'escalation');
    const notes = await notificationsOf(row.id);
    expect(notes.map((n) => [n.followUpStep, n.recipientEmail, n.status, n.idempotencyKey])).toEqual([
      [0, a.email, 'sent', `${row.id}:0`],
      [1, o.email, 'sent', `${row.id}:1`],
    ]);
    expect(smtp.to(a.email)).toHaveLength(1);
    expect(smtp.to(o.email)).toHaveLength(1);
    const reminder = smtp.to(a.email)[0];
    expect(reminder.subject).toContain('first contact with Acme Widgets Ltd');
    expect(reminder.text).toContain('Dear Ada Adviser');
    expect(reminder.html).toContain('<a href="http://');
    expect(reminder.messageId).toBe(`<${notes[0].id}@export-programme.example>`);
    expect(smtp.to(o.email)[0].subject).toMatch(/^Escalation: no first contact with Acme Widgets Ltd/);
  });

  it('emails the SME in their language (training overdue, Spanish)', async () => {
    const email = `pyme-${randomUUID().slice(0, 8)}@empresa.example`;
    const row = await schedule({
      rule: 'training-overdue',
      caseId: randomUUID(),
      subjectKey: 'booking-1',
      anchorAt: new Date(Date.now() - 1000),
      sme: { email, name: 'Lucía', language: 'es' },
      assignee: adviser(),
      context: { moduleTitle: 'Instagram para exportar' },
    });
    await eventually(() => smtp.to(email).length === 1, 20_000, 'Spanish email');
    expect(smtp.to(email)[0].subject).toBe('Su módulo de formación «Instagram para exportar» está vencido');
    expect(smtp.to(email)[0].language).toBe('es');
    // The second step (the adviser, five working days later) waits as a delayed job.
    await eventually(async () => (await load(row.id)).step === 1, 10_000, 'next step scheduled');
    const next = await load(row.id);
    expect(next.status).toBe('scheduled');
    await eventually(
      async () => (await queue.job(`${row.id}:1`))?.state === 'delayed',
      10_000,
      'delayed job',
    );
  });

  it('is idempotent per trigger: the same source key twice makes one follow-up', async () => {
    const input = {
      rule: 're-audit',
      caseId: randomUUID(),
      anchorAt: new Date(),
      sourceKey: `audit.completed:${randomUUID()}`,
      assignee: adviser(),
    };
    const first = await uow.run((m) => followUps.schedule(m, input));
    const second = await uow.run((m) => followUps.schedule(m, input));
    expect(second.id).toBe(first.id);
    const count = await worker.dataSource.getRepository(FollowUp).countBy({ caseId: input.caseId });
    expect(count).toBe(1);
  });

  it('closes itself when the condition is met and removes its pending job; a late job does nothing', async () => {
    const caseId = randomUUID();
    const row = await schedule({
      rule: 'first-contact',
      caseId,
      assignee: adviser(),
    });
    await eventually(async () => (await queue.job(`${row.id}:0`)) !== null, 10_000, 'delayed job');
    const closed = await uow.run((m) =>
      followUps.complete(m, { caseId, rules: ['first-contact'], reason: 'interaction logged' }),
    );
    expect(closed).toBe(1);
    const done = await load(row.id);
    expect([done.status, done.closeReason]).toEqual(['done', 'interaction logged']);
    await eventually(async () => (await queue.job(`${row.id}:0`)) === null, 10_000, 'job removal');
    // Completing again changes nothing; a job that fires anyway finds nothing to do.
    expect(
      await uow.run((m) => followUps.complete(m, { caseId, rules: ['first-contact'], reason: 'again' })),
    ).toBe(0);
    await queue.ensure('fire', { id: row.id, step: 0 }, `${row.id}:0:late`);
    await eventually(
      async () => typeof (await queue.job(`${row.id}:0:late`))?.finishedOn === 'number',
      10_000,
      'late job',
    );
    expect((await load(row.id)).status).toBe('done');
    expect(await notificationsOf(row.id)).toHaveLength(0);
  });

  it('a new interaction pushes the dormant timer: the old follow-up is cancelled, a new one planned', async () => {
    const caseId = randomUUID();
    const a = adviser();
    const first = await schedule({
      rule: 'dormant-case',
      caseId,
      assignee: a,
      ifOpen: 'replace',
    });
    const later = new Date(Date.now() + 5 * DAY);
    const second = await schedule({
      rule: 'dormant-case',
      caseId,
      anchorAt: later,
      assignee: a,
      ifOpen: 'replace',
    });
    expect(second.id).not.toBe(first.id);
    expect((await load(first.id)).status).toBe('cancelled');
    expect(second.deadlineAt.getTime() - first.deadlineAt.getTime()).toBeGreaterThanOrEqual(
      5 * DAY - 3_600_000,
    );
    await eventually(async () => (await queue.job(`${first.id}:0`)) === null, 10_000, 'old job removal');
    await eventually(async () => (await queue.job(`${second.id}:0`)) !== null, 10_000, 'new job');
  });

  it('reassignment moves the pending reminder to the new adviser', async () => {
    const caseId = randomUUID();
    const oldAdviser = adviser();
    const newAdviser = adviser();
    const row = await schedule({
      rule: 'next-step-due',
      caseId,
      anchorAt: new Date(Date.now() + 10 * DAY),
      assignee: oldAdviser,
    });
    await eventually(
      async () => (await queue.job(`${row.id}:0`))?.state === 'delayed',
      10_000,
      'delayed job',
    );
    expect(await uow.run((m) => followUps.reassign(m, caseId, newAdviser))).toBe(1);
    expect((await load(row.id)).assigneeId).toBe(newAdviser.userId);

    // Time passes: the step is due now (moved in the database) and the sweep runs the delayed job.
    await worker.dataSource.query(`UPDATE follow_up SET due_at = now() WHERE id = $1`, [row.id]);
    await worker.get(Sweeper).sweepOnce();
    await eventually(() => smtp.to(newAdviser.email).length === 1, 20_000, 'reminder to the new adviser');
    expect(smtp.to(oldAdviser.email)).toHaveLength(0);
    await eventually(async () => (await load(row.id)).status === 'sent', 10_000, 'sent');
  });

  it('an officer re-plans a follow-up: the old one is cancelled, the new one keeps its people and fires on the new date', async () => {
    const caseId = randomUUID();
    const a = adviser();
    const row = await schedule({
      rule: 're-audit',
      caseId,
      assignee: a,
    });
    const replanned = await uow.run((m) =>
      followUps.replan(m, row.id, new Date(Date.now() - 1000), 'company asked to wait'),
    );
    expect(replanned).not.toBeNull();
    expect((await load(row.id)).status).toBe('cancelled');
    await eventually(() => smtp.to(a.email).length === 1, 20_000, 're-planned reminder');
    await eventually(async () => (await load(replanned!.id)).status === 'sent', 10_000, 'sent');
    expect(smtp.to(a.email)).toHaveLength(1);
  });
  it("schedules a batch in one call: the answers keep the inputs' order, known triggers keep their row, open ones are replaced", async () => {
    const a = adviser();
    const dueIn = (days: number) => new Date(Date.now() + days * DAY);
    const [caseA, caseB, caseC] = [randomUUID(), randomUUID(), randomUUID()];
    const input = (caseId: string, sourceKey: string) => ({
      rule: 'dormant-case',
      caseId,
      anchorAt: dueIn(1),
      sourceKey,
      assignee: a,
      ifOpen: 'replace' as const,
    });
    const earlier = await uow.run((m) => followUps.schedule(m, input(caseB, `test:${randomUUID()}`)));
    const known = await uow.run((m) => followUps.schedule(m, input(caseC, `test:${randomUUID()}`)));
    const keys = [`test:${randomUUID()}`, `test:${randomUUID()}`];

    const rows = await uow.run((m) =>
      followUps.scheduleMany(m, [
        input(caseA, keys[0]),
        input(caseB, keys[1]),
        input(caseC, known.sourceKey),
      ]),
    );

    expect(rows.map((r) => r.caseId)).toEqual([caseA, caseB, caseC]);
    expect(rows.map((r) => r.sourceKey)).toEqual([...keys, known.sourceKey]);
    expect(rows[2].id).toBe(known.id);
    expect((await load(earlier.id)).status).toBe('cancelled');
    expect(rows.slice(0, 2).map((r) => r.status)).toEqual(['scheduled', 'scheduled']);
    const events = await worker.dataSource.query(
      `SELECT aggregate_id FROM outbox_event WHERE type = 'follow-up.scheduled' AND aggregate_id = ANY($1)`,
      [rows.map((r) => r.id)],
    );
    expect(events.map((e: { aggregate_id: string }) => e.aggregate_id).sort()).toEqual(
      [rows[0].id, rows[1].id, known.id].sort(),
    );

    // Two inputs for one case, rule and subject cannot both be answered by one statement: refused, nothing written.
    const caseD = randomUUID();
    await expect(
      uow.run((m) =>
        followUps.scheduleMany(m, [
          input(caseD, `test:${randomUUID()}`),
          input(caseD, `test:${randomUUID()}`),
        ]),
      ),
    ).rejects.toThrow('share a source key or a case, rule and subject');
    expect(
      await worker.dataSource.query(`SELECT id FROM follow_up WHERE case_id = $1`, [caseD]),
    ).toHaveLength(0);
  });
});
