import { createUser, tokenFor } from '../../support/auth';
import { startTestApi, TestApi } from '../../support/test-api';
import { apiClient, completeAnswers, rowCounts, uniqueRegistration } from './enrolment-fixtures';

// Sign-ups hash passwords with argon2 and the machine is shared: allow for a slow minute.
jest.setTimeout(90_000);
describe('duplicate companies', () => {
  let api: TestApi;
  let sme: ReturnType<typeof apiClient>;
  let otherSme: ReturnType<typeof apiClient>;
  let officer: ReturnType<typeof apiClient>;
  let officerId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const clientFor = async (role: 'sme' | 'officer') => {
      const { user, password } = await createUser(api, role);
      return { client: apiClient(api, await tokenFor(api, user.email, password)), id: user.id };
    };
    sme = (await clientFor('sme')).client;
    otherSme = (await clientFor('sme')).client;
    const o = await clientFor('officer');
    officer = o.client;
    officerId = o.id;
  });
  afterAll(() => api?.close());

  async function enrol(client: ReturnType<typeof apiClient>, answers: ReturnType<typeof completeAnswers>) {
    const created = await client.create(answers);
    expect(created.status).toBe(201);
    return { id: created.body.id as string, submit: await client.submit(created.body.id) };
  }

  it('tells the same SME it already enrolled the company (same number, spaced and lower-case)', async () => {
    const registration = uniqueRegistration();
    const first = await enrol(sme, completeAnswers({ company: { registrationNumber: registration } }));
    expect(first.submit.status).toBe(200);
    const spaced = `${registration.slice(0, 4).toLowerCase()} ${registration.slice(4)}`;
    const created = await sme.create(completeAnswers({ company: { registrationNumber: spaced } }));
    const before = await rowCounts(api);
    const second = await sme.submit(created.body.id);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'enrolment.already_enrolled', enrolmentId: first.id });
    expect(await rowCounts(api)).toEqual(before);
    expect((await sme.get(created.body.id)).body.status).toBe('draft');
  });

  it('tells another SME an enrolment exists and whom to contact, without revealing whose', async () => {
    const registration = uniqueRegistration();
    await enrol(sme, completeAnswers({ company: { registrationNumber: registration } }));
    const created = await otherSme.create(completeAnswers({ company: { registrationNumber: registration } }));
    const before = await rowCounts(api);
    const res = await otherSme.submit(created.body.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'enrolment.company_already_enrolled',
      contact: 'enrolments@export-programme.example',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/enrolmentId|userId/);
    expect(await rowCounts(api)).toEqual(before);
  });

  it('when two SMEs submit the same company at the same moment, one wins and the other is told', async () => {
    const registration = uniqueRegistration();
    const a = await sme.create(completeAnswers({ company: { registrationNumber: registration } }));
    const b = await otherSme.create(completeAnswers({ company: { registrationNumber: registration } }));
    const results = await Promise.all([sme.submit(a.body.id), otherSme.submit(b.body.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.code).toBe('enrolment.company_already_enrolled');
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM companies WHERE registration_number = $1`,
      [registration],
    );
    expect(n).toBe(1);
  });

  it('lets the same company apply again after an ineligible decision, reusing the company record', async () => {
    const registration = uniqueRegistration();
    const first = await enrol(
      sme,
      completeAnswers({ company: { registrationNumber: registration, employees: 400 } }),
    );
    expect(first.submit.body.status).toBe('ineligible');
    const second = await enrol(
      sme,
      completeAnswers({ company: { registrationNumber: registration, employees: 120 } }),
    );
    expect(second.submit.body.status).toBe('eligible');
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM companies WHERE registration_number = $1`,
      [registration],
    );
    expect(n).toBe(1);
  });

  it('flags a very similar name in the same region and the same VAT number, not a different region', async () => {
    const original = await enrol(
      sme,
      completeAnswers({
        company: { legalName: 'Brightwater Textiles Limited', region: 'wales', vatNumber: 'GB980780684' },
      }),
    );
    expect(original.submit.body.status).toBe('eligible');

    const similar = await enrol(
      otherSme,
      completeAnswers({ company: { legalName: 'Brightwater Textile Limited', region: 'wales' } }),
    );
    const elsewhere = await enrol(
      otherSme,
      completeAnswers({ company: { legalName: 'Brightwater Textile Limited', region: 'scotland' } }),
    );
    const sameVat = await enrol(
      otherSme,
      completeAnswers({
        company: { legalName: 'Completely Different plc', region: 'london', vatNumber: '980 7806 84' },
      }),
    );
    // Flagged companies are still enrolled; an officer decides later.
    expect(similar.submit.body.status).toBe('eligible');

    const flags = await officer.call('GET', '/api/v1/duplicate-flags?limit=200');
    expect(flags.status).toBe(200);
    const byEnrolment = new Map<
      string,
      { reason: string; similarity: number; matchCompany: { legalName: string } }
    >(flags.body.items.map((f: { enrolmentId: string }) => [f.enrolmentId, f]));
    expect(byEnrolment.get(similar.id)).toMatchObject({
      reason: 'similar_name',
      matchCompany: { legalName: 'Brightwater Textiles Limited' },
    });
    expect(byEnrolment.get(similar.id)!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(byEnrolment.get(sameVat.id)).toMatchObject({ reason: 'same_vat' });
    expect(byEnrolment.has(elsewhere.id)).toBe(false);

    // SMEs never see the officers' list.
    expect((await sme.call('GET', '/api/v1/duplicate-flags')).status).toBe(404);
  });

  it('merges a flagged company: its enrolment and case move to the existing company, with an audit trail', async () => {
    const original = await enrol(
      sme,
      completeAnswers({ company: { legalName: 'Harbour Light Ceramics Ltd', region: 'south-west' } }),
    );
    const duplicate = await enrol(
      otherSme,
      completeAnswers({ company: { legalName: 'Harbour Lights Ceramics Ltd', region: 'south-west' } }),
    );
    const flags = await officer.call('GET', '/api/v1/duplicate-flags?limit=200');
    const flag = flags.body.items.find((f: { enrolmentId: string }) => f.enrolmentId === duplicate.id);
    expect(flag).toBeDefined();
    const survivorId = flag.matchCompany.id as string;
    const mergedId = flag.company.id as string;

    const caseOf = async (enrolmentId: string): Promise<string> =>
      (
        (await api.dataSource.query(`SELECT id FROM cases WHERE enrolment_id = $1`, [enrolmentId])) as {
          id: string;
        }[]
      )[0].id;
    // Both companies have an open case: the officer must say which continues (the other closes as a duplicate).
    const unchosen = await officer.call('POST', `/api/v1/duplicate-flags/${flag.id}/merge`, {});
    expect(unchosen.status).toBe(400);
    expect(unchosen.body.errors[0]).toMatchObject({ field: 'continuingCaseId' });
    const merged = await officer.call('POST', `/api/v1/duplicate-flags/${flag.id}/merge`, {
      continuingCaseId: await caseOf(duplicate.id),
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      status: 'merged',
      company: { id: mergedId },
      matchCompany: { id: survivorId },
    });

    const [enrolment] = await api.dataSource.query(`SELECT company_id FROM enrolments WHERE id = $1`, [
      duplicate.id,
    ]);
    expect(enrolment.company_id).toBe(survivorId);
    const [kase] = await api.dataSource.query(
      `SELECT company_id, version FROM cases WHERE enrolment_id = $1`,
      [duplicate.id],
    );
    expect(kase.company_id).toBe(survivorId);
    expect(kase.version).toBe(2);
    const [company] = await api.dataSource.query(`SELECT merged_into_id FROM companies WHERE id = $1`, [
      mergedId,
    ]);
    expect(company.merged_into_id).toBe(survivorId);
    const original_ = await api.dataSource.query(`SELECT company_id FROM enrolments WHERE id = $1`, [
      original.id,
    ]);
    expect(original_[0].company_id).toBe(survivorId);

    const audit = await api.dataSource.query(
      `SELECT action, actor_id FROM audit_event WHERE action IN ('company.merged', 'enrolment.company_moved', 'case.company_moved', 'duplicate_flag.merged') AND actor_id = $1`,
      [officerId],
    );
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'case.company_moved',
      'company.merged',
      'duplicate_flag.merged',
      'enrolment.company_moved',
    ]);
    const [event] = await api.dataSource.query(
      `SELECT payload FROM outbox_event WHERE type = 'company.merged' AND aggregate_id = $1`,
      [survivorId],
    );
    expect(event.payload).toMatchObject({ fromCompanyId: mergedId, intoCompanyId: survivorId });

    const again = await officer.call('POST', `/api/v1/duplicate-flags/${flag.id}/merge`);
    expect(again.status).toBe(409);
    // A merged company no longer attracts near-duplicate flags of its own.
    const later = await enrol(
      sme,
      completeAnswers({ company: { legalName: 'Harbour Lights Ceramics Ltd', region: 'south-west' } }),
    );
    const laterFlags = (await officer.call('GET', '/api/v1/duplicate-flags?limit=200')).body.items.filter(
      (f: { enrolmentId: string }) => f.enrolmentId === later.id,
    );
    expect(laterFlags.map((f: { matchCompany: { id: string } }) => f.matchCompany.id)).not.toContain(
      mergedId,
    );
  });

  it('re-points the other open flags of a merged company to the survivor, with an audit row each', async () => {
    const first = await enrol(
      sme,
      completeAnswers({ company: { legalName: 'Northwind Copper Works Ltd', region: 'north-east' } }),
    );
    const second = await enrol(
      otherSme,
      completeAnswers({ company: { legalName: 'Northwind Copper Work Ltd', region: 'north-east' } }),
    );
    const third = await enrol(
      otherSme,
      completeAnswers({ company: { legalName: 'Northwind Coppers Works Ltd', region: 'north-east' } }),
    );
    const companyOf = async (enrolmentId: string): Promise<string> =>
      (
        (await api.dataSource.query(`SELECT company_id FROM enrolments WHERE id = $1`, [enrolmentId])) as {
          company_id: string;
        }[]
      )[0].company_id;
    const [firstCo, secondCo, thirdCo] = await Promise.all(
      [first, second, third].map((e) => companyOf(e.id)),
    );
    type Flag = { id: string; enrolmentId: string; matchCompany: { id: string } };
    const open = (await officer.call('GET', '/api/v1/duplicate-flags?limit=200')).body.items as Flag[];
    const thirdFlags = open.filter((f) => f.enrolmentId === third.id);
    const intoFirst = thirdFlags.find((f) => f.matchCompany.id === firstCo);
    const againstSecond = thirdFlags.find((f) => f.matchCompany.id === secondCo);
    expect(intoFirst).toBeDefined();
    expect(againstSecond).toBeDefined();

    const [firstCase] = (await api.dataSource.query(`SELECT id FROM cases WHERE enrolment_id = $1`, [
      first.id,
    ])) as { id: string }[];
    expect(
      (
        await officer.call('POST', `/api/v1/duplicate-flags/${intoFirst!.id}/merge`, {
          continuingCaseId: firstCase.id,
        })
      ).status,
    ).toBe(200);

    const [repointed] = (await api.dataSource.query(
      `SELECT company_id, match_company_id, status FROM duplicate_flags WHERE id = $1`,
      [againstSecond!.id],
    )) as { company_id: string; match_company_id: string; status: string }[];
    expect(repointed).toEqual({ company_id: firstCo, match_company_id: secondCo, status: 'open' });
    const [audit] = (await api.dataSource.query(
      `SELECT before, after FROM audit_event WHERE action = 'duplicate_flag.repointed' AND entity_id = $1`,
      [againstSecond!.id],
    )) as { before: Record<string, string>; after: Record<string, string> }[];
    expect(audit.before).toMatchObject({ companyId: thirdCo });
    expect(audit.after).toMatchObject({ companyId: firstCo });
  });

  it('dismisses a flag without touching the companies', async () => {
    await enrol(
      sme,
      completeAnswers({ company: { legalName: 'Northern Oak Joinery Ltd', region: 'north-east' } }),
    );
    const dup = await enrol(
      otherSme,
      completeAnswers({ company: { legalName: 'Northern Oak Joinery Limited', region: 'north-east' } }),
    );
    const flag = (await officer.call('GET', '/api/v1/duplicate-flags?limit=200')).body.items.find(
      (f: { enrolmentId: string }) => f.enrolmentId === dup.id,
    );
    const res = await officer.call('POST', `/api/v1/duplicate-flags/${flag.id}/dismiss`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('dismissed');
    const [company] = await api.dataSource.query(`SELECT merged_into_id FROM companies WHERE id = $1`, [
      flag.company.id,
    ]);
    expect(company.merged_into_id).toBeNull();
    const dismissed = await officer.call('GET', '/api/v1/duplicate-flags?status=dismissed&limit=200');
    expect(dismissed.body.items.map((f: { id: string }) => f.id)).toContain(flag.id);
    expect((await officer.call('POST', `/api/v1/duplicate-flags/${flag.id}/dismiss`)).status).toBe(409);
  });
});
