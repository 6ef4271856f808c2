import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An interaction logged by mistake is corrected or voided with a reason, never deleted (libs/advisers):
 * who did it, when and why. Voided interactions stay in the history and leave the KPIs.
 */
export class InteractionCorrections1796600000200 implements MigrationInterface {
  name = 'InteractionCorrections1796600000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interactions"
            ADD "corrected_at" TIMESTAMP WITH TIME ZONE,
            ADD "corrected_by_id" uuid,
            ADD "correction_reason" text,
            ADD "voided_at" TIMESTAMP WITH TIME ZONE,
            ADD "voided_by_id" uuid,
            ADD "void_reason" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interactions"
            DROP COLUMN "void_reason",
            DROP COLUMN "voided_by_id",
            DROP COLUMN "voided_at",
            DROP COLUMN "correction_reason",
            DROP COLUMN "corrected_by_id",
            DROP COLUMN "corrected_at"
        `);
  }
}
