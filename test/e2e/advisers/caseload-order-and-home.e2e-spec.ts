import { UnitOfWork } from '@app/database';
import { FollowUpService } from '@app/follow-ups';
import { readJson } from '../../support/http';
import { signInWeb } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { buildAdviser, buildCase, buildSmeCase, buildToken } from '../../factories';
import { call } from './support/advisers.factory';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('caseload in date order, and the SME home page showing the real state of the case', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('sorts by the earliest open follow-up by default: overdue, today, next week, next month, then none', async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const make = (legalName: string) =>
      buildCase(api, { company: { legalName }, adviserId: adviser.user.id, openedDaysAgo: 30 });
    // Logged in an order that is none of the expected ones.
    const cases = {
      nextMonth: await make('Next Month Ltd'),
      none: await make('Nothing Due Ltd'),
      today: await make('Due Today Ltd'),
      overdue: await make('Overdue Ltd'),
      nextWeek: await make('Next Week Ltd'),
    };
    // Assignment set each a first-contact reminder; the case with nothing due has had it settled.
    await api.app
      .get(UnitOfWork)
      .run((m) =>
        api.app
          .get(FollowUpService)
          .complete(m, { caseId: cases.none.caseId, rules: ['first-contact'], reason: 'contacted' }),
      );
    const dueOn: Record<string, string> = {
      nextMonth: day(30),
      today: day(0),
      overdue: day(-5),
      nextWeek: day(7),
    };
    for (const [key, due] of Object.entries(dueOn)) {
      const res = await call(
        api,
        token,
        'POST',
        `/api/v1/cases/${cases[key as keyof typeof cases].caseId}/interactions`,
        {
          kind: 'call',
          occurredOn: day(-10),
          notes: 'Agreed a next step',
          nextStep: `Step for ${key}`,
          nextStepDue: due,
        },
      );
      expect(res.status).toBe(201);
    }
    const page = await readJson(await call(api, token, 'GET', '/api/v1/cases'));
    const order = (
      page.items as { caseId: string; overdue: boolean; nextFollowUp: { deadlineAt: string } | null }[]
    ).map((i) => i.caseId);
    expect(order).toEqual([
      cases.overdue.caseId,
      cases.today.caseId,
      cases.nextWeek.caseId,
      cases.nextMonth.caseId,
      cases.none.caseId,
    ]);
    expect(page.items[0].overdue).toBe(true);
    // Next week's step is not overdue (a step due today is, from the start of its day).
    expect(page.items[2].overdue).toBe(false);
    // The column shown is the key sorted on.
    const deadlines = (page.items as { nextFollowUp: { deadlineAt: string } | null }[])
      .filter((i) => i.nextFollowUp)
      .map((i) => i.nextFollowUp!.deadlineAt);
    expect([...deadlines].sort()).toEqual(deadlines);

    // Paging keeps the order (the cursor carries the follow-up key).
    const first = await readJson(await call(api, token, 'GET', '/api/v1/cases?limit=2'));
    const second = await readJson(
      await call(api, token, 'GET', `/api/v1/cases?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`),
    );
    const third = await readJson(
      await call(api, token, 'GET', `/api/v1/cases?limit=2&cursor=${encodeURIComponent(second.nextCursor)}`),
    );
    expect(
      [...first.items, ...second.items, ...third.items].map((i: { caseId: string }) => i.caseId),
    ).toEqual(order);

    // Settling the overdue step moves that case down to its next open follow-up (dormancy, weeks away).
    const settle = await call(api, token, 'POST', `/api/v1/cases/${cases.overdue.caseId}/interactions`, {
      kind: 'call',
      occurredOn: day(0),
      notes: 'Done it',
    });
    expect(settle.status).toBe(201);
    const after = await readJson(await call(api, token, 'GET', '/api/v1/cases'));
    expect((after.items as { caseId: string }[])[0].caseId).toBe(cases.today.caseId);
  });

  it('shows the SME its adviser, last contact, the next step and the closure instead of "assigning"', async () => {
    const adviser = await buildAdviser(api);
    const token = await buildToken(api, adviser.user);
    const { caseId, sme } = await buildSmeCase(api, { adviserId: adviser.user.id });
    const web = await signInWeb(api, sme.user.email, sme.password);
    const home = await (await web.get('/home')).text();
    expect(home).toContain(adviser.user.name);
    expect(home).not.toContain('We are assigning an adviser');
    expect(home).toContain(`${adviser.user.name} is your adviser`);
    expect(home).toMatch(/id="last-contact">Not yet</);

    const logged = await call(api, token, 'POST', `/api/v1/cases/${caseId}/interactions`, {
      kind: 'call',
      occurredOn: day(0),
      notes: 'First call',
      nextStep: 'Send us your price list',
      nextStepDue: day(14),
    });
    expect(logged.status).toBe(201);
    const after = await (await web.get('/home')).text();
    expect(after).toContain('Next step agreed with');
    expect(after).toContain('Send us your price list');
    expect(after).not.toMatch(/id="last-contact">Not yet</);

    const closed = await call(api, token, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'support-completed',
      summary: 'Done',
    });
    expect(closed.status).toBe(200);
    const closedHome = await (await web.get('/home')).text();
    expect(closedHome).toContain('Your support case closed on');
    expect(closedHome).toContain('Support completed');
  });
});
