import { ReadinessService } from '@app/readiness';
import { createUser, tokenFor } from '../../support/auth';
import { jsonCaller, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { allAnswers, countRows, readinessCase } from '../progress/support/readiness-case.factory';

/** Booting the api and hashing passwords is slow when the machine is busy; no assertion depends on it. */
const BOOT_TIMEOUT_MS = 120_000;
describe('readiness audits (API)', () => {
  let api: TestApi;
  let codes: string[];
  let sme: { id: string; token: string };
  let adviser: { id: string; token: string };
  let otherSmeToken: string;
  let otherAdviserToken: string;

  const call = jsonCaller(() => api.url);

  const person = async (role: 'sme' | 'adviser' | 'officer'): Promise<{ id: string; token: string }> => {
    const { user, password } = await createUser(api, role);
    return { id: user.id, token: await tokenFor(api, user.email, password) };
  };

  beforeAll(async () => {
    api = await startTestApi();
    sme = await person('sme');
    adviser = await person('adviser');
    otherSmeToken = (await person('sme')).token;
    otherAdviserToken = (await person('adviser')).token;
    const questionnaire = await call('GET', '/api/v1/readiness/questionnaire', sme.token);
    codes = (questionnaire.json.headings as { questions: { code: string }[] }[]).flatMap((h) =>
      h.questions.map((q) => q.code),
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('serves the current questionnaire with every text in en, es and de', async () => {
    const { status, json } = await call('GET', '/api/v1/readiness/questionnaire', sme.token);
    expect(status).toBe(200);
    expect(json.version).toBe(1);
    expect(json.headings.map((h: Json) => h.code)).toEqual([
      'psychological',
      'organisational',
      'operational',
      'product_market',
      'social_media',
    ]);
    expect(json.headings[4].title.de).toBe('Social-Media-Reife');
    expect(json.headings[1].questions[3].anchors).toHaveLength(5);
    expect(codes.length).toBeGreaterThanOrEqual(15);
  });

  it('saves an incomplete draft, refuses bad answers with field errors and writes nothing', async () => {
    const kase = await readinessCase(api, { smeUserId: sme.id });
    const path = `/api/v1/cases/${kase.id}/audits`;

    const draft = await call('POST', path, sme.token, {
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 2 },
    });
    expect(draft.status).toBe(201);
    expect(draft.json.audit).toMatchObject({
      kind: 'self',
      status: 'draft',
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 2 },
    });
    const auditId = draft.json.audit.id as string;

    const before = await countRows(api.dataSource, 'audit_event', `entity_id = $1`, [auditId]);
    const outOfRange = await call('PUT', `${path}/${auditId}`, sme.token, {
      questionnaireVersion: 1,
      answers: { 'psy-confidence': 5, 'no-such-question': 1 },
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'answers.psy-confidence', code: 'answerRange' }),
        expect.objectContaining({ field: 'answers.no-such-question', code: 'unknownQuestion' }),
      ]),
    );

    const missing = await call('PUT', `${path}/${auditId}`, sme.token, {
      questionnaireVersion: 1,
      answers: { 'psy-confidence': 3 },
      submit: true,
    });
    expect(missing.status).toBe(422);
    expect(missing.json.errors).toHaveLength(codes.length - 2);
    expect(missing.json.errors[0]).toMatchObject({ code: 'isNotEmpty' });

    const wrongVersion = await call('PUT', `${path}/${auditId}`, sme.token, {
      questionnaireVersion: 2,
      answers: {},
    });
    expect(wrongVersion.status).toBe(422);
    expect(wrongVersion.json.errors[0]).toMatchObject({ field: 'questionnaireVersion' });
    const newOnOldVersion = await call('POST', path, sme.token, { questionnaireVersion: 7, answers: {} });
    expect(newOnOldVersion.status).toBe(422);

    const badType = await call('POST', path, sme.token, { questionnaireVersion: 'one', answers: [] });
    expect(badType.status).toBe(400);

    // Nothing of the refused requests was written: the draft is as it was, no submission happened.
    const after = await call('GET', `${path}/${auditId}`, sme.token);
    expect(after.json.audit).toMatchObject({ status: 'draft', answers: { 'psy-export-goal': 2 } });
    expect(await countRows(api.dataSource, 'audit_event', `entity_id = $1`, [auditId])).toBe(before);
    expect(await countRows(api.dataSource, 'readiness_audits', `case_id = $1`, [kase.id])).toBe(1);
    expect(
      await countRows(api.dataSource, 'outbox_event', `type = 'audit.completed' AND aggregate_id = $1`, [
        kase.id,
      ]),
    ).toBe(0);
  });

  it('scores, classifies with reasons and recommends on submit; an adviser audit from it moves the stage and shows the change', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
      exportedLast12Months: true,
      exportMarkets: ['FR'],
      orderOrigin: 'unsolicited',
    });
    const [opened] = await api.dataSource.query(`SELECT version FROM cases WHERE id = $1`, [kase.id]);
    const path = `/api/v1/cases/${kase.id}/audits`;
    // The SME: exports, no plan (1), weak leads (0); everything else 2.
    const self = await call('POST', path, sme.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 2, { 'org-export-plan': 1, 'sm-leads': 0 }),
      submit: true,
    });
    expect(self.status).toBe(201);
    const selfAudit = self.json.audit;
    expect(selfAudit.status).toBe('submitted');
    expect(selfAudit.headingScores.organisational).toBe(43.8); // (2+2+2+1)/4 × 25 = 43.75
    expect(selfAudit.headingScores.social_media).toBe(40); // (2+2+2+0+2)/5 × 25
    // Overall 46.8: the passive band agrees with behaviour (exports, no plan); no heading below 40.
    expect(selfAudit.overallScore).toBe(46.8);
    expect(selfAudit.classification).toMatchObject({
      stage: 'passive_exporter',
      scoreStage: 'passive_exporter',
      flaggedForReview: false,
      readyForNextStage: false,
    });
    expect(selfAudit.classification.reasons.map((r: Json) => r.code)).toEqual([
      'exportsNow',
      'noExportPlan',
      'noTargetMarkets',
      'scoreBand',
      'notReadyForNext',
    ]);
    // A self-assessment is shown but does not change the record (config: auditKindsThatMoveStage).
    expect(await countRows(api.dataSource, 'stage_transitions', 'case_id = $1', [kase.id])).toBe(0);

    const recommendations = await call('GET', `/api/v1/cases/${kase.id}/recommendations`, sme.token);
    expect(recommendations.json.recommendations.map((r: Json) => r.code)).toEqual(
      expect.arrayContaining([
        'export-plan-coaching',
        'linkedin-b2b-prospecting',
        'selling-online-marketplaces',
      ]),
    );

    // The adviser starts from the self-assessment, changes two answers with evidence, and submits.
    const started = await call('POST', path, adviser.token, {
      questionnaireVersion: 1,
      baseAuditId: selfAudit.id,
    });
    expect(started.status).toBe(201);
    expect(started.json.audit).toMatchObject({
      kind: 'adviser',
      status: 'draft',
      baseAuditId: selfAudit.id,
      answers: selfAudit.answers,
    });
    const submitted = await call('PUT', `${path}/${started.json.audit.id}`, adviser.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 3, { 'org-export-plan': 4 }),
      evidence: { 'org-export-plan': 'Saw the 2026 export plan with country targets' },
      submit: true,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json.audit.classification).toMatchObject({
      stage: 'proactive_exporter',
      scoreStage: 'proactive_exporter',
    });
    expect(submitted.json.audit.evidence['org-export-plan']).toContain('export plan');
    const psychological = submitted.json.comparison.find((c: Json) => c.heading === 'psychological');
    expect(psychological).toEqual({ heading: 'psychological', score: 75, previous: 50, change: 25 });

    const [caseRow] = await api.dataSource.query(`SELECT stage, version FROM cases WHERE id = $1`, [kase.id]);
    expect(caseRow).toMatchObject({ stage: 'proactive_exporter', version: opened.version + 1 });
    const transitions = await api.dataSource.query(
      `SELECT from_stage, to_stage, cause, ref_id FROM stage_transitions WHERE case_id = $1`,
      [kase.id],
    );
    expect(transitions).toEqual([
      {
        from_stage: 'passive_exporter', // it exported in the last 12 months: the provisional stage at opening
        to_stage: 'proactive_exporter',
        cause: 'audit',
        ref_id: started.json.audit.id,
      },
    ]);
    const events = await api.dataSource.query(
      // Besides the events of the case's opening and assignment.
      `SELECT type FROM outbox_event WHERE aggregate_id = $1 AND type NOT IN ('case.opened', 'case.assigned')
        ORDER BY type`,
      [kase.id],
    );
    expect(events.map((e: Json) => e.type)).toEqual(['audit.completed', 'audit.completed', 'stage.changed']);
    const timeline = await api.dataSource.query(`SELECT kind FROM case_timeline_events WHERE case_id = $1`, [
      kase.id,
    ]);
    expect(timeline.map((e: Json) => e.kind)).toEqual(
      expect.arrayContaining(['audit.completed', 'stage.changed', 'milestone.achieved']),
    );
    expect(
      await countRows(api.dataSource, 'audit_event', `action = 'readiness_audit.submitted'`),
    ).toBeGreaterThanOrEqual(2);

    // The trend lists both, oldest first.
    const list = await call('GET', path, sme.token);
    expect(list.json.trend.map((p: Json) => p.overall)).toEqual([
      selfAudit.overallScore,
      submitted.json.audit.overallScore,
    ]);

    // A submitted audit never changes again.
    const again = await call('PUT', `${path}/${started.json.audit.id}`, adviser.token, {
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 0 },
    });
    expect(again.status).toBe(409);
  });

  it('lets the adviser accept, drop and add recommendations with a note, recorded and audited', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    await call('POST', `/api/v1/cases/${kase.id}/audits`, sme.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 4, { 'ops-documents': 1, 'ops-payment': 2 }),
      submit: true,
    });
    const proposed = (await call('GET', `/api/v1/cases/${kase.id}/recommendations`, adviser.token)).json
      .recommendations as Json[];
    expect(proposed.map((r) => [r.code, r.status])).toEqual([
      ['documentation-logistics', 'proposed'],
      ['export-finance', 'proposed'],
    ]);
    const finance = proposed.find((r) => r.code === 'export-finance') as Json;
    // The answer given and why it led here, not the question alone (which read as if it were the answer).
    expect(finance.because).toEqual([
      'You answered “Case by case” to “Getting paid: payment methods, credit insurance, currency risk”. ' +
        'This help is suggested for answers below “Standard terms and some cover”.',
    ]);
    const german = await fetch(`${api.url}/api/v1/cases/${kase.id}/recommendations`, {
      headers: { authorization: `Bearer ${adviser.token}`, 'accept-language': 'de' },
    });
    const germanFinance = ((await german.json()) as { recommendations: Json[] }).recommendations.find(
      (r) => r.code === 'export-finance',
    ) as Json;
    expect(germanFinance.because).toEqual([
      'Sie haben auf „Bezahlt werden: Zahlungsarten, Kreditversicherung, Währungsrisiko“ mit „Von Fall zu Fall“ ' +
        'geantwortet. Diese Hilfe schlagen wir bei Antworten unter „Standardbedingungen und etwas Absicherung“ vor.',
    ]);

    const dropped = await call(
      'PATCH',
      `/api/v1/cases/${kase.id}/recommendations/${finance.id}`,
      adviser.token,
      {
        decision: 'dropped',
        note: 'Already insured through their bank',
      },
    );
    expect(dropped.status).toBe(200);
    const accepted = await call(
      'PATCH',
      `/api/v1/cases/${kase.id}/recommendations/${proposed[0].id}`,
      adviser.token,
      { decision: 'accepted' },
    );
    expect(accepted.json.recommendation.status).toBe('accepted');
    const added = await call('POST', `/api/v1/cases/${kase.id}/recommendations`, adviser.token, {
      kind: 'training',
      code: 'selling-online-marketplaces',
      note: 'Wants to test Amazon DE',
    });
    expect(added.status).toBe(201);
    const unknown = await call('POST', `/api/v1/cases/${kase.id}/recommendations`, adviser.token, {
      kind: 'measure',
      code: 'free-lunch',
      note: 'why not',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatchObject({ field: 'code' });

    const actions = await api.dataSource.query(
      `SELECT action, after, actor_id FROM audit_event WHERE entity_type = 'recommendation' ORDER BY id`,
    );
    // Who decided is recorded on every override.
    expect(actions.map((a: Json) => a.actor_id)).toEqual([adviser.id, adviser.id, adviser.id]);
    expect(actions.map((a: Json) => a.action)).toEqual([
      'recommendation.dropped',
      'recommendation.accepted',
      'recommendation.added',
    ]);
    expect(actions[0].after).toMatchObject({ status: 'dropped', note: 'Already insured through their bank' });
    expect(actions[2].after).toMatchObject({
      code: 'selling-online-marketplaces',
      note: 'Wants to test Amazon DE',
    });
    const [stored] = await api.dataSource.query(
      `SELECT status, note, decided_by_id FROM readiness_recommendations WHERE id = $1`,
      [finance.id],
    );
    expect(stored).toEqual({
      status: 'dropped',
      note: 'Already insured through their bank',
      decided_by_id: adviser.id,
    });

    // The SME sees the accepted and added help in plain language, not the dropped one.
    const smeView = (await call('GET', `/api/v1/cases/${kase.id}/recommendations`, sme.token)).json
      .recommendations as Json[];
    expect(smeView.map((r) => r.code)).toEqual(['documentation-logistics', 'selling-online-marketplaces']);
    expect(smeView[1]).toMatchObject({
      origin: 'adviser',
      text: 'Selling through online marketplaces',
      note: 'Wants to test Amazon DE',
    });

    // A re-audit keeps the adviser's decisions and supersedes what it no longer proposes.
    await call('POST', `/api/v1/cases/${kase.id}/audits`, sme.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 4, { 'ops-payment': 1 }),
      submit: true,
    });
    const afterReaudit = (await call('GET', `/api/v1/cases/${kase.id}/recommendations`, adviser.token)).json
      .recommendations as Json[];
    expect(afterReaudit.map((r) => [r.code, r.status])).toEqual([
      ['documentation-logistics', 'accepted'],
      ['export-finance', 'dropped'],
      ['selling-online-marketplaces', 'accepted'],
    ]);
  });

  it('gives the latest submitted scores of many cases at once (for the caseload)', async () => {
    const audited = await readinessCase(api, { smeUserId: sme.id });
    const draftOnly = await readinessCase(api, { smeUserId: sme.id });
    const path = `/api/v1/cases/${audited.id}/audits`;
    await call('POST', path, sme.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 1),
      submit: true,
    });
    const second = await call('POST', path, sme.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 3, { 'org-export-plan': 1 }),
      submit: true,
    });
    // A later draft is not a score.
    await call('POST', path, sme.token, { questionnaireVersion: 1, answers: { 'psy-export-goal': 0 } });
    await call('POST', `/api/v1/cases/${draftOnly.id}/audits`, sme.token, {
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 4 },
    });

    const latest = await api.app
      .get(ReadinessService)
      .latestScoresForCases([audited.id, draftOnly.id, audited.id]);
    expect([...latest.keys()]).toEqual([audited.id]);
    const scores = latest.get(audited.id);
    expect(scores).toMatchObject({
      caseId: audited.id,
      auditId: second.json.audit.id,
      kind: 'self',
      overall: second.json.audit.overallScore,
      headings: second.json.audit.headingScores,
    });
    expect(scores?.headings.organisational).toBe(62.5);
    expect(scores?.auditedAt.toISOString()).toBe(second.json.audit.submittedAt);
    expect((await api.app.get(ReadinessService).latestScoresForCases([])).size).toBe(0);
  });

  it('answers 404 to anyone who may not see or work the case', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    expect((await call('GET', `/api/v1/cases/${kase.id}/audits`, otherSmeToken)).status).toBe(404);
    expect(
      (await call('POST', `/api/v1/cases/${kase.id}/audits`, otherAdviserToken, { questionnaireVersion: 1 }))
        .status,
    ).toBe(404);
    expect((await call('GET', `/api/v1/cases/${kase.id}/recommendations`, otherAdviserToken)).status).toBe(
      404,
    );
    expect((await call('GET', `/api/v1/cases/not-a-uuid/audits`, sme.token)).status).toBe(404);
    expect(await countRows(api.dataSource, 'readiness_audits', 'case_id = $1', [kase.id])).toBe(0);
  });

  it("refuses (404) and audits an edit of the other side's audit on the same case", async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    const draft = await call('POST', `/api/v1/cases/${kase.id}/audits`, adviser.token, {
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 1 },
    });
    const path = `/api/v1/cases/${kase.id}/audits/${draft.json.audit.id}`;
    const bySme = await call('PUT', path, sme.token, {
      questionnaireVersion: 1,
      answers: { 'psy-export-goal': 4 },
    });
    expect(bySme.status).toBe(404);
    const denied = await api.dataSource.query(
      `SELECT actor_id, entity_type FROM audit_event WHERE action = 'access.denied' AND entity_id = $1`,
      [draft.json.audit.id],
    );
    expect(denied).toEqual([{ actor_id: sme.id, entity_type: 'readiness_audit' }]);
    expect((await call('GET', path, adviser.token)).json.audit.answers).toEqual({ 'psy-export-goal': 1 });

    // The adviser's work in progress is not the SME's to read either; once submitted, it is.
    expect((await call('GET', path, sme.token)).status).toBe(404);
    expect(
      await countRows(api.dataSource, 'audit_event', `action = 'access.denied' AND entity_id = $1`, [
        draft.json.audit.id,
      ]),
    ).toBe(2);
    const listPath = `/api/v1/cases/${kase.id}/audits`;
    expect((await call('GET', listPath, sme.token)).json.audits).toEqual([]);
    expect((await call('GET', listPath, adviser.token)).json.audits).toHaveLength(1);
    await call('PUT', path, adviser.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 2),
      submit: true,
    });
    expect((await call('GET', path, sme.token)).json.audit.status).toBe('submitted');
    expect((await call('GET', listPath, sme.token)).json.audits).toHaveLength(1);
  });
});
