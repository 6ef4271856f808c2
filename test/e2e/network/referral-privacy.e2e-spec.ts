import { RetentionService } from '@app/data-protection';
import { buildAdviser, buildCase, buildToken } from '../../factories';
import { readJson, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';
import { call } from '../advisers/support/advisers.factory';
import { readArchive } from '../data-protection/support/archive';
import { archiveWithFourEyes, eraseWithFourEyes } from '../data-protection/support/two-people';

jest.setTimeout(120_000);

/** What the referral KPIs count: referrals per partner and results per result. */
const referralCounts = async (api: TestApi): Promise<Json[]> =>
  api.dataSource.query(
    `SELECT partner_code, status, result, count(*)::int AS n FROM partner_referrals
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );

/**
 * Partner referrals hold personal data (the reason and the partner's note may name the company's contact):
 * they are in the company contact's subject access request, erasure pseudonymises their free text but keeps
 * the partner and result (the KPIs), and retention blanks the text of referrals quiet for too long.
 */
describe('network: partner referrals and data protection', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("archives the company's referrals, and erasure replaces the contact's name in them but keeps the counts", async () => {
    const adviser = await buildAdviser(api);
    const { caseId, sme } = await buildCase(api, { adviserId: adviser.user.id });
    const token = await buildToken(api, adviser.user);
    const reason = `${sme.user.name} (${sme.user.email}) wants a distributor in Germany`;
    const res = await call(api, token, 'POST', `/api/v1/cases/${caseId}/referrals`, {
      partnerCode: 'ahk-uk',
      reason,
      smeConsent: true,
    });
    expect(res.status).toBe(201);
    const { id } = await readJson(res);
    await api.dataSource.query(
      `UPDATE partner_referrals SET status = 'completed', result = 'helped', result_at = now(),
              result_note = $2 WHERE id = $1`,
      [id, `Met ${sme.user.name} twice`],
    );

    const { archive } = await archiveWithFourEyes(api, sme.user.email);
    const { json } = readArchive(archive);
    expect(json.records.partner_referrals).toEqual([
      expect.objectContaining({ id, partner_code: 'ahk-uk', reason, result: 'helped' }),
    ]);

    const before = await referralCounts(api);
    await eraseWithFourEyes(api, {
      email: sme.user.email,
      reason: 'Asked in writing',
      confirmOpenCase: true,
    });
    const [row] = await api.dataSource.query(
      `SELECT partner_code, result, reason, result_note FROM partner_referrals WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ partner_code: 'ahk-uk', result: 'helped' });
    expect(row.reason).not.toContain(sme.user.name);
    expect(row.reason).not.toContain(sme.user.email);
    expect(row.reason).toContain('wants a distributor in Germany');
    expect(row.result_note).not.toContain(sme.user.name);
    expect(await referralCounts(api)).toEqual(before);
  });

  it('blanks the reason and note of referrals quiet for longer than config/retention.yaml allows', async () => {
    const adviser = await buildAdviser(api);
    const { caseId } = await buildCase(api, { adviserId: adviser.user.id });
    const insert = (ago: string): Promise<{ id: string }[]> =>
      api.dataSource.query(
        `INSERT INTO partner_referrals (case_id, partner_code, referred_by_id, reason, consent_recorded_at,
                                        consent_recorded_by_id, status, language, accept_expires_at,
                                        result_expires_at, accepted_at, result, result_note, result_at,
                                        created_at, updated_at, version)
         VALUES ($1, 'export-credit', $2, 'Private reason', now() - $3::interval, $2, 'completed', 'en',
                 now() - $3::interval, now() - $3::interval, now() - $3::interval, 'not_able_to_help',
                 'Private note', now() - $3::interval, now() - $3::interval, now(), 1) RETURNING id`,
        [caseId, adviser.user.id, ago],
      );
    const [old] = await insert('4 years');
    const [recent] = await insert('1 year');
    const before = await referralCounts(api);

    const outcome = await api.app.get(RetentionService).run();
    expect(outcome.counts.partnerReferrals).toBe(2);
    const rows = await api.dataSource.query(
      `SELECT id, reason, result_note FROM partner_referrals WHERE id = ANY($1::uuid[])`,
      [[old.id, recent.id]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: old.id, reason: '', result_note: null },
        { id: recent.id, reason: 'Private reason', result_note: 'Private note' },
      ]),
    );
    expect(await referralCounts(api)).toEqual(before);
    // A second run finds nothing more to do.
    expect((await api.app.get(RetentionService).run()).counts.partnerReferrals).toBe(0);
  });
});
