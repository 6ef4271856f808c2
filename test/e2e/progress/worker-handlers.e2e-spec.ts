import { ProgressService, StageReevaluationHandler } from '@app/progress';
import { TrainingCompletedHandler } from '@app/readiness';
import type { DomainEvent, EventName } from '@app/messaging';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import {
  eventually,
  startInProcessWorker,
  type InProcessWorker,
} from '../follow-ups/support/in-process-worker';
import { call, caller, caseFor, recommend, type Caller } from '../training/support/training.factory';
import { allAnswers, countRows, readinessCase } from './support/readiness-case.factory';

jest.setTimeout(120_000);

/**
 * The worker's progress and readiness handlers, through the real outbox relay and Bull: the api writes
 * the events, the real WorkerModule (in this process, on the same database) handles them.
 */
describe('worker: recommendations close on completion, stages re-evaluate, the SME hears of a new stage', () => {
  let api: TestApi;
  let worker: InProcessWorker;
  let adviser: Caller;
  let sme: Caller;

  const one = async (sql: string, params: unknown[]): Promise<Json | undefined> =>
    ((await api.dataSource.query(sql, params)) as Json[])[0];
  const outboxEvent = async <K extends EventName>(type: K, aggregateId: string): Promise<DomainEvent<K>> => {
    const row = await one(
      `SELECT id, type, version, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", payload,
              occurred_at AS "occurredAt"
         FROM outbox_event WHERE type = $1 AND aggregate_id = $2`,
      [type, aggregateId],
    );
    if (!row) throw new Error(`no ${type} event for ${aggregateId}`);
    return row as unknown as DomainEvent<K>;
  };

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startInProcessWorker({ database: api.database });
    [adviser, sme] = await Promise.all([caller(api, 'adviser'), caller(api, 'sme')]);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('marks the cited recommendation done, ticks the module milestone, and does nothing more the second time', async () => {
    const theCase = await caseFor(api, sme, { adviserId: adviser.user.id });
    const cited = await recommend(api, theCase.id, 'social-media-foundations', adviser.user.id);
    const other = await recommend(api, theCase.id, 'linkedin-b2b-prospecting', adviser.user.id);
    const booked = await call(api, sme.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'social-media-foundations',
      recommendationId: cited,
    });
    expect(booked.status).toBe(201);
    const booking = await readJson(booked);
    const done = await call(api, sme.token, 'PATCH', `/api/v1/training/bookings/${String(booking.id)}`, {
      action: 'complete',
      answers: [0, 0, 1, 1],
    });
    expect(done.status).toBe(200);

    const statusOf = async (id: string): Promise<unknown> =>
      (await one(`SELECT status FROM readiness_recommendations WHERE id = $1`, [id]))?.status;
    await eventually(async () => (await statusOf(cited)) === 'done', 30_000, 'the recommendation done');
    await eventually(
      async () =>
        (await countRows(api.dataSource, 'case_milestones', `case_id = $1 AND code = $2`, [
          theCase.id,
          'social-media-foundations-completed',
        ])) === 1,
      30_000,
      'the training milestone',
    );
    expect(await statusOf(other)).toBe('accepted');
    const audited = `action = 'recommendation.done' AND entity_id = $1`;
    expect(await countRows(api.dataSource, 'audit_event', audited, [cited])).toBe(1);
    expect(
      await countRows(
        api.dataSource,
        'case_timeline_events',
        `case_id = $1 AND kind = 'recommendation.done'`,
        [theCase.id],
      ),
    ).toBe(1);

    // The same event delivered again: nothing left to close, no second milestone, audit or timeline row.
    const event = await outboxEvent('training.completed', String(booking.id));
    expect(await worker.get(TrainingCompletedHandler).handle(event)).toEqual([]);
    expect(await worker.get(StageReevaluationHandler).handle(event)).toEqual({ milestones: [] });
    expect(await countRows(api.dataSource, 'audit_event', audited, [cited])).toBe(1);
    expect(await countRows(api.dataSource, 'case_milestones', `case_id = $1`, [theCase.id])).toBe(1);

    // A done recommendation is no longer offered for booking: citing it again is refused.
    const again = await call(api, sme.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
      moduleCode: 'social-media-foundations',
      recommendationId: cited,
    });
    expect(again.status).toBeGreaterThanOrEqual(409);
    expect(await countRows(api.dataSource, 'training_booking', `case_id = $1`, [theCase.id])).toBe(1);
  });

  it('closes a live recommendation of the module when the booking came from the catalogue', async () => {
    const theCase = await caseFor(api, sme, { adviserId: adviser.user.id });
    const live = await recommend(api, theCase.id, 'social-media-foundations', adviser.user.id);
    const booked = await readJson(
      await call(api, sme.token, 'POST', `/api/v1/cases/${theCase.id}/training`, {
        moduleCode: 'social-media-foundations',
      }),
    );
    await call(api, sme.token, 'PATCH', `/api/v1/training/bookings/${String(booked.id)}`, {
      action: 'complete',
      answers: [0, 0, 1, 1],
    });
    await eventually(
      async () =>
        (await one(`SELECT status FROM readiness_recommendations WHERE id = $1`, [live]))?.status === 'done',
      30_000,
      'the catalogue booking closing the recommendation',
    );
  });

  it('moves the stage once later evidence proves what an earlier outcome needed, whatever the order', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.user.id,
      adviserId: adviser.user.id,
    });
    // A confirmed win from 14 months ago: the outcome rules make the case passive (no plan yet) …
    const longAgo = new Date(Date.now() - 425 * 86_400_000).toISOString().slice(0, 10);
    const win = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/outcomes`, {
      kind: 'export_win',
      country: 'DE',
      valueMinor: 900000,
      currency: 'EUR',
      occurredOn: longAgo,
      confirmed: true,
    });
    expect(win.status).toBe(201);
    const stageOf = async (): Promise<unknown> =>
      (await one(`SELECT stage FROM cases WHERE id = $1`, [kase.id]))?.stage;
    expect(await stageOf()).toBe('passive_exporter');
    // The worker has handled the outcome (its re-evaluation finds nothing more to do yet).
    await eventually(
      async () =>
        (await countRows(
          api.dataSource,
          'outbox_event',
          `aggregate_id = $1 AND type = 'outcome.recorded' AND processed_at IS NOT NULL`,
          [kase.id],
        )) === 1,
      30_000,
      'the outcome event handled',
    );
    expect(await stageOf()).toBe('passive_exporter');

    // … then an adviser's audit proves the plan and the market research. It does not classify the case
    // ahead (no export sale in the last 12 months), so the request itself moves nothing.
    const questionnaire = await readJson(
      await call(api, adviser.token, 'GET', '/api/v1/readiness/questionnaire'),
    );
    const codes = (questionnaire.headings as Json[]).flatMap((h) =>
      (h.questions as Json[]).map((q) => q.code as string),
    );
    const audit = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/audits`, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 2, { 'org-export-plan': 4, 'pm-target-market': 4 }),
      submit: true,
    });
    expect(audit.status).toBe(201);
    expect(await stageOf()).toBe('passive_exporter');

    // The worker re-applies the win with the milestones now reached: proactive, as if the win came last.
    await eventually(
      async () => (await stageOf()) === 'proactive_exporter',
      30_000,
      'the re-evaluated stage',
    );
    const moves = (await api.dataSource.query(
      `SELECT to_stage, cause, evidence FROM stage_transitions WHERE case_id = $1 ORDER BY occurred_at`,
      [kase.id],
    )) as Json[];
    expect(moves.map((t) => [t.to_stage, t.cause])).toEqual([
      ['passive_exporter', 'outcome'],
      ['proactive_exporter', 'outcome'],
    ]);
    expect(moves[1].evidence).toMatchObject({ reevaluatedAfter: 'audit.completed' });

    // Delivered again, the event finds the case where it belongs.
    const service = worker.get(ProgressService);
    const again = await worker.dataSource.transaction((m) =>
      service.reevaluate(
        m,
        kase.id,
        { type: 'audit.completed', refType: 'case', refId: kase.id },
        { actorId: null },
      ),
    );
    expect(again.transition).toBeUndefined();

    // The SME is told of each move forward, once per transition, in its own words.
    await eventually(
      async () =>
        (await countRows(api.dataSource, 'notification', `case_id = $1 AND kind = 'stage-changed.sme'`, [
          kase.id,
        ])) === 2,
      30_000,
      'two stage-change emails',
    );
    const subjects = (await api.dataSource.query(
      `SELECT subject, recipient_email FROM notification WHERE case_id = $1 AND kind = 'stage-changed.sme'
        ORDER BY created_at`,
      [kase.id],
    )) as Json[];
    expect(subjects.map((n) => n.subject)).toEqual([
      'Congratulations: you are now a passive exporter',
      'Congratulations: you are now a proactive exporter',
    ]);
    expect(subjects[0].recipient_email).toBe(sme.user.email.toLowerCase());
  });

  it('sends a next-steps note, not congratulations, when an adviser moves the stage back, in Spanish for a Spanish SME', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.user.id,
      adviserId: adviser.user.id,
      stage: 'passive_exporter',
    });
    await api.dataSource.query(
      `INSERT INTO case_work (case_id, language) VALUES ($1, 'es')
       ON CONFLICT (case_id) DO UPDATE SET language = 'es'`,
      [kase.id],
    );
    // Emails about a case go to its company's primary contact, in the contact's language.
    await api.dataSource.query(
      `UPDATE company_contacts SET preferred_language = 'es'
        WHERE company_id = (SELECT company_id FROM cases WHERE id = $1) AND is_primary`,
      [kase.id],
    );
    const back = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/stage`, {
      to: 'non_exporter',
      reason: 'The only export order was a one-off from a visiting customer',
    });
    expect(back.status).toBe(201);
    await eventually(
      async () =>
        (await countRows(api.dataSource, 'notification', `case_id = $1 AND kind LIKE 'stage-%'`, [
          kase.id,
        ])) === 1,
      30_000,
      'the stage-change note',
    );
    // The one stage note (the case's opening sent its own notes before).
    const note = await one(
      `SELECT kind, language, subject, body_text FROM notification WHERE case_id = $1 AND kind LIKE 'stage-%'`,
      [kase.id],
    );
    expect(note).toMatchObject({
      kind: 'stage-changed-back.sme',
      language: 'es',
      subject: 'Se ha actualizado su etapa exportadora: no exportadora',
    });
    expect(String(note?.body_text)).toContain('exportadora pasiva');
  });
});
