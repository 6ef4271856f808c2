import { JobQueues } from '@app/messaging';
import { WEBHOOKS_QUEUE, WebhookDeliveryProcessor, type DeliveryResult } from '@app/webhooks';
import { randomUUID } from 'node:crypto';
import { buildSmeCase } from '../../factories';
import { createUser, csrfFromHtml, signInWeb, tokenFor } from '../../support/auth';
import { type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import {
  eventually,
  startInProcessWorker,
  type InProcessWorker,
} from '../follow-ups/support/in-process-worker';
import { signatureIsValid, WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(180_000);

/**
 * Webhooks end to end: the api records endpoints and replays, the real WorkerModule (in this process, on
 * the same database) turns outbox events into signed deliveries through Bull, and a real HTTP server
 * receives them.
 */
describe('webhooks: register, deliver signed, retry, replay, never twice', () => {
  let api: TestApi;
  let worker: InProcessWorker;
  const receiver = new WebhookReceiver();
  let base: string;
  let admin: string;
  let officer: string;
  let endpoint: { id: string; secret: string };

  async function call(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
  }

  const delivery = async (id: string): Promise<Json> =>
    (await call(admin, 'GET', `/api/v1/webhooks/deliveries/${id}`)).body;

  /** Opens a case (the enrolment service writes `case.opened`) and waits for its delivery to endpoint A. */
  async function openCaseAndFindDelivery(): Promise<{ caseId: string; deliveryId: string; eventId: string }> {
    const { caseId } = await buildSmeCase(api);
    let found: Json | undefined;
    await eventually(
      async () => {
        const page = await call(
          admin,
          'GET',
          `/api/v1/webhooks/deliveries?endpointId=${endpoint.id}&limit=200`,
        );
        found = (page.body.items as Json[]).find((d) => JSON.parse(d.body as string).data.caseId === caseId);
        return !!found;
      },
      30_000,
      'the delivery row',
    );
    return { caseId, deliveryId: found!.id as string, eventId: found!.eventId as string };
  }

  const settled = (id: string, status = 'delivered') =>
    eventually(async () => (await delivery(id)).status === status, 60_000, `delivery ${status}`);

  beforeAll(async () => {
    base = await receiver.start();
    api = await startTestApi();
    worker = await startInProcessWorker({
      database: api.database,
      env: { WEBHOOKS_BACKOFF_MS: '200', WEBHOOKS_TIMEOUT_MS: '1000', WEBHOOKS_ATTEMPTS: '4' },
    });
    const [a, o] = await Promise.all([createUser(api, 'admin'), createUser(api, 'officer')]);
    [admin, officer] = await Promise.all([
      tokenFor(api, a.user.email, a.password),
      tokenFor(api, o.user.email, o.password),
    ]);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  it('an admin registers an endpoint: the secret is shown once, the URL checked, the change audited', async () => {
    const registered = await call(admin, 'POST', '/api/v1/webhooks/endpoints', {
      url: `${base}/hooks/a`,
      events: ['case.opened'],
      description: 'CRM',
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ url: `${base}/hooks/a`, events: ['case.opened'], active: true });
    expect(registered.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(registered.headers.get('cache-control')).toBe('no-store');
    endpoint = { id: registered.body.id as string, secret: registered.body.secret as string };
    expect(registered.headers.get('location')).toBe(`/api/v1/webhooks/endpoints/${endpoint.id}`);

    const shown = await call(admin, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).not.toHaveProperty('secret');
    expect((await call(admin, 'GET', '/api/v1/webhooks/endpoints')).body.items).toEqual([shown.body]);
    const [audit] = (await api.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'webhook.endpoint_registered' AND entity_id = $1`,
      [endpoint.id],
    )) as { after: Json }[];
    expect(audit.after).toEqual({
      url: `${base}/hooks/a`,
      events: ['case.opened'],
      description: 'CRM',
      active: true,
    });
    expect(JSON.stringify(audit.after)).not.toContain('whsec_');

    const refusals: [unknown, string, string][] = [
      [{ url: 'http://crm.agency.example/hooks', events: ['case.opened'] }, 'url', 'url_https_required'],
      [{ url: 'https://u:p@crm.agency.example/', events: ['case.opened'] }, 'url', 'url_credentials'],
      [{ url: 'crm.agency.example', events: ['case.opened'] }, 'url', 'url_invalid'],
      [{ url: 'https://crm.agency.example/', events: [] }, 'events', 'arrayNotEmpty'],
      [{ url: 'https://crm.agency.example/', events: ['case.exploded'] }, 'events', 'isIn'],
      [
        { url: 'https://crm.agency.example/', events: ['case.opened'], secret: 'mine' },
        'secret',
        'unknownField',
      ],
    ];
    for (const [body, field, code] of refusals) {
      const res = await call(admin, 'POST', '/api/v1/webhooks/endpoints', body);
      expect({ body, status: res.status, type: res.headers.get('content-type') }).toEqual({
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await call(admin, 'GET', '/api/v1/webhooks/endpoints')).body.items).toHaveLength(1);
    // Officers (and everyone but admins) do not see webhooks at all.
    expect((await call(officer, 'GET', '/api/v1/webhooks/endpoints')).status).toBe(404);
    expect((await call(officer, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`)).status).toBe(404);
  });

  it('delivers a signed event; a 500 and a timeout are retried with the same Webhook-Id until a 2xx', async () => {
    receiver.replies.push(500, 'hang');
    const { caseId, deliveryId, eventId } = await openCaseAndFindDelivery();
    await settled(deliveryId);
    const hooks = receiver.withId(eventId);
    expect(hooks.map((h) => h.answered)).toEqual([500, null, 200]);
    expect(hooks.every((h) => h.path === '/hooks/a' && signatureIsValid(endpoint.secret, h))).toBe(true);
    expect(
      signatureIsValid(endpoint.secret, { ...hooks[2], body: hooks[2].body.replace('case', 'kase') }),
    ).toBe(false);
    expect(hooks.every((h) => Math.abs(Number(h.timestamp) - Date.now() / 1000) < 120)).toBe(true);
    const body = JSON.parse(hooks[2].body) as Json;
    expect(body).toMatchObject({ id: eventId, type: 'case.opened', version: 1, data: { caseId } });
    expect(Object.keys(body.data as Json).sort()).toEqual([
      'caseId',
      'companyId',
      'enrolmentId',
      'helpWanted',
      'language',
      'naceSection',
      'region',
      'sector',
      'stage',
      'targetMarkets',
    ]);
    expect(new Set(hooks.map((h) => h.body)).size).toBe(1);
    expect(await delivery(deliveryId)).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastResponseCode: 200,
      lastError: null,
      eventType: 'case.opened',
    });
  });

  it('gives up after the last attempt, and an admin replays it with the same Webhook-Id (audited)', async () => {
    receiver.replies.push(503, 503, 503, 503);
    const { deliveryId, eventId } = await openCaseAndFindDelivery();
    await settled(deliveryId, 'failed');
    expect(await delivery(deliveryId)).toMatchObject({
      attempts: 4,
      lastResponseCode: 503,
      lastError: 'HTTP 503',
    });
    expect(receiver.withId(eventId)).toHaveLength(4);

    // The receiver is slow (but within the timeout) on the replay, so a second replay meanwhile finds it in flight.
    receiver.replies.push({ status: 204, delayMs: 700 });
    const replayed = await call(admin, 'POST', `/api/v1/webhooks/deliveries/${deliveryId}/replay`);
    expect(replayed.status).toBe(202);
    expect(replayed.body).toMatchObject({ status: 'pending', replays: 1 });
    const again = await call(admin, 'POST', `/api/v1/webhooks/deliveries/${deliveryId}/replay`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('webhook.delivery_in_flight');
    await settled(deliveryId);
    const hooks = receiver.withId(eventId);
    expect(hooks.map((h) => h.answered)).toEqual([503, 503, 503, 503, 204]);
    expect(signatureIsValid(endpoint.secret, hooks[4])).toBe(true);
    expect(await delivery(deliveryId)).toMatchObject({ attempts: 5, replays: 1, lastResponseCode: 204 });
    const audit = (await api.dataSource.query(
      `SELECT actor_id, before, after FROM audit_event WHERE action = 'webhook.delivery_replayed' AND entity_id = $1`,
      [deliveryId],
    )) as Json[];
    expect(audit).toEqual([
      expect.objectContaining({
        before: { status: 'failed', replays: 0 },
        after: { status: 'pending', replays: 1 },
      }),
    ]);
    expect((await call(officer, 'POST', `/api/v1/webhooks/deliveries/${deliveryId}/replay`)).status).toBe(
      404,
    );
    expect((await call(admin, 'POST', `/api/v1/webhooks/deliveries/${randomUUID()}/replay`)).status).toBe(
      404,
    );
  });

  it('never sends a delivery twice once acknowledged: the job run again, two runs at once, the event again', async () => {
    const processor = worker.get(WebhookDeliveryProcessor);
    const { deliveryId, eventId } = await openCaseAndFindDelivery();
    await settled(deliveryId);
    expect(receiver.withId(eventId)).toHaveLength(1);

    // The same work run twice: directly, and as a second Bull job for the same row.
    expect(await processor.deliver(deliveryId, false)).toBe('skipped');
    const queue = worker.get(JobQueues).get(WEBHOOKS_QUEUE);
    await queue.ensure('deliver', { deliveryId }, `duplicate:${deliveryId}`);
    await eventually(
      async () => (await queue.job(`duplicate:${deliveryId}`))?.state === 'completed',
      30_000,
      'the duplicate job',
    );
    // The event dispatched again (a re-published outbox row): no second row, nothing sent.
    const [row] = (await api.dataSource.query(
      `SELECT id, type, version, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", payload,
              occurred_at AS "occurredAt" FROM outbox_event WHERE id = $1`,
      [eventId],
    )) as Json[];
    await processor.fanOut(row as Parameters<typeof processor.fanOut>[0]);
    const rows = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_id = $1`,
      [eventId],
    )) as { n: number }[];
    expect(rows[0].n).toBe(1);

    // A fresh event for a slow receiver, taken by the worker's job and two direct runs at the same moment.
    receiver.replies.push({ status: 200, delayMs: 500 });
    const event = { ...row, id: randomUUID(), occurredAt: new Date() } as Parameters<
      typeof processor.fanOut
    >[0];
    await processor.fanOut(event);
    const [fresh] = (await api.dataSource.query(`SELECT id FROM webhook_deliveries WHERE event_id = $1`, [
      event.id,
    ])) as { id: string }[];
    const results: DeliveryResult[] = await Promise.all([
      processor.deliver(fresh.id, false),
      processor.deliver(fresh.id, false),
    ]);
    await settled(fresh.id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.withId(event.id)).toHaveLength(1);
    expect(results.filter((r) => r === 'delivered').length).toBeLessThanOrEqual(1);
    expect(await delivery(fresh.id)).toMatchObject({ attempts: 1, status: 'delivered' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.withId(eventId)).toHaveLength(1);
  });

  it('the sweep queues a delivery whose job Redis lost, and leaves settled ones alone', async () => {
    const processor = worker.get(WebhookDeliveryProcessor);
    // A worker that recorded the row and died before queueing its job (or a flushed Redis): a pending row
    // with no job, quiet for two minutes.
    const eventId = randomUUID();
    const body = JSON.stringify({
      id: eventId,
      type: 'case.opened',
      version: 1,
      occurredAt: new Date(),
      data: {},
    });
    const [inserted] = (await api.dataSource.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, body, updated_at)
       VALUES ($1, $2, 'case.opened', $3, now() - interval '2 minutes') RETURNING id`,
      [endpoint.id, eventId, body],
    )) as { id: string }[];
    const { requeued } = await processor.sweep();
    expect(requeued).toBe(1);
    await settled(inserted.id);
    expect(receiver.withId(eventId)).toHaveLength(1);
    // Nothing left to sweep: delivered rows are never queued again.
    expect(await processor.sweep()).toEqual({ requeued: 0 });
  });

  it('lists deliveries newest first with the signed cursor, filtered; a paused or removed endpoint gets nothing', async () => {
    const all = await call(admin, 'GET', `/api/v1/webhooks/deliveries?limit=200`);
    const ids = (all.body.items as Json[]).map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        admin,
        'GET',
        `/api/v1/webhooks/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...(page.body.items as Json[]).map((d) => d.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(ids);
    const failed = await call(admin, 'GET', `/api/v1/webhooks/deliveries?status=failed`);
    expect(failed.body.items).toEqual([]);
    for (const query of ['status=lost', 'cursor=nope', 'endpointId=1', 'limit=201'])
      expect((await call(admin, 'GET', `/api/v1/webhooks/deliveries?${query}`)).status).toBe(400);

    const paused = await call(admin, 'PATCH', `/api/v1/webhooks/endpoints/${endpoint.id}`, { active: false });
    expect(paused.status).toBe(200);
    expect(paused.body.active).toBe(false);
    const before = receiver.received.length;
    const { caseId } = await buildSmeCase(api);
    await eventually(
      async () =>
        Boolean(
          (
            (await api.dataSource.query(
              `SELECT processed_at FROM outbox_event WHERE type = 'case.opened' AND aggregate_id = $1`,
              [caseId],
            )) as Json[]
          )[0]?.processed_at,
        ),
      30_000,
      'the event handled',
    );
    expect(receiver.received.length).toBe(before);

    expect((await call(admin, 'DELETE', `/api/v1/webhooks/endpoints/${endpoint.id}`)).status).toBe(204);
    expect((await call(admin, 'GET', `/api/v1/webhooks/endpoints/${endpoint.id}`)).status).toBe(404);
    const actions = (
      (await api.dataSource.query(
        `SELECT action FROM audit_event WHERE entity_type = 'webhook_endpoint' AND entity_id = $1 ORDER BY id`,
        [endpoint.id],
      )) as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual([
      'webhook.endpoint_registered',
      'webhook.endpoint_updated',
      'webhook.endpoint_deleted',
    ]);
  });

  it('delivers case.closed when an officer closes a case: ids, reason, stage and date, nobody named', async () => {
    const closing = await call(admin, 'POST', '/api/v1/webhooks/endpoints', {
      url: `${base}/hooks/closed`,
      events: ['case.closed'],
    });
    expect(closing.status).toBe(201);
    const { caseId, companyId } = await buildSmeCase(api);
    const version = ((await call(officer, 'GET', `/api/v1/cases/${caseId}`)).body.version as number) ?? 0;
    const closed = await call(officer, 'POST', `/api/v1/cases/${caseId}/close`, {
      reason: 'support-completed',
      summary: 'Plan agreed; exporting to France.',
      version,
    });
    expect(closed.status).toBe(200);
    await eventually(
      async () => receiver.received.some((r) => r.path === '/hooks/closed' && r.answered === 200),
      60_000,
      'the case.closed delivery',
    );
    const sent = receiver.received.find((r) => r.path === '/hooks/closed')!;
    expect(signatureIsValid(closing.body.secret as string, sent)).toBe(true);
    const body = JSON.parse(sent.body) as Json;
    expect(body).toMatchObject({
      type: 'case.closed',
      version: 1,
      data: { caseId, companyId, reason: 'support-completed' },
    });
    expect(Object.keys(body.data as Json).sort()).toEqual([
      'adviserId',
      'caseId',
      'closedAt',
      'companyId',
      'reason',
      'stage',
    ]);
    // Only the endpoint that chose case.closed hears of it.
    expect(
      receiver.received.filter((r) => r.path === '/hooks/closed').every((r) => r.body === sent.body),
    ).toBe(true);
  });

  it('documents every event payload in the served OpenAPI document', async () => {
    const doc = (await (await fetch(`${api.url}/api/docs-json`)).json()) as Json;
    const hooks = (doc['x-webhooks'] ?? doc.webhooks) as Json;
    expect(Object.keys(hooks).sort()).toEqual(['case.closed', 'case.opened', 'stage.changed']);
    const post = hooks['case.opened'].post as Json;
    expect((post.parameters as Json[]).map((p) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    const ref = post.requestBody.content['application/json'].schema.$ref as string;
    const schema = doc.components.schemas[ref.split('/').pop()!] as Json;
    // The documented data is exactly what a delivery carries (the previous test's body).
    const sent = receiver.received.find((r) => JSON.parse(r.body).type === 'case.opened')!;
    expect(Object.keys(schema.properties.data.properties as Json).sort()).toEqual(
      Object.keys(JSON.parse(sent.body).data as Json).sort(),
    );
    expect(schema.required).toEqual(['id', 'type', 'version', 'occurredAt', 'data']);
    expect(doc.paths['/api/v1/webhooks/endpoints'].post['x-roles']).toEqual(['admin']);
    expect(doc.paths['/api/v1/data-protection/requests'].get['x-roles']).toEqual(['officer', 'admin']);
  });

  it('the admin page registers (secret once), lists deliveries, refuses bad input with the error summary', async () => {
    const { user, password } = await createUser(api, 'admin');
    const web = await signInWeb(api, user.email, password);
    const page = await web.get('/admin/webhooks?lang=de');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Empfänger registrieren');
    expect(html).toContain('name="events" type="checkbox" value="case.opened"');

    const bad = await web.post('/admin/webhooks', {
      url: 'http://crm.agency.example/',
      events: 'case.opened',
      _csrf: csrfFromHtml(html),
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('govuk-error-summary');
    expect(badHtml).toContain('Der Empfänger muss mit https:// beginnen');

    const good = await web.post('/admin/webhooks', {
      url: `${base}/hooks/page`,
      events: ['case.opened', 'stage.changed'],
      description: 'Finanzen',
    });
    expect(good.status).toBe(201);
    const secret = /id="webhook-secret" lang="en">(whsec_[^<]+)</.exec(await good.text())?.[1];
    expect(secret).toMatch(/^whsec_/);
    const listed = await (await web.get('/admin/webhooks')).text();
    expect(listed).toContain(`${base}/hooks/page`);
    expect(listed).not.toContain(secret!);

    // A delivery shows on the page with its status, and its button sends it again.
    const registered = (await call(admin, 'GET', '/api/v1/webhooks/endpoints')).body.items as Json[];
    endpoint = { id: registered.find((e) => e.url === `${base}/hooks/page`)!.id as string, secret: secret! };
    const { deliveryId, eventId } = await openCaseAndFindDelivery();
    await settled(deliveryId);
    const withDelivery = await (await web.get('/admin/webhooks')).text();
    expect(withDelivery).toContain('Zugestellt');
    expect(withDelivery).toContain(`action="/admin/webhooks/deliveries/${deliveryId}/replay"`);
    const replay = await web.post(`/admin/webhooks/deliveries/${deliveryId}/replay`, {});
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/admin/webhooks?replayed=1');
    await eventually(() => receiver.withId(eventId).length === 2, 30_000, 'the replayed delivery');
    expect(
      receiver.withId(eventId).every((h) => h.path === '/hooks/page' && signatureIsValid(secret!, h)),
    ).toBe(true);

    const officerUser = await createUser(api, 'officer');
    const officerWeb = await signInWeb(api, officerUser.user.email, officerUser.password);
    expect((await officerWeb.get('/admin/webhooks')).status).toBe(404);
  });
});
