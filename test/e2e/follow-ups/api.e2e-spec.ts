import { FollowUpService } from '@app/follow-ups';
import { NotificationService } from '@app/messaging';
import { UnitOfWork } from '@app/database';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCase } from '../../factories';
import { createUser, tokenFor } from '../../support/auth';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

describe('follow-ups API and pages: your tasks, inbox, local mail, queue board', () => {
  let api: TestApi;
  let mailDir: string;
  let officer: { id: string; email: string; name: string };
  let officerToken: string;
  let adviser: { id: string; email: string; name: string };
  let adviserToken: string;
  let smeToken: string;
  let smeId: string;
  let adminToken: string;

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'sme-mail-'));
    api = await startTestApi({ MAIL_DIR: mailDir });
    const o = await createUser(api, 'officer');
    officer = o.user;
    officerToken = await tokenFor(api, o.user.email, o.password);
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
        context: { companyName: 'Theirs GmbH' },
      });
      // Someone else's follow-up, escalated to this officer.
      const escalated = await followUps.schedule(m, {
        rule: 'first-contact',
        caseId: randomUUID(),
        anchorAt: new Date(Date.now() - 30 * 86_400_000),
        sourceKey: `api-test:${randomUUID()}`,
        assignee: { userId: randomUUID(), email: 'slow@agency.example', name: 'Slow Adviser' },
        officer: { userId: officer.id, email: officer.email, name: officer.name },
        context: { companyName: 'Escalated SL' },
      });
      await m.query(`UPDATE follow_up SET status = 'escalated' WHERE id = $1`, [escalated.id]);
      await api.app.get(NotificationService).notify(m, {
        idempotencyKey: `stage-changed:${randomUUID()}`,
        kind: 'stage-changed.sme',
        recipient: { userId: smeId, email: s.user.email, name: s.user.name, language: 'de' },
        values: { companyName: 'Muster GmbH', stageName: 'proaktiver Exporteur' },
      });
    });
  });
  afterAll(async () => {
    await api?.close();
    await rm(mailDir, { recursive: true, force: true });
  });

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

  it('lists the same tasks as /tasks: the documented call without parameters, and escalations to an officer', async () => {
    const plain = await get('/api/v1/follow-ups', adviserToken);
    expect(plain.status).toBe(200);
    expect((await readJson(plain)).items.map((t: { context: object }) => t.context)).toEqual([
      { companyName: 'Mine Ltd' },
    ]);

    const officerTasks = await readJson(await get('/api/v1/follow-ups?assignee=me', officerToken));
    expect(officerTasks.items).toHaveLength(1);
    expect(officerTasks.items[0]).toMatchObject({
      status: 'escalated',
      assignedToYou: false,
      escalatedToYou: true,
      context: { companyName: 'Escalated SL' },
    });

    const doc = await readJson(await get('/api/docs-json'));
    const params = doc.paths['/api/v1/follow-ups'].get.parameters as { name: string; required?: boolean }[];
    expect(params.map((p) => [p.name, p.required ?? false])).toEqual([
      ['assignee', false],
      ['status', false],
    ]);
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

  it('renders "your tasks" for staff: own tasks and escalations to them, earliest first; 404 for SMEs', async () => {
    const mine = await get('/tasks', adviserToken);
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(html).toContain('<h1 class="govuk-heading-l">Your tasks</h1>');
    expect(html).toContain('Mine Ltd');
    expect(html).toContain('First contact with the SME after an adviser is assigned');
    expect(html).not.toContain('Theirs GmbH');
    expect(html).not.toContain('Escalated SL');

    const officerHtml = await (await get('/tasks', officerToken)).text();
    expect(officerHtml).toContain('Escalated SL');
    expect(officerHtml).toContain('Escalated to you');
    expect(officerHtml).not.toContain('Mine Ltd');

    expect((await get('/tasks', smeToken)).status).toBe(404);
  });

  it('renders the inbox in the reader\u2019s language with each email\u2019s fate', async () => {
    const res = await get('/inbox?lang=de', smeToken);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('Herzlichen Glückwunsch: Sie sind jetzt proaktiver Exporteur');
    expect(html).toContain('E-Mail unterwegs');
    expect(await (await get('/inbox', adviserToken)).text()).toContain('You have no messages yet.');
  });

  it('lets an SME mark messages read, one or all, and counts the unread ones (API and page)', async () => {
    const post = (path: string, token: string) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { authorization: `Bearer ${token}` },
      });
    const sme = (await api.dataSource.query(`SELECT email, name FROM users WHERE id = $1`, [smeId])) as {
      email: string;
      name: string;
    }[];
    await api.app.get(UnitOfWork).run((m) =>
      api.app.get(NotificationService).notify(m, {
        idempotencyKey: `stage-changed:${randomUUID()}`,
        kind: 'stage-changed.sme',
        recipient: { userId: smeId, email: sme[0].email, name: sme[0].name, language: 'de' },
        values: { companyName: 'Muster GmbH', stageName: 'passiver Exporteur' },
      }),
    );
    const before = await readJson(await get('/api/v1/notifications', smeToken));
    expect(before.unreadCount).toBe(2);
    const [first, second] = before.items as { id: string; readAt: string | null }[];
    expect(first.readAt).toBeNull();

    const page = await (await get('/inbox?lang=de', smeToken)).text();
    expect(page).toContain('Sie haben 2 ungelesene Nachrichten.');
    expect(page).toContain(`action="/inbox/${first.id}/read"`);

    // Nobody else may mark it, and an unknown id is a 404 too.
    expect((await post(`/api/v1/notifications/${first.id}/read`, adviserToken)).status).toBe(404);
    expect((await post(`/api/v1/notifications/${randomUUID()}/read`, smeToken)).status).toBe(404);
    const one = await post(`/api/v1/notifications/${first.id}/read`, smeToken);
    expect(one.status).toBe(200);
    expect(await readJson(one)).toEqual({ unreadCount: 1 });
    const after = await readJson(await get('/api/v1/notifications', smeToken));
    expect(after.items.find((n: { id: string }) => n.id === first.id).readAt).not.toBeNull();
    expect(after.items.find((n: { id: string }) => n.id === second.id).readAt).toBeNull();
    expect(await (await get('/inbox?lang=de', smeToken)).text()).toContain(
      'Sie haben 1 ungelesene Nachricht.',
    );

    const all = await post('/inbox/read-all', smeToken);
    expect(all.status).toBe(303);
    expect(all.headers.get('location')).toBe('/inbox');
    expect((await readJson(await get('/api/v1/notifications', smeToken))).unreadCount).toBe(0);
    expect(await (await get('/inbox', smeToken)).text()).toContain('You have read every message.');

    const audit = (await api.dataSource.query(
      `SELECT action, entity_id FROM audit_event WHERE action LIKE 'notification.%' ORDER BY id`,
    )) as { action: string; entity_id: string }[];
    expect(audit).toEqual([
      { action: 'notification.read', entity_id: first.id },
      { action: 'notification.all_read', entity_id: smeId },
    ]);
  });

  it('lists and shows local mail to admins only, and refuses paths that are not a message', async () => {
    const [note] = (await api.dataSource.query(`SELECT id, subject FROM notification LIMIT 1`)) as {
      id: string;
      subject: string;
    }[];
    await writeFile(join(mailDir, `${note.id}.eml`), `Subject: test\n\n<b>raw body</b>\n`);
    await writeFile(join(mailDir, 'notes.txt'), 'not a message');
    const list = await get('/admin/mail', adminToken);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(`href="/admin/mail/${note.id}"`);
    expect(html).toContain(note.subject);
    expect(html).not.toContain('notes.txt');

    const message = await (await get(`/admin/mail/${note.id}`, adminToken)).text();
    expect(message).toContain('&lt;b&gt;raw body&lt;/b&gt;');
    expect((await get('/admin/mail/notes', adminToken)).status).toBe(404);
    expect((await get(`/admin/mail/${randomUUID()}`, adminToken)).status).toBe(404);
    expect((await get('/admin/mail/..%2F..%2Fpackage', adminToken)).status).toBe(404);
    expect((await get('/admin/mail', officerToken)).status).toBe(404);
    expect((await get(`/admin/mail/${note.id}`, adviserToken)).status).toBe(404);
  });

  it('shows emails that failed for good on their case page and to admins, never the delivered ones', async () => {
    const kase = await buildCase(api, { adviserId: adviser.id });
    const quiet = await buildCase(api, { adviserId: adviser.id });
    const notifications = api.app.get(NotificationService);
    const email = (companyName: string) => ({
      idempotencyKey: `undelivered-test:${randomUUID()}`,
      kind: 're-audit.assignee',
      caseId: kase.caseId,
      recipient: { email: `owner@${companyName.toLowerCase()}.example`, name: 'Ana Owner' },
      values: { companyName, dueDate: '1 June 2027' },
    });
    const { failed, sent } = await api.app.get(UnitOfWork).run(async (m) => ({
      failed: (await notifications.insert(m, email('Bouncing'))).id,
      sent: (await notifications.insert(m, email('Arrived'))).id,
    }));
    // What the delivery worker records for a 5xx (the SMTP path itself: test/reliability/smtp-outage).
    await api.dataSource.query(
      `UPDATE notification SET status = 'failed_permanent', attempts = 1,
              last_error = '550 5.1.1 <owner@bouncing.example>: mailbox unavailable' WHERE id = $1`,
      [failed],
    );
    await api.dataSource.query(`UPDATE notification SET status = 'sent', sent_at = now() WHERE id = $1`, [
      sent,
    ]);
    const [{ subject: failedSubject }, { subject: sentSubject }] = (await api.dataSource.query(
      `SELECT subject FROM notification WHERE id = ANY($1) ORDER BY array_position($1, id)`,
      [[failed, sent]],
    )) as { subject: string }[];
    const escape = (text: string): string => text.replace(/'/g, '&#39;').replace(/"/g, '&quot;');

    const casePage = await (await get(`/cases/${kase.caseId}`, adviserToken)).text();
    expect(casePage).toContain('Emails that could not be delivered');
    expect(casePage).toContain(escape(failedSubject));
    expect(casePage).toContain('550 5.1.1 &lt;owner@bouncing.example&gt;: mailbox unavailable');
    expect(casePage).not.toContain(escape(sentSubject));
    expect(await (await get(`/cases/${quiet.caseId}`, adviserToken)).text()).not.toContain(
      'Emails that could not be delivered',
    );

    const list = await get('/admin/undelivered', adminToken);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(escape(failedSubject));
    expect(html).toContain('owner@bouncing.example');
    expect(html).not.toContain(escape(sentSubject));
    expect((await get('/admin/undelivered', officerToken)).status).toBe(404);
    expect((await get('/admin/undelivered', adviserToken)).status).toBe(404);
  });

  it('shows Bull Board to admins only', async () => {
    expect((await get('/admin/queues', adviserToken)).status).toBe(404);
    const bare = await fetch(`${api.url}/admin/queues?x=1`, {
      headers: { authorization: `Bearer ${adminToken}` },
      redirect: 'manual',
    });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/admin/queues/?x=1');
    const board = await get('/admin/queues/', adminToken);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<div id="root"');
    const queues = await readJson(await get('/admin/queues/api/queues', adminToken));
    expect(queues.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'events',
      'follow-ups',
      'kpi-snapshots',
      'notifications',
      'report-exports',
      'retention',
      'webhooks',
    ]);
  });
});
