import { PeersService } from '@app/network';
import { buildCase } from '../../factories';
import { startTestApi, type TestApi } from '../../support/test-api';
import { readArchive } from '../data-protection/support/archive';
import { archiveWithFourEyes, eraseWithFourEyes } from '../data-protection/support/two-people';

jest.setTimeout(120_000);

/** A peer company's offer to help others is part of its contact's subject access request. */
describe('network: a peer profile in a subject access request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it("archives the company's peer profile with its consent time", async () => {
    const { sme } = await buildCase(api, { company: { legalName: 'Privada Exporta SL' } });
    const actor = { id: sme.user.id, email: sme.user.email, name: sme.user.name, role: 'sme' as const };
    const profile = await api.app
      .get(PeersService)
      .save(
        actor,
        { markets: ['FR'], topics: ['operational'], languages: ['es'], capacityPerMonth: 1, consent: true },
        undefined,
        { actorId: sme.user.id, requestId: 'test' },
      );

    const { archive } = await archiveWithFourEyes(api, sme.user.email);
    const { json } = readArchive(archive);
    expect(json.records.peers).toEqual([
      expect.objectContaining({ id: profile.id, markets: ['FR'], topics: ['operational'], status: 'active' }),
    ]);
  });

  it('withdraws the offer when the contact is erased, so other SMEs no longer see the company', async () => {
    const { sme } = await buildCase(api, { company: { legalName: 'Borrada Exporta SL' } });
    const actor = { id: sme.user.id, email: sme.user.email, name: sme.user.name, role: 'sme' as const };
    const profile = await api.app
      .get(PeersService)
      .save(
        actor,
        { markets: ['DE'], topics: ['operational'], languages: ['es'], capacityPerMonth: 2, consent: true },
        undefined,
        { actorId: sme.user.id, requestId: 'test' },
      );

    const { changes } = await eraseWithFourEyes(api, {
      email: sme.user.email,
      reason: 'The contact asked to be forgotten',
      confirmOpenCase: true,
    });
    expect(changes).toEqual(
      expect.arrayContaining([
        { table: 'peers', key: profile.id, column: 'status', action: 'update' },
        { table: 'peers', key: profile.id, column: 'withdrawn_at', action: 'update' },
      ]),
    );
    const [row] = (await api.dataSource.query(`SELECT status, withdrawn_at FROM peers WHERE id = $1`, [
      profile.id,
    ])) as { status: string; withdrawn_at: Date | null }[];
    expect(row.status).toBe('withdrawn');
    expect(row.withdrawn_at).not.toBeNull();
  });
});
