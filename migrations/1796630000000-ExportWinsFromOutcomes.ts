import { MigrationInterface, QueryRunner } from 'typeorm';

/** The copy, and an audit row per win; outcomes already copied are left alone. */
const copyOutcomes = `
WITH copied AS (
  INSERT INTO export_wins (case_id, customer_name, customer_country, goods_or_services, description, win_type,
                           currency, first_year, values_minor, total_minor, support_decisive, notes,
                           recorded_by_id, verification_status, migrated_from_outcome_id, created_at, updated_at,
                           version)
  SELECT o.case_id, 'Not recorded', o.country, 'goods',
         COALESCE(NULLIF(btrim(o.note), ''), 'Export win recorded as an outcome'), 'new_customer',
         o.currency, EXTRACT(YEAR FROM o.occurred_on)::int, ARRAY[o.value_minor], o.value_minor, false,
         'Copied from the export-win outcome of ' || o.occurred_on::text
           || ': the customer, goods or services, type of win and support that helped were not recorded. Correct the win, then ask the company to confirm it.',
         o.recorded_by_id, 'not_sent', o.id, o.created_at, now(), 1
    FROM export_outcomes o
   WHERE o.kind = 'export_win' AND o.country IS NOT NULL AND o.value_minor IS NOT NULL AND o.currency IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM export_wins w WHERE w.migrated_from_outcome_id = o.id)
   ORDER BY o.created_at, o.id
  RETURNING id, case_id, migrated_from_outcome_id, total_minor, currency
)
INSERT INTO audit_event (actor_id, action, entity_type, entity_id, before, after)
SELECT NULL, 'export_win.migrated', 'export_win', c.id::text, NULL,
       jsonb_build_object('caseId', c.case_id, 'fromOutcomeId', c.migrated_from_outcome_id,
                          'totalMinor', c.total_minor, 'currency', c.currency, 'verificationStatus', 'not_sent')
  FROM copied c`;

/**
 * Export-win outcomes recorded before export wins existed (libs/progress `export_outcomes`, kind
 * `export_win`) become export wins (libs/opportunities), each remembering the outcome it came from. They
 * are claimed, not confirmed: an adviser's "confirmed" tick is not the company's confirmation, so every
 * copy starts "not sent" and its adviser can send the company the link (resend) or correct it first.
 * What an outcome did not record is filled plainly and said in the notes: one year's value (the outcome's,
 * in the year it occurred), goods, "new customer", support not claimed as decisive. An outcome without a
 * country, value or currency cannot be a win and stays an outcome only. Running it again copies nothing
 * twice (the unique outcome id), and each copy writes an audit row.
 */
export class ExportWinsFromOutcomes1796630000000 implements MigrationInterface {
  name = 'ExportWinsFromOutcomes1796630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "export_wins" ADD COLUMN IF NOT EXISTS "migrated_from_outcome_id" uuid`,
    );
    await queryRunner.query(`
            CREATE UNIQUE INDEX IF NOT EXISTS "uq_export_wins_migrated_outcome" ON "export_wins" ("migrated_from_outcome_id")
             WHERE migrated_from_outcome_id IS NOT NULL
        `);
    await queryRunner.query(copyOutcomes);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "export_wins" WHERE "migrated_from_outcome_id" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."uq_export_wins_migrated_outcome"`);
    await queryRunner.query(`ALTER TABLE "export_wins" DROP COLUMN "migrated_from_outcome_id"`);
  }
}
