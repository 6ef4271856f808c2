import { createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { typedApi } from '../../support/typed-api';
import { apiClient, completeAnswers, rowCounts } from './enrolment-fixtures';

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('enrolment API', () => {
  let api: TestApi;
  let sme: ReturnType<typeof apiClient>;
  let otherSme: ReturnType<typeof apiClient>;
  let officer: ReturnType<typeof apiClient>;
  let adviser: ReturnType<typeof apiClient>;
  let smeId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const clientFor = async (role: 'sme' | 'officer' | 'adviser') => {
      const { user, password } = await createUser(api, role);
      return { client: apiClient(api, await tokenFor(api, user.email, password)), id: user.id };
    };
    const first = await clientFor('sme');
    sme = first.client;
    smeId = first.id;
    otherSme = (await clientFor('sme')).client;
    officer = (await clientFor('officer')).client;
    adviser = (await clientFor('adviser')).client;
  });
  afterAll(() => api?.close());

  it('saves an incomplete draft, then completes it with PATCH (typed by the API document)', async () => {
    // The typed client: paths, bodies and answers come from test/support/api-types.ts (npm run api:client).
    const typed = typedApi(() => api.url, sme.token);
    const answer = await typed.call('post', '/api/v1/enrolments', {
      body: { company: { legalName: 'Half Done Ltd' } },
    });
    const created = answer.ok(201);
    expect(answer.headers.get('location')).toBe(`/api/v1/enrolments/${created.id}`);
    expect(created).toMatchObject({
      status: 'draft',
      version: 1,
      company: { legalName: 'Half Done Ltd', employees: null },
    });

    const patch = await typed.call('patch', '/api/v1/enrolments/{id}', {
      path: { id: created.id },
      body: { company: { employees: 40, registrationNumber: ' sc 123 ' } },
    });
    const patched = patch.ok(200);
    expect(patched.company).toMatchObject({
      legalName: 'Half Done Ltd',
      employees: 40,
      registrationNumber: 'SC123',
    });
    expect(patched.version).toBe(2);
    expect(patch.headers.get('etag')).toBe('"2"');

    const submit = await typed.call('post', '/api/v1/enrolments/{id}/submit', {
      path: { id: created.id },
      body: {},
    });
    const problem = submit.problem(422);
    expect(problem.code).toBe('enrolment.incomplete');
    expect(problem.errors?.map((e) => e.field)).toContain('company.region');
  });

  it('refuses to submit an incomplete draft, naming every missing answer, and writes nothing', async () => {
    const created = await sme.create({ company: { legalName: 'Half Done Ltd' } });
    const before = await rowCounts(api);
    const res = await sme.submit(created.body.id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('enrolment.incomplete');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'company.registrationNumber',
        'company.region',
        'targetMarkets',
        'consent.dataProcessing',
      ]),
    );
    expect(fields).not.toContain('company.legalName');
    expect(res.body.errors[0].message).toEqual(expect.any(String));
    expect(await rowCounts(api)).toEqual(before);
  });

  it('submits an eligible enrolment: company, result with every reason, case, outbox event and audit rows', async () => {
    const answers = completeAnswers();
    const created = await sme.create(answers);
    const res = await sme.submit(created.body.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('eligible');
    expect(res.body.eligibility.eligible).toBe(true);
    expect(
      res.body.eligibility.reasons.map((r: { rule: string; passed: boolean }) => [r.rule, r.passed]),
    ).toEqual([
      ['sme_employees', true],
      ['sme_financials', true],
      ['region', true],
      ['sector', true],
      ['not_already_enrolled', true],
    ]);
    expect(res.body.case).toMatchObject({ stage: 'passive_exporter', status: 'awaiting_assignment' });

    const [kase] = await api.dataSource.query(`SELECT * FROM cases WHERE id = $1`, [res.body.case.id]);
    expect(kase).toMatchObject({ region: 'north-west', sector: '62.01', stage: 'passive_exporter' });
    const [company] = await api.dataSource.query(`SELECT * FROM companies WHERE id = $1`, [kase.company_id]);
    expect(company).toMatchObject({
      registration_number: answers.company.registrationNumber,
      primary_contact_id: smeId,
    });
    const events = await api.dataSource.query(
      `SELECT type, payload FROM outbox_event WHERE aggregate_id = $1`,
      [kase.id],
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'case.opened',
        payload: expect.objectContaining({ caseId: kase.id, smeUserId: smeId }),
      }),
    ]);
    const audit = await api.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id IN ($1, $2, $3) ORDER BY id`,
      [created.body.id, kase.id, company.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'enrolment.draft_created',
      'company.created',
      'enrolment.submitted',
      'case.opened',
    ]);

    // The SME's confirmation email: a notification row in the same transaction, delivered by the worker.
    const [user] = await api.dataSource.query(`SELECT email FROM users WHERE id = $1`, [smeId]);
    const mails = await api.dataSource.query(
      `SELECT id, kind, recipient_email, language, subject, body_text, status FROM notification WHERE case_id = $1`,
      [kase.id],
    );
    expect(mails).toEqual([
      expect.objectContaining({
        kind: 'case-opened.sme',
        recipient_email: user.email,
        language: 'en',
        status: 'created',
        subject: `Your enrolment is accepted: ${answers.company.legalName} has joined the programme`,
      }),
    ]);
    expect(mails[0].body_text).toContain('/home');
    const delivery = await api.dataSource.query(
      `SELECT type FROM outbox_event WHERE aggregate_id = $1 AND type = 'notification.created'`,
      [mails[0].id],
    );
    expect(delivery).toHaveLength(1);
  });

  it('opens a non-exporter case when the company has not exported', async () => {
    const created = await sme.create(
      completeAnswers({
        exportStatus: {
          exportedLast12Months: false,
          exportSharePercent: null,
          markets: null,
          orderOrigin: null,
        },
      }),
    );
    const res = await sme.submit(created.body.id);
    expect(res.body.case.stage).toBe('non_exporter');
  });

  it('a submitted enrolment cannot be edited or submitted again (409), and nothing changes', async () => {
    const created = await sme.create(completeAnswers());
    await sme.submit(created.body.id);
    const before = await rowCounts(api);
    const patch = await sme.patch(created.body.id, { company: { employees: 3 } });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('enrolment.not_editable');
    expect((await sme.submit(created.body.id)).status).toBe(409);
    expect(await rowCounts(api)).toEqual(before);
  });

  it('stores and explains an ineligible decision, and allows one appeal', async () => {
    const created = await sme.create(completeAnswers({ company: { employees: 250, region: 'outside' } }));
    const res = await sme.submit(created.body.id, undefined, { 'accept-language': 'es' });
    expect(res.body.status).toBe('ineligible');
    expect(res.body.case).toBeNull();
    const failed = res.body.eligibility.reasons
      .filter((r: { passed: boolean }) => !r.passed)
      .map((r: { rule: string }) => r.rule);
    expect(failed).toEqual(['sme_employees', 'region']);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM cases WHERE enrolment_id = $1`,
      [created.body.id],
    );
    expect(n).toBe(0);

    expect((await sme.appeal(created.body.id, '   ')).status).toBe(400);
    const appealed = await sme.appeal(created.body.id, 'We split into two companies last month.');
    expect(appealed.status).toBe(201);
    expect(appealed.body).toMatchObject({
      status: 'appealed',
      appeal: { reason: 'We split into two companies last month.' },
    });
    const again = await sme.appeal(created.body.id, 'Please look again');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('enrolment.appeal_not_allowed');

    const appeals = await officer.call('GET', '/api/v1/enrolments?status=appealed');
    expect(appeals.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
    const upheld = await officer.call('POST', `/api/v1/enrolments/${created.body.id}/appeal/decision`, {
      decision: 'upheld',
    });
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({ status: 'eligible', case: { status: 'awaiting_assignment' } });
    // The SME applied in Spanish: the case opened by the officer's decision writes to it in Spanish.
    const [opened] = (await api.dataSource.query(
      `SELECT n.language, o.payload ->> 'language' AS case_language
         FROM notification n JOIN outbox_event o ON o.aggregate_id = n.case_id::text AND o.type = 'case.opened'
        WHERE n.kind = 'case-opened.sme' AND n.case_id = $1`,
      [upheld.body.case.id],
    )) as { language: string; case_language: string }[];
    expect(opened).toEqual({ language: 'es', case_language: 'es' });
  });

  it('withdraws a draft; an eligible application cannot be withdrawn by the SME', async () => {
    const draft = await sme.create({ company: { legalName: 'Changed Our Minds Ltd' } });
    const res = await sme.call('POST', `/api/v1/enrolments/${draft.body.id}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    expect((await sme.patch(draft.body.id, { company: { employees: 1 } })).status).toBe(409);
    const eligible = await sme.create(completeAnswers());
    await sme.submit(eligible.body.id);
    expect((await sme.call('POST', `/api/v1/enrolments/${eligible.body.id}/withdraw`)).status).toBe(409);
  });

  it('an eligible enrolment cannot be appealed', async () => {
    const created = await sme.create(completeAnswers());
    await sme.submit(created.body.id);
    expect((await sme.appeal(created.body.id, 'why not')).status).toBe(409);
  });

  it('shows an SME only its own enrolments (404 otherwise); officers see all, advisers none', async () => {
    const created = await sme.create({ company: { legalName: 'Private Ltd' } });
    const id = created.body.id;
    expect((await otherSme.get(id)).status).toBe(404);
    expect((await otherSme.patch(id, { company: { legalName: 'Mine now' } })).status).toBe(404);
    expect((await otherSme.submit(id)).status).toBe(404);
    expect((await adviser.get(id)).status).toBe(404);
    expect((await officer.get(id)).status).toBe(200);
    expect((await officer.patch(id, { company: { legalName: 'x' } })).status).toBe(404);
    expect((await sme.get(id)).body.company.legalName).toBe('Private Ltd');
    expect((await sme.get('not-a-uuid')).status).toBe(404);
    expect((await sme.get('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('answers field errors for bad input, 400 for unknown fields and 413 for oversized bodies', async () => {
    const before = await rowCounts(api);
    const bad = await sme.create({
      company: { employees: -1, registrationCountry: 'XX', region: 'atlantis' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'company.employees',
      'company.registrationCountry',
    ]);
    const region = await sme.create({ company: { region: 'atlantis', naceCode: '99.99', currency: 'XXX' } });
    expect(region.status).toBe(400);
    expect(region.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'company.region',
      'company.naceCode',
      'company.currency',
    ]);
    const vat = await sme.create({ company: { registrationCountry: 'DE', vatNumber: 'DE123' } });
    expect(vat.status).toBe(400);
    expect(vat.body.errors).toEqual([
      expect.objectContaining({ field: 'company.vatNumber', code: 'invalid' }),
    ]);
    const unknown = await sme.create({ company: { legalName: 'A' }, favouriteColour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'favouriteColour', code: 'unknownField' });
    const big = await sme.create({ barriers: { note: 'x'.repeat(120_000) } });
    expect(big.status).toBe(413);
    expect(await rowCounts(api)).toEqual(before);
  });

  it('honours If-Match: a stale version is refused with 409', async () => {
    const created = await sme.create({ company: { legalName: 'Versioned Ltd' } });
    const ok = await sme.patch(created.body.id, { company: { employees: 5 } }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    const stale = await sme.patch(created.body.id, { company: { employees: 6 } }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'enrolment.version_conflict', currentVersion: 2 });
    expect((await sme.get(created.body.id)).body.company.employees).toBe(5);
  });

  it('replays the first answer for a repeated Idempotency-Key and creates one row', async () => {
    const key = `test-${Date.now()}`;
    const body = completeAnswers();
    const first = await sme.create(body, { 'idempotency-key': key });
    const second = await sme.create(body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM enrolments WHERE legal_name = $1`,
      [body.company.legalName],
    );
    expect(n).toBe(1);

    const reused = await sme.create({ company: { legalName: 'Different' } }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key.reused');
    // Another user's identical key is theirs alone.
    const theirs = await otherSme.create(body, { 'idempotency-key': key });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);

    const submitKey = `submit-${Date.now()}`;
    const s1 = await sme.submit(first.body.id, undefined, { 'idempotency-key': submitKey });
    const s2 = await sme.submit(first.body.id, undefined, { 'idempotency-key': submitKey });
    expect(s1.status).toBe(200);
    expect(s2.body).toEqual(s1.body);
    const [{ cases }] = await api.dataSource.query(
      `SELECT count(*)::int AS cases FROM cases WHERE enrolment_id = $1`,
      [first.body.id],
    );
    expect(cases).toBe(1);
  });

  it('the same key sent several times at once still creates one row, and every caller gets it', async () => {
    const key = `race-${Date.now()}`;
    const body = completeAnswers();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => sme.create(body, { 'idempotency-key': key })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
  });

  it('needs a signed-in SME to create', async () => {
    const anonymous = await fetch(`${api.url}/api/v1/enrolments`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
    expect((await officer.create({})).status).toBe(404);
  });
});
