import { createUser, signInWeb, tokenFor } from '../../support/auth';
import { jsonCaller, readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { allAnswers, countRows, readinessCase } from './support/readiness-case.factory';

/** Booting the api and hashing passwords is slow when the machine is busy; no assertion depends on it. */
const BOOT_TIMEOUT_MS = 120_000;
describe('progress: stage history, outcomes, milestones', () => {
  let api: TestApi;
  let codes: string[];
  let sme: { id: string; token: string };
  let adviser: { id: string; token: string; email: string; password: string };

  const call = jsonCaller(() => api.url);
  /** The case's outbox events so far (its opening and assignment wrote some before a test acts). */
  const outboxIds = async (caseId: string): Promise<string[]> =>
    (
      (await api.dataSource.query(`SELECT id FROM outbox_event WHERE aggregate_id = $1`, [caseId])) as Json[]
    ).map((r) => r.id as string);
  const transitions = (caseId: string): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT from_stage, to_stage, cause, reason FROM stage_transitions WHERE case_id = $1 ORDER BY occurred_at, created_at`,
      [caseId],
    );
  const stageOf = async (caseId: string): Promise<string> =>
    ((await api.dataSource.query(`SELECT stage FROM cases WHERE id = $1`, [caseId])) as Json[])[0].stage;
  const today = (): string => new Date().toISOString().slice(0, 10);

  /**
   * Holds a case row in a transaction of the test's own (FOR NO KEY UPDATE: blocks the services' FOR UPDATE,
   * not foreign-key checks) until `n` sessions of this database wait on a lock, then lets them go.
   */
  const holdCaseRow = async (caseId: string): Promise<{ releaseWhenWaiting(n: number): Promise<void> }> => {
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT 1 FROM cases WHERE id = $1 FOR NO KEY UPDATE`, [caseId]);
    return {
      async releaseWhenWaiting(n: number): Promise<void> {
        try {
          for (let attempt = 0; ; attempt++) {
            // From another session: inside the holding transaction pg_stat_activity is a frozen snapshot.
            const [{ waiting }] = (await api.dataSource.query(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )) as { waiting: number }[];
            if (waiting >= n) break;
            if (attempt > 3000) throw new Error(`only ${waiting} of ${n} requests reached the case lock`);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        } finally {
          await runner.commitTransaction();
          await runner.release();
        }
      },
    };
  };

  beforeAll(async () => {
    api = await startTestApi();
    const s = await createUser(api, 'sme');
    sme = { id: s.user.id, token: await tokenFor(api, s.user.email, s.password) };
    const a = await createUser(api, 'adviser');
    adviser = {
      id: a.user.id,
      token: await tokenFor(api, a.user.email, a.password),
      email: a.user.email,
      password: a.password,
    };
    const questionnaire = await call('GET', '/api/v1/readiness/questionnaire', sme.token);
    codes = (questionnaire.json.headings as Json[]).flatMap((h) =>
      (h.questions as Json[]).map((q) => q.code as string),
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('moves forward by outcome (rules in config), with timeline, outbox and audit rows; milestones tick', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    const opening = await outboxIds(kase.id);
    const res = await call('POST', `/api/v1/cases/${kase.id}/outcomes`, adviser.token, {
      kind: 'new_market_entered',
      country: 'DE',
      occurredOn: today(),
    });
    expect(res.status).toBe(201);
    expect(res.json.transition).toMatchObject({
      fromStage: 'non_exporter',
      toStage: 'passive_exporter',
      cause: 'outcome',
    });
    expect(res.json.milestones).toEqual(['new-market-entered']);
    expect(await stageOf(kase.id)).toBe('passive_exporter');
    const outbox = await api.dataSource.query(
      `SELECT type, payload FROM outbox_event WHERE aggregate_id = $1 AND NOT (id = ANY($2)) ORDER BY type`,
      [kase.id, opening],
    );
    expect(outbox.map((e: Json) => e.type)).toEqual(['outcome.recorded', 'stage.changed']);
    expect(outbox[1].payload).toMatchObject({
      from: 'non_exporter',
      to: 'passive_exporter',
      cause: 'outcome',
    });
    expect(
      await countRows(api.dataSource, 'audit_event', `action = 'case.stage_changed' AND entity_id = $1`, [
        kase.id,
      ]),
    ).toBe(1);
    expect(
      await countRows(api.dataSource, 'case_timeline_events', `case_id = $1 AND kind = 'stage.changed'`, [
        kase.id,
      ]),
    ).toBe(1);

    const progress = await call('GET', `/api/v1/cases/${kase.id}/progress`, sme.token);
    expect(progress.json.stage).toBe('passive_exporter');
    expect((progress.json.transitions as Json[]).map((t) => t.cause)).toEqual(['outcome']);
  });

  it('moves straight to proactive on a confirmed win once the audit has ticked the plan and market milestones', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    // Not exporting yet: the audit classifies non-exporter (no move) but proves the plan and the market research.
    const audit = await call('POST', `/api/v1/cases/${kase.id}/audits`, adviser.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 2, { 'org-export-plan': 3, 'pm-target-market': 3 }),
      submit: true,
    });
    expect(audit.json.audit.classification.stage).toBe('non_exporter');
    expect(await transitions(kase.id)).toEqual([]);

    const unconfirmed = await call('POST', `/api/v1/cases/${kase.id}/outcomes`, adviser.token, {
      kind: 'export_win',
      country: 'DE',
      valueMinor: 500000,
      currency: 'EUR',
      occurredOn: today(),
    });
    expect(unconfirmed.json.transition).toBeNull();
    const win = await call('POST', `/api/v1/cases/${kase.id}/outcomes`, adviser.token, {
      kind: 'export_win',
      country: 'DE',
      valueMinor: 1250000,
      currency: 'EUR',
      occurredOn: today(),
      confirmed: true,
    });
    expect(win.status).toBe(201);
    expect(win.json.outcome).toMatchObject({ valueMinor: 1250000, currency: 'EUR', confirmed: true });
    expect(await stageOf(kase.id)).toBe('proactive_exporter');
    expect((await transitions(kase.id)).map((t) => [t.from_stage, t.to_stage, t.cause])).toEqual([
      ['non_exporter', 'proactive_exporter', 'outcome'],
    ]);
    const progress = await call('GET', `/api/v1/cases/${kase.id}/progress`, sme.token);
    const achieved = (progress.json.milestones as Json[]).filter((m) => m.achievedAt).map((m) => m.code);
    expect(achieved.sort()).toEqual([
      'confirmed-export-win',
      'export-plan-written',
      'readiness-audit-completed',
      'target-market-researched',
    ]);
  });

  it('never moves backwards by audit; only an adviser with a reason moves it back', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    // Staff judged the non-exporting company a passive exporter (a decision with a reason).
    const forward = await call('POST', `/api/v1/cases/${kase.id}/stage`, adviser.token, {
      to: 'passive_exporter',
      reason: 'Sells abroad through a distributor',
    });
    expect(forward.status).toBe(201);
    const decided = (await transitions(kase.id)).length;
    const since = async (): Promise<Json[]> => (await transitions(kase.id)).slice(decided);
    // A weak adviser audit classifies the non-exporting company as non-exporter: recorded, but no move back.
    const audit = await call('POST', `/api/v1/cases/${kase.id}/audits`, adviser.token, {
      questionnaireVersion: 1,
      answers: allAnswers(codes, 1),
      submit: true,
    });
    expect(audit.json.audit.classification.stage).toBe('non_exporter');
    expect(await stageOf(kase.id)).toBe('passive_exporter');
    expect(await since()).toEqual([]);

    const noReason = await call('POST', `/api/v1/cases/${kase.id}/stage`, adviser.token, {
      to: 'non_exporter',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors[0]).toMatchObject({ field: 'reason' });
    const blank = await call('POST', `/api/v1/cases/${kase.id}/stage`, adviser.token, {
      to: 'non_exporter',
      reason: '      ',
    });
    expect(blank.status).toBe(400);
    // The stage it is already at: confirmed after review, no transition.
    const same = await call('POST', `/api/v1/cases/${kase.id}/stage`, adviser.token, {
      to: 'passive_exporter',
      reason: 'No change really',
    });
    expect(same.status).toBe(201);
    expect(same.json).toEqual({ transition: null, confirmed: true });
    const bySme = await call('POST', `/api/v1/cases/${kase.id}/stage`, sme.token, {
      to: 'non_exporter',
      reason: 'We stopped exporting',
    });
    expect(bySme.status).toBe(404);
    expect(await since()).toEqual([]);

    const back = await call('POST', `/api/v1/cases/${kase.id}/stage`, adviser.token, {
      to: 'non_exporter',
      reason: 'Only export customer went bankrupt in March',
    });
    expect(back.status).toBe(201);
    expect(await stageOf(kase.id)).toBe('non_exporter');
    expect(await since()).toEqual([
      {
        from_stage: 'passive_exporter',
        to_stage: 'non_exporter',
        cause: 'adviser_decision',
        reason: 'Only export customer went bankrupt in March',
      },
    ]);
  });

  it('refuses bad outcomes with field errors and writes nothing', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    const tomorrowPlus = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    const cases: [Json, number, string][] = [
      [
        { kind: 'export_win', country: 'DE', valueMinor: -5, currency: 'EUR', occurredOn: today() },
        400,
        'valueMinor',
      ],
      [
        { kind: 'export_win', country: 'DE', valueMinor: 500, currency: 'XYZ', occurredOn: today() },
        400,
        'currency',
      ],
      [
        { kind: 'export_win', country: 'DE', valueMinor: 500, currency: 'EUR', occurredOn: tomorrowPlus },
        400,
        'occurredOn',
      ],
      [{ kind: 'export_win', country: 'DE', occurredOn: today() }, 400, 'valueMinor'],
      [{ kind: 'new_market_entered', occurredOn: today() }, 400, 'country'],
      [{ kind: 'new_market_entered', country: 'XX', occurredOn: today() }, 400, 'country'],
      [{ kind: 'new_market_entered', country: 'DE', occurredOn: '2026-02-30' }, 400, 'occurredOn'],
      [{ kind: 'moon_landing', occurredOn: today() }, 400, 'kind'],
      [
        { kind: 'first_export_order', occurredOn: today(), valueMinor: 1.5, currency: 'GBP' },
        400,
        'valueMinor',
      ],
    ];
    const auditRowsBefore = await countRows(api.dataSource, 'audit_event');
    const outboxBefore = (await outboxIds(kase.id)).length;
    const timelineBefore = await countRows(api.dataSource, 'case_timeline_events', 'case_id = $1', [kase.id]);
    for (const [body, status, field] of cases) {
      const res = await call('POST', `/api/v1/cases/${kase.id}/outcomes`, adviser.token, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(res.json.errors.map((e: Json) => e.field)).toContain(field);
    }
    expect(await countRows(api.dataSource, 'export_outcomes', 'case_id = $1', [kase.id])).toBe(0);
    expect((await outboxIds(kase.id)).length).toBe(outboxBefore);
    expect(await countRows(api.dataSource, 'audit_event')).toBe(auditRowsBefore);
    expect(await countRows(api.dataSource, 'case_timeline_events', 'case_id = $1', [kase.id])).toBe(
      timelineBefore,
    );
    expect(await stageOf(kase.id)).toBe('non_exporter');
  });

  it('records an outcome once per Idempotency-Key, even when the retry arrives at the same time', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    const post = (key: string): Promise<Response> =>
      fetch(`${api.url}/api/v1/cases/${kase.id}/outcomes`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${adviser.token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({
          kind: 'first_export_order',
          country: 'IE',
          valueMinor: 75000,
          currency: 'EUR',
          occurredOn: today(),
        }),
      });
    const [first, second] = await Promise.all([post('order-42'), post('order-42')]);
    const bodies = [await readJson(first), await readJson(second)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(bodies[0].outcome.id).toBe(bodies[1].outcome.id);
    expect(bodies.map((b) => b.replayed).sort()).toEqual([false, true]);
    expect(await countRows(api.dataSource, 'export_outcomes', 'case_id = $1', [kase.id])).toBe(1);
    expect(
      await countRows(api.dataSource, 'outbox_event', `aggregate_id = $1 AND type = 'outcome.recorded'`, [
        kase.id,
      ]),
    ).toBe(1);
    expect((await transitions(kase.id)).length).toBe(1);

    const other = await post('order-43');
    expect(other.status).toBe(201);
    expect(await countRows(api.dataSource, 'export_outcomes', 'case_id = $1', [kase.id])).toBe(2);
  });

  it('counts an outcome the SME reports as confirmed', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
      stage: 'passive_exporter',
    });
    const res = await call('POST', `/api/v1/cases/${kase.id}/outcomes`, sme.token, {
      kind: 'export_win',
      country: 'ES',
      valueMinor: 990000,
      currency: 'EUR',
      occurredOn: today(),
      confirmed: false,
    });
    expect(res.status).toBe(201);
    expect(res.json.outcome.confirmed).toBe(true);
    expect(res.json.milestones).toEqual(['confirmed-export-win']);
  });

  it('applies a concurrent outcome and audit one after the other: one consistent final stage, no lost transition', async () => {
    // Either order ends proactive: audit first ticks the plan milestone, so the new market makes it proactive;
    // outcome first makes it passive and proves exporting, so the audit classifies it proactive. Applied
    // side by side on a stale read instead, the audit sees no export (no move) and the outcome sees no
    // plan (passive only): the case would end passive.
    const answers = allAnswers(codes, 3, { 'org-export-plan': 4, 'pm-target-market': 4 });
    const rounds = 20;
    for (let round = 0; round < rounds; round++) {
      const kase = await readinessCase(api, {
        smeUserId: sme.id,
        adviserId: adviser.id,
      });
      const [opened] = await api.dataSource.query(`SELECT version FROM cases WHERE id = $1`, [kase.id]);
      // Even rounds submit a saved draft (PUT), odd rounds create and submit at once (POST).
      const draft =
        round % 2 === 0
          ? await call('POST', `/api/v1/cases/${kase.id}/audits`, adviser.token, {
              questionnaireVersion: 1,
              answers,
            })
          : undefined;
      // Hold the case row so that both requests are surely in flight together; released once both wait.
      const holder = await holdCaseRow(kase.id);
      const requests = Promise.all([
        call('POST', `/api/v1/cases/${kase.id}/outcomes`, adviser.token, {
          kind: 'new_market_entered',
          country: 'FR',
          occurredOn: today(),
        }),
        draft
          ? call('PUT', `/api/v1/cases/${kase.id}/audits/${draft.json.audit.id}`, adviser.token, {
              questionnaireVersion: 1,
              submit: true,
            })
          : call('POST', `/api/v1/cases/${kase.id}/audits`, adviser.token, {
              questionnaireVersion: 1,
              answers,
              submit: true,
            }),
      ]);
      await holder.releaseWhenWaiting(2);
      const [outcome, audit] = await requests;
      expect({ round, statuses: [outcome.status, audit.status] }).toEqual({
        round,
        statuses: [201, draft ? 200 : 201],
      });
      const history = await transitions(kase.id);
      expect(history.length).toBeGreaterThanOrEqual(1);
      // The chain is unbroken: each transition starts where the previous one ended, and the last one is the
      // case's stage.
      expect(history[0].from_stage).toBe('non_exporter');
      for (let i = 1; i < history.length; i++) expect(history[i].from_stage).toBe(history[i - 1].to_stage);
      const [row] = await api.dataSource.query(`SELECT stage, version FROM cases WHERE id = $1`, [kase.id]);
      expect({ round, row }).toEqual({
        round,
        row: { stage: history[history.length - 1].to_stage, version: opened.version + history.length },
      });
      expect({ round, stage: row.stage }).toEqual({ round, stage: 'proactive_exporter' });
      // Each transition has its event, timeline entry and audit row; both requests have their audit rows.
      for (const [table, where] of [
        ['outbox_event', `aggregate_id = $1 AND type = 'stage.changed'`],
        ['case_timeline_events', `case_id = $1 AND kind = 'stage.changed'`],
        ['audit_event', `entity_id = $1 AND action = 'case.stage_changed'`],
      ])
        expect({ table, n: await countRows(api.dataSource, table, where, [kase.id]) }).toEqual({
          table,
          n: history.length,
        });
      const requestRows = await api.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_id = ANY($1) AND action <> 'access.denied' ORDER BY action`,
        [[outcome.json.outcome.id, audit.json.audit.id]],
      );
      expect(requestRows.map((r: Json) => r.action)).toEqual(
        draft
          ? [
              'export_outcome.recorded',
              'readiness_audit.created',
              'readiness_audit.submitted',
              'readiness_audit.updated',
            ]
          : ['export_outcome.recorded', 'readiness_audit.created', 'readiness_audit.submitted'],
      );
    }
  });

  it('shows the progress page to staff with forms, and re-shows the form with errors on bad input', async () => {
    const kase = await readinessCase(api, {
      smeUserId: sme.id,
      adviserId: adviser.id,
    });
    const web = await signInWeb(api, adviser.email, adviser.password);
    const page = await web.get(`/cases/${kase.id}/progress`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Non-exporter');
    expect(html).toContain('Record an outcome');

    const bad = await web.post(`/cases/${kase.id}/progress/outcomes`, {
      kind: 'export_win',
      country: 'DE',
      value: '-3',
      currency: 'EUR',
      occurredOn: today(),
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('govuk-error-summary');
    expect(badHtml).toMatch(/<title>Error:/);
    expect(await countRows(api.dataSource, 'export_outcomes', 'case_id = $1', [kase.id])).toBe(0);

    const good = await web.post(`/cases/${kase.id}/progress/outcomes`, {
      kind: 'export_win',
      country: 'de',
      value: '12,500.50',
      currency: 'eur',
      occurredOn: today(),
      confirmed: 'yes',
    });
    expect(good.status).toBe(303);
    const [outcome] = await api.dataSource.query(
      `SELECT value_minor, currency, country, confirmed FROM export_outcomes WHERE case_id = $1`,
      [kase.id],
    );
    expect(outcome).toEqual({ value_minor: '1250050', currency: 'EUR', country: 'DE', confirmed: true });

    const back = await web.post(`/cases/${kase.id}/progress/stage`, { to: 'non_exporter', reason: '' });
    expect(back.status).toBe(400);
    const decided = await web.post(`/cases/${kase.id}/progress/stage`, {
      to: 'non_exporter',
      reason: 'The win was cancelled by the buyer',
    });
    expect(decided.status).toBe(303);
    const after = await (await web.get(`/cases/${kase.id}/progress`)).text();
    expect(after).toContain('The win was cancelled by the buyer');
    expect(after).toContain('Adviser&#39;s decision');
    // The value is money in the reader's language, never minor units.
    expect(after).toContain('€12,500.50');
    expect(after).not.toContain('1250050');
    const german = await (await web.get(`/cases/${kase.id}/progress?lang=de`)).text();
    expect(german.replace(/\u00a0/g, ' ')).toContain('12.500,50 €');
    await web.get('/home?lang=en');

    // The stage it is at already: a confirmation, said as such, with no new transition.
    const transitionsBefore = await countRows(api.dataSource, 'stage_transitions', 'case_id = $1', [kase.id]);
    const confirmed = await web.post(`/cases/${kase.id}/progress/stage`, {
      to: 'non_exporter',
      reason: 'Reviewed the flagged audit: agreed',
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/cases/${kase.id}/progress?confirmed=1`);
    const banner = await (await web.get(`/cases/${kase.id}/progress?confirmed=1`)).text();
    expect(banner).toContain('Stage confirmed after review');
    expect(await countRows(api.dataSource, 'stage_transitions', 'case_id = $1', [kase.id])).toBe(
      transitionsBefore,
    );
  });
});
