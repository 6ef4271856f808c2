import { ReadinessScoreHandler } from '@app/advisers';
import { FollowUpService } from '@app/follow-ups';
import { DomainEvent, OutboxEvent } from '@app/messaging';
import { buildCase, type CaseOptions, type SmeCase } from '../../factories';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { call, createAdviser, createStaff, Staff } from './support/advisers.factory';

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const daysAhead = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Row {
  caseId: string;
  companyName: string;
  stage: string;
  lastContactOn: string | null;
  nextStepDue: string | null;
  nextFollowUp: { kind: string; deadlineAt: string } | null;
  overdue: boolean;
  readinessScore: number | null;
}

describe('caseload API: filters, sorts, keyset pages, interactions, locking, access', () => {
  let api: TestApi;
  let officer: Staff;
  let adviser: Staff;
  let other: Staff;
  const mine: Record<string, SmeCase> = {};
  let theirs: SmeCase;

  const logInteraction = async (caseId: string, body: Record<string, unknown>, token = adviser.token) => {
    const res = await call(api, token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
      kind: 'call',
      notes: 'Talked through export plans',
      ...body,
    });
    if (res.status !== 201) throw new Error(`interaction: ${res.status} ${await res.text()}`);
    return readJson(res);
  };

  /** Every page of a query, following nextCursor. */
  const allPages = async (query: string, token = adviser.token): Promise<Row[][]> => {
    const pages: Row[][] = [];
    let cursor: string | undefined;
    do {
      const res = await call(api, token, 'GET', `/api/v1/cases?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = await readJson(res);
      pages.push(body.items);
      cursor = body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  };

  const ids = (rows: Row[]) => rows.map((r) => r.caseId);

  beforeAll(async () => {
    api = await startTestApi();
    officer = await createStaff(api, 'officer');
    adviser = await createAdviser(api, officer, {});
    other = await createAdviser(api, officer, {});
    const mk = async (key: string, company: Record<string, unknown>, options: CaseOptions = {}) => {
      // Opened two months ago, so the interactions dated below come after the opening.
      mine[key] = await buildCase(api, {
        company,
        adviserId: adviser.user.id,
        stage: 'non_exporter',
        openedDaysAgo: 60,
        ...options,
      });
    };
    // Three companies with the same name and the same next-step date: equal sort keys across a page boundary.
    await mk('same1', { legalName: 'Same Name Ltd', naceCode: '10.11' }, { targetMarkets: ['DE'] });
    await mk('same2', { legalName: 'Same Name Ltd', naceCode: '10.12' }, { targetMarkets: ['DE', 'FR'] });
    await mk('same3', { legalName: 'Same Name Ltd', naceCode: '62.01' }, { targetMarkets: ['US'] });
    await mk(
      'alpha',
      { naceCode: '46.90', legalName: 'Alpha Foods', registrationNumber: 'AB123456' },
      { stage: 'passive_exporter' },
    );
    await mk(
      'zulu',
      { legalName: 'Zulu Textiles', naceCode: '13.10', region: 'wales' },
      { stage: 'proactive_exporter' },
    );
    await mk('quiet', { legalName: 'Quiet Widgets', naceCode: '25.62' }, { openedDaysAgo: 90 });
    theirs = await buildCase(api, { company: { legalName: 'Same Name Ltd' }, adviserId: other.user.id });

    for (const key of ['same1', 'same2', 'same3'])
      await logInteraction(mine[key].caseId, {
        occurredOn: daysAgo(3),
        nextStep: 'Send market report',
        nextStepDue: daysAgo(1),
      });
    await logInteraction(mine.alpha.caseId, {
      occurredOn: daysAgo(40),
      nextStep: 'Call back',
      nextStepDue: daysAhead(5),
    });
    await logInteraction(mine.zulu.caseId, { occurredOn: daysAgo(1) });
  });
  afterAll(() => api?.close());

  it('lists only the adviser’s own cases, with counts per filter', async () => {
    const res = await call(api, adviser.token, 'GET', '/api/v1/cases');
    const body = await readJson(res);
    expect(body.items).toHaveLength(6);
    expect(ids(body.items)).not.toContain(theirs.caseId);
    expect(body.counts).toEqual({
      total: 6,
      byStage: { non_exporter: 4, passive_exporter: 1, proactive_exporter: 1 },
      byStatus: { awaiting_assignment: 0, active: 6, closed: 0 },
      overdue: 3,
      neverContacted: 1,
    });
  });

  it.each<[string, string[]]>([
    ['stage=passive_exporter', ['alpha']],
    ['sector=10', ['same1', 'same2']],
    ['sector=10.12', ['same2']],
    ['market=de', ['same1', 'same2']],
    ['overdue=true', ['same1', 'same2', 'same3']],
    ['noContactDays=30', ['alpha', 'quiet']],
    ['q=alpha', ['alpha']],
    ['q=ab%20123456', ['alpha']],
    ['region=wales', ['zulu']],
    ['status=closed', []],
    ['q=same&market=US', ['same3']],
  ])('filters by %s', async (query, expected) => {
    const [rows] = await allPages(`${query}&limit=100`);
    expect(ids(rows).sort()).toEqual(expected.map((k) => mine[k].caseId).sort());
  });

  it('sorts by name, stage, last contact and next due date', async () => {
    const sorted = async (sort: string) => ids((await allPages(`sort=${sort}&limit=100`))[0]);
    const same = ['same1', 'same2', 'same3'].map((k) => mine[k].caseId).sort();
    expect(await sorted('name')).toEqual([mine.alpha.caseId, mine.quiet.caseId, ...same, mine.zulu.caseId]);
    const byStage = await sorted('stage');
    expect(byStage.slice(4)).toEqual([mine.alpha.caseId, mine.zulu.caseId]);
    // Longest without contact first: never contacted, then 40 days, then 3 days (ties by id), then yesterday.
    expect(await sorted('lastContact')).toEqual([
      mine.quiet.caseId,
      mine.alpha.caseId,
      ...same,
      mine.zulu.caseId,
    ]);
    // Most overdue / soonest first, no next step last.
    const byDue = await sorted('nextDue');
    expect(byDue.slice(0, 4)).toEqual([...same, mine.alpha.caseId]);
    expect(byDue.slice(4).sort()).toEqual([mine.quiet.caseId, mine.zulu.caseId].sort());
  });

  it.each(['name', 'nextDue', 'lastContact', 'stage'])(
    'pages by keyset with equal sort keys across the boundary (sort=%s, 2 per page)',
    async (sort) => {
      const [whole] = await allPages(`sort=${sort}&limit=100`);
      const pages = await allPages(`sort=${sort}&limit=2`);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
      expect(ids(pages.flat())).toEqual(ids(whole));
      expect(new Set(ids(pages.flat())).size).toBe(6);
    },
  );

  it('rejects a bad filter or a cursor from another sort with a 400 naming the field', async () => {
    const bad = await call(api, adviser.token, 'GET', '/api/v1/cases?stage=exporter&limit=1000');
    expect(bad.status).toBe(400);
    const fields = (await readJson(bad)).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['limit', 'stage']);
    const first = await readJson(await call(api, adviser.token, 'GET', '/api/v1/cases?sort=name&limit=2'));
    const mixed = await call(
      api,
      adviser.token,
      'GET',
      `/api/v1/cases?sort=stage&cursor=${first.nextCursor}`,
    );
    expect(mixed.status).toBe(400);
    expect((await readJson(mixed)).errors[0].field).toBe('cursor');
  });

  it('refuses hand-made, tampered, truncated and garbage cursors with a 400 problem naming cursor', async () => {
    const first = await readJson(await call(api, adviser.token, 'GET', '/api/v1/cases?sort=stage&limit=1'));
    const issued: string = first.nextCursor;
    expect(typeof issued).toBe('string');
    const handMade = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const [payload, signature] = issued.split('.');
    const cursors = [
      // The old unsigned format: its values went straight into `$1::int` and `$2::uuid` casts.
      handMade({ s: 'stage', k: 'not-a-number', id: '00000000-0000-0000-0000-000000000000' }),
      handMade({ s: 'stage', k: '99999999999999999999', id: '00000000-0000-0000-0000-000000000000' }),
      `${handMade(['1', '00000000-0000-0000-0000-000000000000'])}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      issued.slice(0, -4),
      'garbage',
      '%00',
      'x'.repeat(3000),
    ];
    for (const cursor of cursors) {
      const res = await call(
        api,
        adviser.token,
        'GET',
        `/api/v1/cases?sort=stage&cursor=${encodeURIComponent(cursor)}`,
      );
      expect([cursor.slice(0, 40), res.status]).toEqual([cursor.slice(0, 40), 400]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await readJson(res)).errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
    }
    const next = await call(api, adviser.token, 'GET', `/api/v1/cases?sort=stage&limit=1&cursor=${issued}`);
    expect(next.status).toBe(200);
  });

  it('takes "overdue" and the next follow-up from open follow-ups, and the score from audit.completed', async () => {
    const quiet = mine.quiet.caseId;
    const rowOf = async (caseId: string): Promise<Row | undefined> =>
      (await allPages('limit=100')).flat().find((r) => r.caseId === caseId);
    // Its assignment's first-contact reminder is due five working days after it: next, not yet overdue.
    expect(await rowOf(quiet)).toMatchObject({
      overdue: false,
      nextFollowUp: { kind: 'first-contact' },
      readinessScore: null,
    });

    // Replaced by a first-contact follow-up whose deadline (5 working days after a month-old anchor) has passed.
    const followUps = api.app.get(FollowUpService);
    await api.dataSource.transaction((m) =>
      followUps.schedule(m, {
        rule: 'first-contact',
        caseId: quiet,
        anchorAt: new Date(Date.now() - 30 * 86_400_000),
        sourceKey: `caseload-test:${quiet}`,
        assignee: { userId: adviser.user.id, email: adviser.user.email, name: adviser.user.name },
        ifOpen: 'replace',
      }),
    );
    expect(await rowOf(quiet)).toMatchObject({ overdue: true, nextFollowUp: { kind: 'first-contact' } });
    const [overdueRows] = await allPages('overdue=true&limit=100');
    expect(ids(overdueRows)).toContain(quiet);
    const counts = (await readJson(await call(api, adviser.token, 'GET', '/api/v1/cases'))).counts;
    expect(counts.overdue).toBe(4);
    const load = (await readJson(await call(api, officer.token, 'GET', '/api/v1/advisers'))) as unknown;
    const loadRows = (Array.isArray(load) ? load : (load as { items: unknown[] }).items) as {
      userId: string;
      overdue: number;
    }[];
    expect(loadRows.find((a) => a.userId === adviser.user.id)?.overdue).toBe(4);

    // Done: no longer overdue, and the filter drops it.
    await api.dataSource.transaction((m) =>
      followUps.complete(m, { caseId: quiet, rules: ['first-contact'], reason: 'contacted' }),
    );
    expect(await rowOf(quiet)).toMatchObject({ overdue: false, nextFollowUp: null });

    // A real submitted audit's outbox event, handled as the worker would (twice, then a late older one).
    const questionnaire = await readJson(
      await call(api, adviser.token, 'GET', '/api/v1/readiness/questionnaire'),
    );
    const codes = (questionnaire.headings as { questions: { code: string }[] }[]).flatMap((h) =>
      h.questions.map((q) => q.code),
    );
    const audit = await call(api, adviser.token, 'POST', `/api/v1/cases/${quiet}/audits`, {
      questionnaireVersion: 1,
      answers: Object.fromEntries(codes.map((code) => [code, 3])),
      submit: true,
    });
    expect(audit.status).toBe(201);
    const overall = (await readJson(audit)).audit.overallScore as number;
    const row = await api.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ type: 'audit.completed', aggregateId: quiet });
    const event = { ...row } as unknown as DomainEvent<'audit.completed'>;
    const handler = api.app.get(ReadinessScoreHandler);
    expect(await handler.handle(event)).toBe('updated');
    expect(await handler.handle(event)).toBe('updated');
    const older = { ...event, payload: { ...event.payload, overall: 10 } };
    older.occurredAt = new Date(event.occurredAt.getTime() - 60_000);
    expect(await handler.handle(older)).toBe('stale');
    expect((await rowOf(quiet))?.readinessScore).toBe(overall);
  });

  it('lets officers see every case and filter by adviser', async () => {
    const [all] = await allPages('limit=100', officer.token);
    expect(ids(all)).toEqual(expect.arrayContaining([theirs.caseId, mine.alpha.caseId]));
    const [theirsOnly] = await allPages(`adviserId=${other.user.id}&limit=100`, officer.token);
    expect(ids(theirsOnly)).toEqual([theirs.caseId]);
    // An adviser asking for someone else's caseload still gets their own.
    const [ignored] = await allPages(`adviserId=${other.user.id}&limit=100`);
    expect(ids(ignored)).not.toContain(theirs.caseId);
  });

  it('reuses an officer’s counts for a while but always lists live rows; an adviser’s counts are live', async () => {
    const get = async (token: string) =>
      readJson(await call(api, token, 'GET', `/api/v1/cases?adviserId=${other.user.id}&limit=100`));
    const before = await get(officer.token);
    const added = await buildCase(api, { adviserId: other.user.id });
    const after = await get(officer.token);
    expect(ids(after.items)).toContain(added.caseId);
    expect(after.countsAsOf).toBe(before.countsAsOf);
    expect(after.counts.total).toBe(before.counts.total);
    const adviserNow = await get(other.token);
    expect(adviserNow.counts.total).toBe(before.counts.total + 1);
  });

  it('marks the first interaction as first contact and records timeline and outbox events', async () => {
    const kase = await buildCase(api, { adviserId: adviser.user.id, openedDaysAgo: 7 });
    const first = await logInteraction(kase.caseId, {
      kind: 'meeting',
      occurredOn: daysAgo(2),
      barriers: ['psychological', 'social_media'],
      supportMeasures: ['market-research'],
      nextStep: 'Draft export plan',
      nextStepDue: daysAhead(7),
    });
    expect(first.firstContact).toBe(true);
    const second = await logInteraction(kase.caseId, { kind: 'email', occurredOn: daysAgo(1) });
    expect(second.firstContact).toBe(false);
    const [work] = await api.dataSource.query(
      `SELECT first_contact_on::text, last_contact_on::text, next_step FROM case_work WHERE case_id = $1`,
      [kase.caseId],
    );
    expect(work).toEqual({ first_contact_on: daysAgo(2), last_contact_on: daysAgo(1), next_step: null });
    const timeline = await api.dataSource.query(
      `SELECT data FROM case_timeline_events WHERE case_id = $1 AND kind = 'interaction.logged' ORDER BY occurred_at`,
      [kase.caseId],
    );
    expect(timeline[0].data).toMatchObject({
      kind: 'meeting',
      firstContact: true,
      barriers: ['psychological', 'social_media'],
    });
    const outbox = await api.dataSource.query(
      `SELECT payload FROM outbox_event WHERE type = 'interaction.logged' AND aggregate_id = $1 ORDER BY occurred_at`,
      [kase.caseId],
    );
    expect(outbox).toHaveLength(2);
    // The next step became a follow-up, then the second interaction (no next step) cancelled it; the
    // dormancy check (and the closure proposal after it) restarts from the latest contact.
    const followUps = await api.dataSource.query(
      `SELECT rule_code, status, anchor_at FROM follow_up WHERE case_id = $1 ORDER BY rule_code, status`,
      [kase.caseId],
    );
    expect(followUps.map((f: { rule_code: string; status: string }) => `${f.rule_code}:${f.status}`)).toEqual(
      [
        'closure-proposed:cancelled',
        'closure-proposed:scheduled',
        'dormant-case:cancelled',
        'dormant-case:scheduled',
        // The assignment's first-contact reminder, done by the first interaction.
        'first-contact:done',
        'next-step-due:cancelled',
      ],
    );
    expect(followUps[1].anchor_at.toISOString().slice(0, 10)).toBe(daysAgo(1));
    expect(followUps[3].anchor_at.toISOString().slice(0, 10)).toBe(daysAgo(1));
    expect(outbox[0].payload).toMatchObject({
      firstContact: true,
      nextStepDue: daysAhead(7),
      adviserId: adviser.user.id,
    });
  });

  it('rejects a bad interaction with field errors and writes nothing', async () => {
    const kase = mine.quiet;
    const res = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.caseId}/interactions`, {
      kind: 'telepathy',
      occurredOn: 'yesterday',
      notes: '',
      barriers: ['fear'],
    });
    expect(res.status).toBe(400);
    const fields = (await readJson(res)).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['barriers', 'kind', 'notes', 'occurredOn']));
    const unknownMeasure = await call(
      api,
      adviser.token,
      'POST',
      `/api/v1/cases/${kase.caseId}/interactions`,
      {
        kind: 'call',
        occurredOn: daysAgo(1),
        notes: 'ok',
        supportMeasures: ['free-money'],
      },
    );
    expect(unknownMeasure.status).toBe(400);
    expect((await readJson(unknownMeasure)).errors[0].field).toBe('supportMeasures');
    const twice = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.caseId}/interactions`, {
      kind: 'call',
      occurredOn: daysAgo(1),
      notes: 'ok',
      barriers: ['operational', 'operational'],
    });
    expect(twice.status).toBe(400);
    expect((await readJson(twice)).errors).toEqual([
      expect.objectContaining({ field: 'barriers', message: 'Choose each barrier heading once' }),
    ]);
    const rows = await api.dataSource.query(`SELECT 1 FROM interactions WHERE case_id = $1`, [kase.caseId]);
    expect(rows).toHaveLength(0);
  });

  it('optimistic locking: of two concurrent edits from the same version, one wins and one gets 409 with what changed', async () => {
    const kase = mine.zulu;
    const view = await call(api, adviser.token, 'GET', `/api/v1/cases/${kase.caseId}`);
    const etag = view.headers.get('etag');
    const { version } = await readJson(view);
    expect(etag).toBe(`"${version}"`);

    const [a, b] = await Promise.all([
      call(
        api,
        adviser.token,
        'PUT',
        `/api/v1/cases/${kase.caseId}/summary`,
        { summary: 'Ready for Germany' },
        { 'if-match': etag! },
      ),
      call(
        api,
        officer.token,
        'PUT',
        `/api/v1/cases/${kase.caseId}/summary`,
        { summary: 'Needs a re-audit' },
        { 'if-match': etag! },
      ),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winnerSummary = a.status === 409 ? 'Needs a re-audit' : 'Ready for Germany';
    const problem = await readJson(loser);
    expect(problem.code).toBe('case.stale');
    expect(problem.currentVersion).toBe(version + 1);
    expect(problem.current.summary).toBe(winnerSummary);
    const after = await readJson(await call(api, adviser.token, 'GET', `/api/v1/cases/${kase.caseId}`));
    expect(after.work.summary).toBe(winnerSummary);

    // A write without a version is refused rather than silently overwriting.
    const blind = await call(api, adviser.token, 'PUT', `/api/v1/cases/${kase.caseId}/summary`, {
      summary: 'blind',
    });
    expect(blind.status).toBe(400);
  });

  it('an adviser cannot see or act on a case off their caseload (404)', async () => {
    expect((await call(api, adviser.token, 'GET', `/api/v1/cases/${theirs.caseId}`)).status).toBe(404);
    expect((await call(api, adviser.token, 'GET', `/api/v1/cases/${theirs.caseId}/assignments`)).status).toBe(
      404,
    );
    const post = await call(api, adviser.token, 'POST', `/api/v1/cases/${theirs.caseId}/interactions`, {
      kind: 'call',
      occurredOn: daysAgo(1),
      notes: 'sneaky',
    });
    expect(post.status).toBe(404);
    const decline = await call(api, adviser.token, 'POST', `/api/v1/cases/${theirs.caseId}/decline`, {
      reason: 'x',
    });
    expect(decline.status).toBe(404);
    expect((await call(api, adviser.token, 'GET', `/api/v1/cases/not-a-uuid`)).status).toBe(404);
    const rows = await api.dataSource.query(`SELECT 1 FROM interactions WHERE case_id = $1`, [theirs.caseId]);
    expect(rows).toHaveLength(0);
  });
});
