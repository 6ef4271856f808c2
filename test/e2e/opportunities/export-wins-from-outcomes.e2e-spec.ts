import { randomUUID } from 'node:crypto';
import { ExportWinsFromOutcomes1796630000000 } from '../../../migrations/1796630000000-ExportWinsFromOutcomes';
import { buildCase, buildToken, buildUser, type SmeCase, type TestUser } from '../../factories';
import { jsonCaller, type Json } from '../../support/http';
import { startTestApi, type TestApi } from '../../support/test-api';

const BOOT_TIMEOUT_MS = 180_000;

/**
 * The migration that turns export-win outcomes recorded before export wins existed into claimed wins,
 * run on seeded outcomes: what it copies and how, what it leaves alone, that a second run copies nothing,
 * and that the copies are ordinary wins (listed, claimed, the company can be asked to confirm them).
 */
describe('migration: export-win outcomes become claimed export wins', () => {
  let api: TestApi;
  let adviser: TestUser;
  let kase: SmeCase;
  let token: string;
  const call = jsonCaller(() => api.url);
  const migration = new ExportWinsFromOutcomes1796630000000();
  const outcomes: Record<string, string> = {};

  const up = async (): Promise<void> => {
    const runner = api.dataSource.createQueryRunner();
    try {
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  };
  const copies = (): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT id, case_id, customer_name, customer_country, goods_or_services, description, win_type, currency,
              first_year, values_minor, total_minor, support_decisive, verification_status, signed_off_at,
              recorded_by_id, migrated_from_outcome_id, notes
         FROM export_wins WHERE migrated_from_outcome_id IS NOT NULL ORDER BY total_minor DESC`,
    );
  const migratedAudits = (): Promise<Json[]> =>
    api.dataSource.query(
      `SELECT entity_id, after FROM audit_event WHERE action = 'export_win.migrated' ORDER BY id`,
    );

  beforeAll(async () => {
    api = await startTestApi();
    adviser = await buildUser(api, 'adviser');
    kase = await buildCase(api, { adviserId: adviser.user.id });
    token = await buildToken(api, adviser.user);
    const seeded: [
      string,
      string,
      string | null,
      number | null,
      string | null,
      string,
      boolean,
      string | null,
    ][] = [
      ['hamburg', 'export_win', 'DE', 2_500_000, 'EUR', '2026-03-10', true, 'Hamburg distributor order'],
      ['lyon', 'export_win', 'FR', 100_000, 'GBP', '2026-05-01', false, null],
      ['no-country', 'export_win', null, 50_000, 'GBP', '2026-05-02', false, null],
      ['no-value', 'export_win', 'US', null, null, '2026-05-03', false, null],
      ['market', 'new_market_entered', 'DE', null, null, '2026-03-01', true, null],
    ];
    for (const [name, kind, country, value, currency, day, confirmed, note] of seeded) {
      const id = randomUUID();
      outcomes[name] = id;
      await api.dataSource.query(
        `INSERT INTO export_outcomes (id, case_id, kind, country, value_minor, currency, occurred_on, confirmed, note, recorded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, kase.caseId, kind, country, value, currency, day, confirmed, note, adviser.user.id],
      );
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(() => api?.close());

  it('copies each export-win outcome with a country, value and currency into a claimed win, with an audit row', async () => {
    expect(await copies()).toEqual([]);
    await up();
    const wins = await copies();
    expect(wins).toHaveLength(2);
    expect(wins[0]).toMatchObject({
      case_id: kase.caseId,
      customer_country: 'DE',
      description: 'Hamburg distributor order',
      currency: 'EUR',
      first_year: 2026,
      total_minor: '2500000',
      support_decisive: false,
      // The adviser's "confirmed" tick is not the company's confirmation: claimed, not yet asked.
      verification_status: 'not_sent',
      signed_off_at: null,
      recorded_by_id: adviser.user.id,
      migrated_from_outcome_id: outcomes.hamburg,
    });
    expect(wins[0].values_minor.map(Number)).toEqual([2_500_000]);
    expect(wins[0].notes).toContain('Copied from the export-win outcome of 2026-03-10');
    expect(wins[1]).toMatchObject({
      customer_country: 'FR',
      description: 'Export win recorded as an outcome',
      currency: 'GBP',
      total_minor: '100000',
      migrated_from_outcome_id: outcomes.lyon,
    });
    const audits = await migratedAudits();
    expect(audits.map((a) => a.entity_id).sort()).toEqual(wins.map((w) => w.id).sort());
    expect(audits.find((a) => a.entity_id === wins[0].id)!.after).toMatchObject({
      fromOutcomeId: outcomes.hamburg,
      verificationStatus: 'not_sent',
    });
    // The outcomes themselves stay as they were.
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM export_outcomes WHERE case_id = $1`,
      [kase.caseId],
    );
    expect(n).toBe(5);
  });

  it('copies nothing twice when run again', async () => {
    const before = await copies();
    await up();
    expect(await copies()).toEqual(before);
    expect(await migratedAudits()).toHaveLength(2);
  });

  it('gives ordinary wins: listed on the case as claimed, and the company can be asked to confirm them', async () => {
    const [hamburg] = await copies();
    const list = await call('GET', `/api/v1/cases/${kase.caseId}/export-wins`, token);
    expect(list.status).toBe(200);
    const listed = (list.json.items as Json[]).find((w) => w.id === hamburg.id)!;
    expect(listed).toMatchObject({ confirmedValue: false, verification: { state: 'not_sent' } });
    const asked = await call('POST', `/api/v1/export-wins/${hamburg.id}/resend-verification`, token);
    expect(asked.status).toBe(200);
    expect(asked.json.verification.state).toBe('awaiting');
  });

  it('is undone by its down migration and redone by its up', async () => {
    const runner = api.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const [{ n }] = await runner.query(
        `SELECT count(*)::int AS n FROM information_schema.columns
          WHERE table_name = 'export_wins' AND column_name = 'migrated_from_outcome_id'`,
      );
      expect(n).toBe(0);
    } finally {
      await runner.release();
    }
    await up();
    expect((await copies()).map((w) => w.migrated_from_outcome_id).sort()).toEqual(
      [outcomes.hamburg, outcomes.lyon].sort(),
    );
  });
});
