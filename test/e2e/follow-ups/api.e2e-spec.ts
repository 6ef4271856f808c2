import { FollowUpService, NotificationService } from '@app/follow-ups';
import { UnitOfWork } from '@app/database';
import { randomUUID } from 'node:crypto';
import { createUser, tokenFor } from '../../support/auth';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

describe('follow-ups API: your tasks, inbox, queue board', () => {
  let api: TestApi;
  let adviser: { id: string; email: string; name: string };
  let adviserToken: string;
  let smeToken: string;
  let smeId: string;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    const a = await createUser(api, 'adviser');
    adviser = a.user;
    adviserToken = await tokenFor(api, a.user.email, a.password);
    const s = await createUser(api, 'sme');
    smeId = s.user.id;
    smeToken = await tokenFor(api, s.user.email, s.password);
    const admin = await createUser(api, 'admin');
    adminToken = await tokenFor(api, admin.user.email, admin.password);

    const uow = api.app.get(UnitOfWork);
    const followUps = api.app.get(FollowUpService);
    await uow.run(async (m) => {
      await followUps.schedule(m, {
        rule: 'first-contact',
        caseId: randomUUID(),
        anchorAt: new Date(),
        sourceKey: `api-test:${randomUUID()}`,
        assignee: { userId: adviser.id, email: adviser.email, name: adviser.name },
        context: { companyName: 'Mine Ltd' },
      });
      await followUps.schedule(m, {
        rule: 'first-contact',
        caseId: randomUUID(),
        anchorAt: new Date(),
        sourceKey: `api-test:${randomUUID()}`,
        assignee: { userId: randomUUID(), email: 'someone-else@agency.example', name: 'Someone Else' },
      });
      await api.app.get(NotificationService).notify(m, {
        idempotencyKey: `stage-changed:${randomUUID()}`,
        kind: 'stage-changed.sme',
        recipient: { userId: smeId, email: s.user.email, name: s.user.name, language: 'de' },
        values: { companyName: 'Muster GmbH', stageName: 'proaktiver Exporteur' },
      });
    });
  });
  afterAll(() => api?.close());

  const get = (path: string, token?: string) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("lists only the signed-in adviser's own open tasks", async () => {
    const res = await get('/api/v1/follow-ups?assignee=me', adviserToken);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      kind: 'first-contact',
      status: 'scheduled',
      context: { companyName: 'Mine Ltd' },
    });
  });

  it('refuses a malformed filter with a field error, and hides the task list from SMEs', async () => {
    const bad = await get('/api/v1/follow-ups?assignee=everyone', adviserToken);
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).errors.map((e: { field: string }) => e.field)).toContain('assignee');
    expect((await get('/api/v1/follow-ups?assignee=me', smeToken)).status).toBe(404);
    expect((await get('/api/v1/follow-ups?assignee=me')).status).toBe(401);
  });

  it("shows an SME their in-app notifications in their language, and nobody else's", async () => {
    const inbox = await readJson(await get('/api/v1/notifications', smeToken));
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0].subject).toBe('Herzlichen Glückwunsch: Sie sind jetzt proaktiver Exporteur');
    expect(inbox.items[0].emailStatus).toBe('created');
    expect((await readJson(await get('/api/v1/notifications', adviserToken))).items).toHaveLength(0);
  });

  it('shows Bull Board to admins only', async () => {
    expect((await get('/admin/queues', adviserToken)).status).toBe(404);
    const board = await get('/admin/queues', adminToken);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<div id="root"');
    const queues = await readJson(await get('/admin/queues/api/queues', adminToken));
    expect(queues.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'events',
      'follow-ups',
      'notifications',
    ]);
  });
});
