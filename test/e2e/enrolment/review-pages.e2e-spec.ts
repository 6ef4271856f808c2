import { createUser, signInWeb, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient, completeAnswers } from './enrolment-fixtures';

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('officer enrolment review pages', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const smeClient = async () => {
    const { user, password } = await createUser(api, 'sme');
    return apiClient(api, await tokenFor(api, user.email, password));
  };

  it('lists near duplicates and appeals; merge, dismiss, uphold and reject work from the page', async () => {
    const a = await smeClient();
    const b = await smeClient();
    const enrol = async (
      client: ReturnType<typeof apiClient>,
      answers: ReturnType<typeof completeAnswers>,
    ) => {
      const created = await client.create(answers);
      return (await client.submit(created.body.id)).body;
    };
    await enrol(
      a,
      completeAnswers({ company: { legalName: 'Copperfield Bakery Ltd', region: 'east-midlands' } }),
    );
    await enrol(
      b,
      completeAnswers({ company: { legalName: 'Copperfield Bakeries Ltd', region: 'east-midlands' } }),
    );
    const ineligible = await enrol(a, completeAnswers({ company: { employees: 300 } }));
    await a.appeal(ineligible.id, 'We now have 240 employees.');

    const { user, password } = await createUser(api, 'officer');
    const web = await signInWeb(api, user.email, password);
    const page = await web.get('/enrolment-review');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Copperfield Bakeries Ltd');
    expect(html).toContain('Similar name in the same region');
    expect(html).toContain('We now have 240 employees.');
    const flagId = /\/enrolment-review\/flags\/([0-9a-f-]{36})\/merge/.exec(html)![1];

    // Both companies have an open case: the confirm page asks which continues, and says so when skipped.
    const confirm = await web.get(`/enrolment-review/flags/${flagId}/merge`);
    expect(confirm.status).toBe(200);
    const form = await confirm.text();
    const caseIds = [...form.matchAll(/name="continuingCaseId" type="radio" value="([0-9a-f-]{36})"/g)].map(
      (m) => m[1],
    );
    expect(caseIds).toHaveLength(2);
    const unchosen = await web.post(`/enrolment-review/flags/${flagId}/merge`, {});
    expect(unchosen.status).toBe(400);
    expect(await unchosen.text()).toContain('Choose which case continues');
    const merged = await web.post(`/enrolment-review/flags/${flagId}/merge`, {
      continuingCaseId: caseIds[0],
    });
    expect(merged.status).toBe(303);
    expect(merged.headers.get('location')).toBe('/enrolment-review?done=merged');
    const [flag] = await api.dataSource.query(
      `SELECT status, resolved_by_id FROM duplicate_flags WHERE id = $1`,
      [flagId],
    );
    expect(flag).toEqual({ status: 'merged', resolved_by_id: user.id });

    const upheld = await web.post(`/enrolment-review/appeals/${ineligible.id}/upheld`, {});
    expect(upheld.status).toBe(303);
    const [row] = await api.dataSource.query(
      `SELECT e.status, c.status AS case_status FROM enrolments e JOIN cases c ON c.enrolment_id = e.id WHERE e.id = $1`,
      [ineligible.id],
    );
    expect(row).toEqual({ status: 'eligible', case_status: 'awaiting_assignment' });
    const after = await (await web.get('/enrolment-review')).text();
    expect(after).toContain('There are no appeals waiting.');

    // The decision, who made it and when are kept on the enrolment and shown to staff and the SME.
    const [kept] = (await api.dataSource.query(
      `SELECT appeal_decision, appeal_decided_by_id, appeal_decided_at FROM enrolments WHERE id = $1`,
      [ineligible.id],
    )) as { appeal_decision: string; appeal_decided_by_id: string; appeal_decided_at: Date }[];
    expect(kept).toMatchObject({ appeal_decision: 'upheld', appeal_decided_by_id: user.id });
    expect(Date.now() - kept.appeal_decided_at.getTime()).toBeLessThan(600_000);
    expect((await a.get(ineligible.id)).body.appeal).toMatchObject({
      reason: 'We now have 240 employees.',
      decision: 'upheld',
      decidedAt: kept.appeal_decided_at.toISOString(),
      decidedBy: { id: user.id, name: user.name },
    });
    const decided = after.slice(after.indexOf('id="decided-appeals"'));
    expect(decided).toContain('Upheld');
    expect(decided).toContain(user.name);
    const home = await (
      await fetch(`${api.url}/home`, { headers: { authorization: `Bearer ${a.token}`, accept: 'text/html' } })
    ).text();
    expect(home).toMatch(new RegExp(`<span id="appeal-decision">Upheld on [^<]+ by ${user.name}</span>`));
  });

  it('gives officers a queue of submitted enrolments awaiting a decision, with their age, and decides them', async () => {
    const sme = await smeClient();
    const draft = await sme.create(completeAnswers({ company: { legalName: 'Stuck Knitwear Ltd' } }));
    // Left in "submitted" with no decision, as the demo data once left Sofia Knitwear.
    await api.dataSource.query(
      `UPDATE enrolments SET status = 'submitted', submitted_at = now() - interval '3 days 2 hours' WHERE id = $1`,
      [draft.body.id],
    );
    const { user, password } = await createUser(api, 'officer');
    const officer = apiClient(api, await tokenFor(api, user.email, password));
    const queue = await officer.call('GET', '/api/v1/enrolments/awaiting-decision');
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ id: draft.body.id, companyName: 'Stuck Knitwear Ltd', ageDays: 3 }),
    ]);

    const web = await signInWeb(api, user.email, password);
    const page = await web.get('/enrolment-review?lang=es');
    expect(page.status).toBe(200);
    const html = await page.text();
    const row = html.slice(html.indexOf('id="awaiting-decision"'));
    expect(row).toContain('Stuck Knitwear Ltd');
    expect(row).toContain('3 días');
    expect(row).toContain(`action="/enrolment-review/submitted/${draft.body.id}/decide"`);

    const decided = await web.post(`/enrolment-review/submitted/${draft.body.id}/decide`, {});
    expect(decided.status).toBe(303);
    expect(decided.headers.get('location')).toBe('/enrolment-review?done=decided');
    const [result] = (await api.dataSource.query(
      `SELECT e.status, c.status AS case_status FROM enrolments e LEFT JOIN cases c ON c.enrolment_id = e.id WHERE e.id = $1`,
      [draft.body.id],
    )) as { status: string; case_status: string | null }[];
    expect(result).toEqual({ status: 'eligible', case_status: 'awaiting_assignment' });
    const [audit] = (await api.dataSource.query(
      `SELECT actor_id FROM audit_event WHERE action = 'enrolment.decided' AND entity_id = $1`,
      [draft.body.id],
    )) as { actor_id: string }[];
    expect(audit.actor_id).toBe(user.id);
    expect((await officer.call('GET', '/api/v1/enrolments/awaiting-decision')).body.items).toEqual([]);
    expect(await (await web.get('/enrolment-review?lang=en')).text()).toContain(
      'No application is waiting for a decision.',
    );
    // Deciding again is refused: it is no longer waiting.
    expect((await officer.call('POST', `/api/v1/enrolments/${draft.body.id}/decision`)).status).toBe(409);
  });

  it('is not there for SMEs or advisers', async () => {
    for (const role of ['sme', 'adviser'] as const) {
      const { user, password } = await createUser(api, role);
      const web = await signInWeb(api, user.email, password);
      expect((await web.get('/enrolment-review')).status).toBe(404);
    }
  });
});
