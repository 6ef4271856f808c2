import { CaseOpenedHandler } from '@app/advisers';
import type { DomainEvent } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';
import { call, createAdviser, createStaff, Staff } from './support/advisers.factory';
import { buildCase, type CaseOptions } from '../../factories';

/** Runs `fn` over `items` with `width` calls in flight at any moment; results keep the items' order. */
async function inParallel<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

describe('automatic and manual assignment (real Postgres)', () => {
  let api: TestApi;
  /** A case as an enrolment opens it (awaiting assignment unless `adviserId` is given). */
  const openCase = async (options: CaseOptions = {}) => {
    const opened = await buildCase(api, options);
    return { ...opened, id: opened.caseId };
  };
  let officer: Staff;
  let handler: CaseOpenedHandler;

  const deliverCaseOpened = (caseId: string, language = 'en') =>
    handler.handle({
      id: randomUUID(),
      type: 'case.opened',
      version: 1,
      aggregateType: 'case',
      aggregateId: caseId,
      // The handler reads only these two (and copes without them).
      payload: { caseId, language } as DomainEvent<'case.opened'>['payload'],
      occurredAt: new Date(),
    });

  /** Each scenario starts with no available advisers, so only its own compete. */
  const retireAllAdvisers = () => api.dataSource.query(`UPDATE adviser_profiles SET active = false`);

  const openAssignments = (caseId: string) =>
    api.dataSource.query(`SELECT * FROM case_assignments WHERE case_id = $1 AND ended_at IS NULL`, [caseId]);

  const history = (caseId: string) =>
    api.dataSource.query(
      `SELECT adviser_id, method, reason, end_reason, end_note, ended_at FROM case_assignments
        WHERE case_id = $1 ORDER BY started_at, id`,
      [caseId],
    ) as Promise<
      {
        adviser_id: string;
        method: string;
        reason: string | null;
        end_reason: string | null;
        end_note: string | null;
      }[]
    >;

  const caseRow = async (caseId: string) =>
    (
      (await api.dataSource.query(`SELECT status, assigned_adviser_id, version FROM cases WHERE id = $1`, [
        caseId,
      ])) as {
        status: string;
        assigned_adviser_id: string | null;
        version: number;
      }[]
    )[0];

  beforeAll(async () => {
    api = await startTestApi();
    handler = api.app.get(CaseOpenedHandler);
    officer = await createStaff(api, 'officer');
  });
  afterAll(() => api?.close());

  beforeEach(retireAllAdvisers);

  it('picks the best specialist and stores the score breakdown and runners-up, timeline, audit and outbox', async () => {
    const specialist = await createAdviser(api, officer, {
      regions: ['london'],
      naceSections: ['C'],
      markets: ['DE'],
      languages: ['de', 'en'],
    });
    const regional = await createAdviser(api, officer, { regions: ['london'] });
    const generalist = await createAdviser(api, officer, {});
    const kase = await openCase({
      company: { legalName: 'Specialist Match GmbH', region: 'london', naceCode: '10.11' },
      targetMarkets: ['de'], // as an old enrolment may hold it: the case's markets are upper-cased
    });

    await expect(deliverCaseOpened(kase.id, 'de')).resolves.toBe('assigned');

    const [open] = await openAssignments(kase.id);
    expect(open).toMatchObject({ adviser_id: specialist.user.id, method: 'automatic' });
    expect(Number(open.score)).toBe(100);
    expect(open.breakdown).toEqual({ region: 40, sector: 30, market: 20, language: 10 });
    expect(open.runners_up.map((r: { adviserId: string }) => r.adviserId)).toEqual([
      regional.user.id,
      generalist.user.id,
    ]);
    expect(await caseRow(kase.id)).toMatchObject({
      status: 'active',
      assigned_adviser_id: specialist.user.id,
    });

    const [timeline] = await api.dataSource.query(
      `SELECT data FROM case_timeline_events WHERE case_id = $1 AND kind = 'assignment.started'`,
      [kase.id],
    );
    expect(timeline.data).toMatchObject({
      adviserId: specialist.user.id,
      adviserName: specialist.user.name,
      score: 100,
      method: 'automatic',
    });
    const outbox = await api.dataSource.query(
      `SELECT payload FROM outbox_event WHERE type = 'case.assigned' AND aggregate_id = $1`,
      [kase.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0].payload).toMatchObject({ caseId: kase.id, adviserId: specialist.user.id });
    const [reminder] = await api.dataSource.query(
      `SELECT assignee_id, status, recipients, context FROM follow_up WHERE case_id = $1 AND rule_code = 'first-contact'`,
      [kase.id],
    );
    expect(reminder).toMatchObject({ assignee_id: specialist.user.id, status: 'scheduled' });
    expect(reminder.recipients.assignee).toMatchObject({
      userId: specialist.user.id,
      email: specialist.user.email,
      name: specialist.user.name,
    });
    expect(reminder.context).toMatchObject({
      companyName: 'Specialist Match GmbH',
      assigneeName: specialist.user.name,
    });
    const audit = await api.dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'case.assigned' AND entity_id = $1`,
      [kase.id],
    );
    expect(audit).toHaveLength(1);

    // The officer sees why: GET /api/v1/cases/:id shows the breakdown and the runners-up by name.
    const res = await call(api, officer.token, 'GET', `/api/v1/cases/${kase.id}`);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.currentAssignment.breakdown).toEqual({ region: 40, sector: 30, market: 20, language: 10 });
    expect(body.currentAssignment.runnersUp[0]).toMatchObject({
      adviserId: regional.user.id,
      adviserName: regional.user.name,
    });
  });

  it('assigns once when case.opened is delivered twice, even at the same moment', async () => {
    const adviser = await createAdviser(api, officer, { capacity: 5 });
    const kase = await openCase();

    const outcomes = await Promise.all([deliverCaseOpened(kase.id), deliverCaseOpened(kase.id)]);
    expect(outcomes.sort()).toEqual(['already_assigned', 'assigned']);
    await expect(deliverCaseOpened(kase.id)).resolves.toBe('already_assigned');

    expect(await history(kase.id)).toHaveLength(1);
    const [profile] = await api.dataSource.query(
      `SELECT active_cases FROM adviser_profiles WHERE user_id = $1`,
      [adviser.user.id],
    );
    expect(profile.active_cases).toBe(1);
    const events = await api.dataSource.query(
      `SELECT 1 FROM outbox_event WHERE type = 'case.assigned' AND aggregate_id = $1`,
      [kase.id],
    );
    expect(events).toHaveLength(1);
  });

  it('never exceeds capacity with 50 cases opened at once; the rest wait unassigned and officers are told', async () => {
    const advisers = await Promise.all([
      createAdviser(api, officer, { capacity: 10, regions: ['wales'] }),
      createAdviser(api, officer, { capacity: 10 }),
      createAdviser(api, officer, { capacity: 5, naceSections: ['C'] }),
    ]);
    const cases = await inParallel(Array.from({ length: 50 }), 8, () =>
      openCase({ company: { region: 'wales', naceCode: '10.11' } }),
    );

    // As many deliveries in flight at once as the pool has connections (more would only queue for one).
    const outcomes = await inParallel(cases, 8, (c) => deliverCaseOpened(c.id));

    expect(outcomes.filter((o) => o === 'assigned')).toHaveLength(25);
    expect(outcomes.filter((o) => o === 'unassigned')).toHaveLength(25);
    const loads = (await api.dataSource.query(
      `SELECT p.user_id, p.capacity, p.active_cases,
              (SELECT count(*)::int FROM case_assignments a WHERE a.adviser_id = p.user_id AND a.ended_at IS NULL) AS open
         FROM adviser_profiles p WHERE p.user_id = ANY($1::uuid[])`,
      [advisers.map((a) => a.user.id)],
    )) as { capacity: number; active_cases: number; open: number }[];
    for (const load of loads) {
      expect(load.open).toBeLessThanOrEqual(load.capacity);
      expect(load.open).toBe(load.capacity);
      expect(load.active_cases).toBe(load.open);
    }
    const waiting = cases.filter((_c, i) => outcomes[i] === 'unassigned').map((c) => c.id);
    const rows = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND status = 'awaiting_assignment' AND assigned_adviser_id IS NULL`,
      [waiting],
    );
    expect(rows[0].n).toBe(25);
    const notified = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE recipient_user_id = $1 AND case_id = ANY($2::uuid[])`,
      [officer.user.id, waiting],
    );
    expect(notified[0].n).toBe(25);
    const events = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'case.unassigned' AND aggregate_id = ANY($1::text[])`,
      [waiting],
    );
    expect(events[0].n).toBe(25);

    // A second delivery of a waiting case's event does not notify again.
    await expect(deliverCaseOpened(waiting[0])).resolves.toBe('unassigned');
    const again = await api.dataSource.query(
      // The officer's note (the SME's own email about its enrolment is another matter).
      `SELECT count(*)::int AS n FROM notification WHERE case_id = $1 AND recipient_user_id = $2`,
      [waiting[0], officer.user.id],
    );
    expect(again[0].n).toBe(1);

    // The officers' unassigned queue lists exactly the waiting ones of this batch.
    const res = await call(api, officer.token, 'GET', `/api/v1/cases?unassigned=true&region=wales&limit=100`);
    const body = await readJson(res);
    expect(body.items.map((r: { caseId: string }) => r.caseId).sort()).toEqual([...waiting].sort());
  });

  it('sends a declined case to the next best adviser, never back to the decliner, with history intact', async () => {
    const first = await createAdviser(api, officer, { regions: ['london'], naceSections: ['C'] });
    const second = await createAdviser(api, officer, { regions: ['london'] });
    // A manufacturer (NACE section C): the first adviser's sector, so it is the best match.
    const kase = await openCase({ company: { region: 'london', naceCode: '10.71' } });
    await deliverCaseOpened(kase.id);
    expect((await caseRow(kase.id)).assigned_adviser_id).toBe(first.user.id);

    const res = await call(api, first.token, 'POST', `/api/v1/cases/${kase.id}/decline`, {
      reason: 'Conflict of interest',
    });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toEqual({ outcome: 'assigned' });
    expect((await caseRow(kase.id)).assigned_adviser_id).toBe(second.user.id);

    // The second adviser declines too: the first one (best score) is still never offered it again.
    const again = await call(api, second.token, 'POST', `/api/v1/cases/${kase.id}/decline`, {
      reason: 'On leave soon',
    });
    expect(await readJson(again)).toEqual({ outcome: 'unassigned' });
    expect(await caseRow(kase.id)).toMatchObject({
      status: 'awaiting_assignment',
      assigned_adviser_id: null,
    });

    // The first-contact reminder left with each decliner: none is left chasing someone off the case.
    const reminders = await api.dataSource.query(
      `SELECT assignee_id, status FROM follow_up WHERE case_id = $1 AND rule_code = 'first-contact' ORDER BY created_at`,
      [kase.id],
    );
    expect(reminders).toEqual([
      { assignee_id: first.user.id, status: 'cancelled' },
      { assignee_id: second.user.id, status: 'cancelled' },
    ]);

    expect(await history(kase.id)).toEqual([
      expect.objectContaining({
        adviser_id: first.user.id,
        end_reason: 'declined',
        end_note: 'Conflict of interest',
      }),
      expect.objectContaining({
        adviser_id: second.user.id,
        end_reason: 'declined',
        end_note: 'On leave soon',
      }),
    ]);
    // The decliner has lost the case: acting on it is now a 404.
    const gone = await call(api, first.token, 'GET', `/api/v1/cases/${kase.id}`);
    expect(gone.status).toBe(404);
  });

  it('redistributes an absent adviser’s cases in one action with the handover note, history intact', async () => {
    const leaving = await createAdviser(api, officer, { regions: ['scotland'], capacity: 10 });
    const cases = [];
    for (let i = 0; i < 4; i++) {
      const kase = await openCase({ company: { region: 'scotland' } });
      await deliverCaseOpened(kase.id);
      cases.push(kase);
    }
    const a = await createAdviser(api, officer, { capacity: 2 });
    const b = await createAdviser(api, officer, { capacity: 1 });
    const absent = await call(api, officer.token, 'PATCH', `/api/v1/advisers/${leaving.user.id}`, {
      absentFrom: '2020-01-01',
    });
    expect(absent.status).toBe(200);

    const res = await call(api, officer.token, 'POST', `/api/v1/advisers/${leaving.user.id}/redistribute`, {
      note: 'Maria is on long-term leave; files are in the shared drive',
    });
    expect(res.status).toBe(201);
    const result = await readJson(res);
    expect(result.moved).toHaveLength(3);
    expect(result.unassigned).toHaveLength(1);
    const counts = result.moved.reduce((acc: Record<string, number>, m: { adviserId: string }) => {
      acc[m.adviserId] = (acc[m.adviserId] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({ [a.user.id]: 2, [b.user.id]: 1 });

    for (const kase of cases) {
      const rows = await history(kase.id);
      expect(rows[0]).toMatchObject({ adviser_id: leaving.user.id, end_reason: 'redistributed' });
      expect(rows[0].end_note).toContain('long-term leave');
    }
    const moved = await history(result.moved[0].caseId);
    expect(moved[1]).toMatchObject({
      method: 'redistributed',
      reason: expect.stringContaining('long-term leave'),
    });
    const [profile] = await api.dataSource.query(
      `SELECT active_cases FROM adviser_profiles WHERE user_id = $1`,
      [leaving.user.id],
    );
    expect(profile.active_cases).toBe(0);
  });

  describe('officer assignment', () => {
    it('reassigns with a reason and keeps the earlier spell in the history', async () => {
      const first = await createAdviser(api, officer, {});
      const second = await createAdviser(api, officer, {});
      const kase = await openCase();
      await deliverCaseOpened(kase.id);
      const current = (await caseRow(kase.id)).assigned_adviser_id;
      const target = current === first.user.id ? second : first;

      const res = await call(api, officer.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
        adviserId: target.user.id,
        reason: 'Speaks the SME’s language',
      });
      expect(res.status).toBe(201);
      expect(await readJson(res)).toMatchObject({ outcome: 'assigned', warnings: [] });
      expect(await history(kase.id)).toEqual([
        expect.objectContaining({ adviser_id: current, end_reason: 'reassigned' }),
        expect.objectContaining({
          adviser_id: target.user.id,
          method: 'officer',
          reason: 'Speaks the SME’s language',
          ended_at: null,
        }),
      ]);
    });

    it('refuses an inactive or absent adviser (422 with the reason), an unknown adviser or case (404)', async () => {
      const inactive = await createAdviser(api, officer, { active: false });
      const absent = await createAdviser(api, officer, { absentFrom: '2020-01-01', absentTo: '2999-12-31' });
      const kase = await openCase();
      const before = await caseRow(kase.id);

      const toInactive = await call(api, officer.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
        adviserId: inactive.user.id,
        reason: 'x',
      });
      expect(toInactive.status).toBe(422);
      expect(await readJson(toInactive)).toMatchObject({ code: 'adviser.inactive' });
      const toAbsent = await call(api, officer.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
        adviserId: absent.user.id,
        reason: 'x',
      });
      expect(toAbsent.status).toBe(422);
      expect(await readJson(toAbsent)).toMatchObject({ code: 'adviser.absent' });
      const unknownAdviser = await call(api, officer.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
        adviserId: randomUUID(),
        reason: 'x',
      });
      expect(unknownAdviser.status).toBe(404);
      const unknownCase = await call(api, officer.token, 'POST', `/api/v1/cases/${randomUUID()}/assignment`, {
        adviserId: inactive.user.id,
        reason: 'x',
      });
      expect(unknownCase.status).toBe(404);
      const noReason = await call(api, officer.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
        adviserId: inactive.user.id,
      });
      expect(noReason.status).toBe(400);
      expect((await readJson(noReason)).errors[0].field).toBe('reason');

      expect(await caseRow(kase.id)).toEqual(before);
      expect(await history(kase.id)).toHaveLength(0);
    });

    it('allows capacity below the current load with a warning, and keeps every case', async () => {
      const adviser = await createAdviser(api, officer, { capacity: 5 });
      const cases = await Promise.all([openCase(), openCase(), openCase()]);
      for (const c of cases) await deliverCaseOpened(c.id);

      const res = await call(api, officer.token, 'PATCH', `/api/v1/advisers/${adviser.user.id}`, {
        capacity: 1,
      });
      expect(res.status).toBe(200);
      const body = await readJson(res);
      expect(body.warnings).toEqual(['adviser.capacity_below_load']);
      expect(body.profile).toMatchObject({ capacity: 1, activeCases: 3 });
      const still = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM cases WHERE assigned_adviser_id = $1`,
        [adviser.user.id],
      );
      expect(still[0].n).toBe(3);
    });

    it('is for officers only: an adviser gets 404 on the advisers API and the assignment action', async () => {
      const adviser = await createAdviser(api, officer, {});
      expect((await call(api, adviser.token, 'GET', '/api/v1/advisers')).status).toBe(404);
      const kase = await openCase({ adviserId: adviser.user.id });
      const res = await call(api, adviser.token, 'POST', `/api/v1/cases/${kase.id}/assignment`, {
        adviserId: adviser.user.id,
        reason: 'mine',
      });
      expect(res.status).toBe(404);
    });
  });
});
