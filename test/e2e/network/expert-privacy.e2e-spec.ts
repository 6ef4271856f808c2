import { buildAdviser, buildCase, buildExpert, buildIntroduction, buildUser } from '../../factories';
import { startTestApi, type TestApi } from '../../support/test-api';
import { readArchive } from '../data-protection/support/archive';
import { archiveWithFourEyes } from '../data-protection/support/two-people';

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
});
