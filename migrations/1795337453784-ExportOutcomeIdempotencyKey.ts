import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outcomes remember the Idempotency-Key of the POST that recorded them (unique per case). */
export class ExportOutcomeIdempotencyKey1795337453784 implements MigrationInterface {
  name = 'ExportOutcomeIdempotencyKey1795337453784';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "export_outcomes"
            ADD "idempotency_key" text
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_export_outcomes_case_idempotency" ON "export_outcomes" ("case_id", "idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_export_outcomes_case_idempotency"
        `);
    await queryRunner.query(`
            ALTER TABLE "export_outcomes" DROP COLUMN "idempotency_key"
        `);
  }
}
