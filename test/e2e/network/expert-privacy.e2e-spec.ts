import {
  buildAdviser,
  buildCase,
  buildExpert,
  buildExpertAccount,
  buildIntroduction,
  buildUser,
} from '../../factories';
import { RetentionService } from '@app/data-protection';
import { ExpertAccountService } from '@app/network';
import { startTestApi, type TestApi } from '../../support/test-api';
import { readArchive } from '../data-protection/support/archive';
import { archiveWithFourEyes, eraseWithFourEyes } from '../data-protection/support/two-people';

jest.setTimeout(120_000);

/**
 * Experts are data subjects too, though they have no account: a subject access request for an expert's
 * address finds their profile and the introductions asked of them, and says no account was found.
 */
describe('network: an expert in a subject access request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("archives the expert's profile and the introductions asked of them", async () => {
    const officer = await buildUser(api, 'officer');
    const adviser = await buildAdviser(api);
    const { caseId } = await buildCase(api, { adviserId: adviser.user.id });
    const email = 'private.expert@mentors.example';
    const expertId = await buildExpert(api, officer.user, {
      name: 'Private Expert',
      email,
      phone: '+44 20 0000',
    });
    const introductionId = await buildIntroduction(api, adviser.user, caseId, expertId, 'A private purpose');

    const { archive } = await archiveWithFourEyes(api, email);
    const { json, html } = readArchive(archive);
    expect(json.subject).toMatchObject({ email, found: false, userId: null });
    expect(json.records.experts).toEqual([
      expect.objectContaining({ id: expertId, name: 'Private Expert', email, phone: '+44 20 0000' }),
    ]);
    expect(json.records.introductions).toEqual([
      expect.objectContaining({ id: introductionId, purpose: 'A private purpose' }),
    ]);
    // Tables that answer only for an account holder stay empty for an address without one.
    expect(json.records.users).toEqual([]);
    expect(html).toContain(
      'No account was found for this email address; the records below are held about it',
    );
  });

  it('pseudonymises an erased expert and takes them out of matching, keeping their introductions', async () => {
    const officer = await buildUser(api, 'officer');
    const adviser = await buildAdviser(api);
    const { caseId } = await buildCase(api, { adviserId: adviser.user.id });
    const email = 'forgotten.expert@mentors.example';
    const expertId = await buildExpert(api, officer.user, { name: 'Forgotten Expert', email });
    const introductionId = await buildIntroduction(
      api,
      adviser.user,
      caseId,
      expertId,
      'Ask Forgotten Expert',
    );
    // Erasure is for people with an account: the expert joined through their invitation.
    await buildExpertAccount(api, officer.user, expertId, 'a long enough password 1');

    const { changes } = await eraseWithFourEyes(api, { email, reason: 'The expert asked to be forgotten' });
    expect(changes).toEqual(
      expect.arrayContaining([
        { table: 'experts', key: expertId, column: 'active', action: 'update' },
        { table: 'experts', key: expertId, column: 'consent_to_contact', action: 'update' },
      ]),
    );
    const [expert] = (await api.dataSource.query(
      `SELECT name, email, active, consent_to_contact FROM experts WHERE id = $1`,
      [expertId],
    )) as { name: string; email: string; active: boolean; consent_to_contact: boolean }[];
    expect(expert).toMatchObject({ active: false, consent_to_contact: false });
    expect(expert.email).not.toBe(email);
    expect(expert.name).not.toBe('Forgotten Expert');
    const [intro] = (await api.dataSource.query(`SELECT purpose FROM introductions WHERE id = $1`, [
      introductionId,
    ])) as { purpose: string }[];
    expect(intro.purpose).not.toContain('Forgotten Expert');
  });

  it('pseudonymises an expert who left long ago, with their account, and keeps their introductions', async () => {
    const officer = await buildUser(api, 'officer');
    const adviser = await buildAdviser(api);
    const { caseId } = await buildCase(api, { adviserId: adviser.user.id });
    // Asked for an introduction while still in the network, then both leave.
    const leaver = async (name: string, email: string, purpose?: string) => {
      const expertId = await buildExpert(api, officer.user, { name, email });
      const userId = await buildExpertAccount(api, officer.user, expertId, 'a long enough password 1');
      const introductionId = purpose
        ? await buildIntroduction(api, adviser.user, caseId, expertId, purpose)
        : null;
      await api.app
        .get(ExpertAccountService)
        .leave({ id: userId, email, name, role: 'expert' }, { actorId: userId, requestId: 'test' });
      return { expertId, userId, introductionId };
    };
    const longGone = await leaver('Long Gone Expert', 'long.gone@mentors.example', 'Still counted');
    const recent = await leaver('Recent Leaver', 'recent.leaver@mentors.example');
    await api.dataSource.query(`UPDATE experts SET left_at = now() - interval '25 months' WHERE id = $1`, [
      longGone.expertId,
    ]);

    const outcome = await api.app.get(RetentionService).run();
    expect(outcome.counts.leftExperts).toBeGreaterThan(0);
    const rows = (await api.dataSource.query(
      `SELECT e.id, e.name, e.email, u.name AS account FROM experts e JOIN users u ON u.id = e.user_id
        WHERE e.id = ANY($1) ORDER BY e.name`,
      [[longGone.expertId, recent.expertId]],
    )) as { id: string; name: string; email: string; account: string }[];
    const gone = rows.find((r) => r.id === longGone.expertId)!;
    expect(gone.name).not.toBe('Long Gone Expert');
    expect(gone.email).not.toBe('long.gone@mentors.example');
    expect(gone.account).toMatch(/^erased-/);
    expect(rows.find((r) => r.id === recent.expertId)).toMatchObject({
      name: 'Recent Leaver',
      email: 'recent.leaver@mentors.example',
    });
    // The introduction asked of them still counts.
    expect(
      (
        await api.dataSource.query(`SELECT expert_id FROM introductions WHERE id = $1`, [
          longGone.introductionId,
        ])
      )[0].expert_id,
    ).toBe(longGone.expertId);
    expect((await api.app.get(RetentionService).run()).counts.leftExperts).toBe(0);
  });
});
