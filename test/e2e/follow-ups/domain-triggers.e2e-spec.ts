import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { allAnswers, readinessCase } from '../progress/support/readiness-case.factory';
import { call, caller, caseFor, type Caller } from '../training/support/training.factory';

/** Booting the api and hashing passwords is slow when the machine is busy; no assertion depends on it. */
const BOOT_TIMEOUT_MS = 120_000;

interface FollowUpRow {
  id: string;
  rule_code: string;
  rule_variant: string | null;
  subject_key: string;
  status: string;
  assignee_id: string | null;
  recipients: Record<string, { userId?: string; language?: string }>;
  context: Record<string, string>;
  days: number;
  anchor_at: Date;
}

/**
 * The follow-up rules other domains trigger (config/follow-ups.yaml): a readiness audit starts the re-audit
 * clock and, when its classification is flagged, a stage review; a booked module is chased when overdue.
 * Each is created in the same transaction as the fact behind it and closed when its condition is met.
 */
describe('follow-ups triggered by audits, stage decisions and training bookings', () => {
  let api: TestApi;
  let adviser: Caller;
  let officer: Caller;
  let sme: Caller;
  let codes: string[];

  beforeAll(async () => {
    api = await startTestApi();
    [adviser, officer, sme] = await Promise.all([
      caller(api, 'adviser'),
      caller(api, 'officer'),
      caller(api, 'sme'),
    ]);
    const questionnaire = await readJson(
      await call(api, sme.token, 'GET', '/api/v1/readiness/questionnaire'),
    );
    codes = (questionnaire.headings as Json[]).flatMap((h) =>
      (h.questions as Json[]).map((q) => q.code as string),
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  const followUps = (caseId: string, rule: string): Promise<FollowUpRow[]> =>
    api.dataSource.query(
      `SELECT id, rule_code, rule_variant, subject_key, status, assignee_id, recipients, context, anchor_at,
              round(extract(epoch FROM deadline_at - anchor_at) / 86400)::int AS days
         FROM follow_up WHERE case_id = $1 AND rule_code = $2 ORDER BY created_at`,
      [caseId, rule],
    );
  const submitAudit = async (caseId: string, answers: Record<string, number>): Promise<Json> => {
    const res = await call(api, adviser.token, 'POST', `/api/v1/cases/${caseId}/audits`, {
      questionnaireVersion: 1,
      answers,
      submit: true,
    });
    expect(res.status).toBe(201);
    return (await readJson(res)).audit as Json;
  };

  it('restarts the re-audit clock at each audit: 180 days, 90 for a passive exporter ready for the next stage', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.user.id,
      adviserId: adviser.user.id,
      stage: 'passive_exporter',
      exportedLast12Months: true,
    });
    const first = await submitAudit(kase.id, allAnswers(codes, 2));
    expect((first.classification as Json).readyForNextStage).toBe(false);
    const [pending] = await followUps(kase.id, 're-audit');
    expect(pending).toMatchObject({
      status: 'scheduled',
      rule_variant: null,
      days: 180,
      assignee_id: adviser.user.id,
    });
    expect(pending.anchor_at.toISOString()).toBe(new Date(first.submittedAt as string).toISOString());

    // Strong answers but no export plan yet: still passive, and ready for the next stage.
    const second = await submitAudit(kase.id, allAnswers(codes, 4, { 'org-export-plan': 2 }));
    expect(second.classification).toMatchObject({ stage: 'passive_exporter', readyForNextStage: true });
    const rows = await followUps(kase.id, 're-audit');
    expect(rows.map((r) => [r.status, r.rule_variant, r.days])).toEqual([
      ['done', null, 180],
      ['scheduled', 'passive-ready', 90],
    ]);
    const [closed] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'follow-up.closed' AND aggregate_id = $1`,
      [rows[0].id],
    )) as { n: number }[];
    expect(closed.n).toBe(1); // the worker removes the pending delayed job from this event
  });

  it('asks the adviser to review a flagged classification, escalating to an officer; confirming the stage closes it', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.user.id,
      adviserId: adviser.user.id,
      stage: 'passive_exporter',
    });
    const weak = await submitAudit(kase.id, allAnswers(codes, 1));
    expect((weak.classification as Json).flaggedForReview).toBe(true);
    const [review] = await followUps(kase.id, 'stage-review');
    expect(review).toMatchObject({ status: 'scheduled', days: 10, assignee_id: adviser.user.id });
    expect(review.recipients.assignee.userId).toBe(adviser.user.id);
    expect(review.recipients.officer?.userId).toEqual(expect.any(String));

    // A second flagged audit keeps the first one's clock rather than restarting it.
    await submitAudit(kase.id, allAnswers(codes, 1));
    expect((await followUps(kase.id, 'stage-review')).map((r) => [r.id, r.status])).toEqual([
      [review.id, 'scheduled'],
    ]);

    // The adviser agrees with the stage: choosing the current one confirms it, without a transition.
    const confirm = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/stage`, {
      to: 'passive_exporter',
      reason: 'Reviewed with the director: still passive, plan next quarter',
    });
    expect(confirm.status).toBe(201);
    expect(await readJson(confirm)).toEqual({ transition: null, confirmed: true });
    expect((await followUps(kase.id, 'stage-review')).map((r) => r.status)).toEqual(['done']);
    const recorded = (await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM stage_transitions WHERE case_id = $1) AS transitions,
              (SELECT count(*)::int FROM audit_event WHERE entity_id = $1::text AND action = 'case.stage_confirmed') AS audits,
              (SELECT data->>'reason' FROM case_timeline_events WHERE case_id = $1 AND kind = 'stage.confirmed') AS reason`,
      [kase.id],
    )) as Json[];
    expect(recorded).toEqual([
      {
        transitions: 0,
        audits: 1,
        reason: 'Reviewed with the director: still passive, plan next quarter',
      },
    ]);
  });

  it('closes a stage review when an adviser moves the stage, or a later audit needs no review', async () => {
    const moved = await readinessCase(api, {
      smeUserId: sme.user.id,
      adviserId: adviser.user.id,
      stage: 'passive_exporter',
    });
    await submitAudit(moved.id, allAnswers(codes, 1));
    const back = await call(api, adviser.token, 'POST', `/api/v1/cases/${moved.id}/stage`, {
      to: 'non_exporter',
      reason: 'Their only export customer went bankrupt',
    });
    expect(back.status).toBe(201);
    expect((await readJson(back)).confirmed).toBe(false);
    expect((await followUps(moved.id, 'stage-review')).map((r) => r.status)).toEqual(['done']);

    // An exporter without a plan: weak answers disagree with its behaviour (flagged); middling ones do not.
    const reaudited = await readinessCase(api, {
      smeUserId: sme.user.id,
      adviserId: adviser.user.id,
      stage: 'passive_exporter',
      exportedLast12Months: true,
    });
    await submitAudit(reaudited.id, allAnswers(codes, 1));
    const calm = await submitAudit(reaudited.id, allAnswers(codes, 2));
    expect((calm.classification as Json).flaggedForReview).toBe(false);
    expect((await followUps(reaudited.id, 'stage-review')).map((r) => r.status)).toEqual(['done']);
  });

  it('chases an overdue module (the SME in its language, then the adviser) until it is completed or cancelled', async () => {
    const kase = await caseFor(api, sme, { adviserId: adviser.user.id });
    await api.dataSource.query(`UPDATE enrolments SET language = 'es' WHERE id = $1`, [kase.enrolmentId]);
    // Emails about a case go to its company's primary contact, in the contact's language.
    await api.dataSource.query(
      `UPDATE company_contacts SET preferred_language = 'es' WHERE company_id = $1 AND is_primary`,
      [kase.companyId],
    );
    const book = async (moduleCode: string): Promise<Json> => {
      const res = await call(api, sme.token, 'POST', `/api/v1/cases/${kase.id}/training`, { moduleCode });
      expect(res.status).toBe(201);
      return readJson(res);
    };
    const booking = await book('social-media-foundations');
    const [overdue] = await followUps(kase.id, 'training-overdue');
    const [{ title }] = (await api.dataSource.query(
      `SELECT title->>'es' AS title FROM training_module WHERE code = 'social-media-foundations'`,
    )) as { title: string }[];
    expect(overdue).toMatchObject({
      status: 'scheduled',
      subject_key: booking.id,
      assignee_id: adviser.user.id,
      context: expect.objectContaining({ moduleTitle: title }),
    });
    expect(overdue.recipients.sme).toMatchObject({ userId: sme.user.id, language: 'es' });
    expect(overdue.anchor_at.toISOString()).toBe(new Date(booking.dueAt as string).toISOString());

    const passed = await call(api, sme.token, 'PATCH', `/api/v1/training/bookings/${String(booking.id)}`, {
      action: 'complete',
      answers: [0, 0, 1, 1],
    });
    expect(passed.status).toBe(200);
    expect((await followUps(kase.id, 'training-overdue')).map((r) => r.status)).toEqual(['done']);

    // A completed module cannot be booked again: the cancellation is of another module.
    const again = await book('internationalising-website-content');
    const cancelled = await call(
      api,
      officer.token,
      'PATCH',
      `/api/v1/training/bookings/${String(again.id)}`,
      {
        action: 'cancel',
      },
    );
    expect(cancelled.status).toBe(200);
    expect((await followUps(kase.id, 'training-overdue')).map((r) => [r.subject_key, r.status])).toEqual([
      [booking.id, 'done'],
      [again.id, 'cancelled'],
    ]);
  });
});
