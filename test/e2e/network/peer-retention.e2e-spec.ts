import { RetentionService } from '@app/data-protection';
import { PeersService } from '@app/network';
import { buildCase, type TestUser } from '../../factories';
import { startTestApi, type TestApi } from '../../support/test-api';

jest.setTimeout(120_000);

/**
 * Retention covers peers (config/retention.yaml): the offer of a case closed long ago is withdrawn with its
 * contact's anonymisation, and an offer withdrawn long ago is deleted; a recent one is untouched.
 */
describe('network: retention of peer profiles', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const optIn = (sme: TestUser) =>
    api.app
      .get(PeersService)
      .save(
        { id: sme.user.id, email: sme.user.email, name: sme.user.name, role: 'sme' },
        { markets: ['FR'], topics: ['operational'], languages: ['en'], capacityPerMonth: 1, consent: true },
        undefined,
        { actorId: sme.user.id, requestId: 'test' },
      );

  it('withdraws the offers of old closed cases and deletes offers withdrawn long ago', async () => {
    const oldCase = await buildCase(api, {
      closed: true,
      openedDaysAgo: 8 * 365,
      historyDaysAgo: 7 * 365 + 150,
    });
    const onOldCase = await optIn(oldCase.sme);
    const longGone = await optIn((await buildCase(api, {})).sme);
    const recent = await optIn((await buildCase(api, {})).sme);
    await api.dataSource.query(
      `UPDATE peers SET status = 'withdrawn', withdrawn_at = now() - interval '3 years' WHERE id = $1`,
      [longGone.id],
    );
    await api.dataSource.query(
      `UPDATE peers SET status = 'withdrawn', withdrawn_at = now() - interval '1 month' WHERE id = $1`,
      [recent.id],
    );

    const simulated = await api.app.get(RetentionService).run({ simulate: true });
    // The old case's contact is anonymised as an erasure would, which withdraws the company's offer (two
    // changes of the closedCaseContacts step); closedCasePeers catches only offers whose contact stays.
    expect(simulated.counts).toMatchObject({ closedCasePeers: 0, withdrawnPeers: 1 });
    expect(simulated.changes).toEqual(
      expect.arrayContaining([{ table: 'peers', key: onOldCase.id, column: 'status', action: 'update' }]),
    );
    expect(
      (await api.dataSource.query(`SELECT status FROM peers WHERE id = $1`, [onOldCase.id]))[0].status,
    ).toBe('active');

    const real = await api.app.get(RetentionService).run();
    expect(real.changes).toEqual(simulated.changes);
    const rows = (await api.dataSource.query(
      `SELECT id, status, withdrawn_at IS NOT NULL AS withdrawn FROM peers WHERE id = ANY($1) ORDER BY id`,
      [[onOldCase.id, longGone.id, recent.id]],
    )) as { id: string; status: string; withdrawn: boolean }[];
    expect(rows.find((r) => r.id === longGone.id)).toBeUndefined();
    expect(rows.find((r) => r.id === onOldCase.id)).toMatchObject({ status: 'withdrawn', withdrawn: true });
    expect(rows.find((r) => r.id === recent.id)).toMatchObject({ status: 'withdrawn' });

    const again = await api.app.get(RetentionService).run();
    expect(again.counts).toMatchObject({ closedCasePeers: 0, withdrawnPeers: 0 });
  });
});
