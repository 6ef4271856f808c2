import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An export outcome (libs/progress) may name the export opportunity of its case it came from; the link is
 * cleared, not the outcome, when the opportunity goes.
 */
export class OutcomeOpportunity1796640000000 implements MigrationInterface {
  name = 'OutcomeOpportunity1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_outcomes" ADD "opportunity_id" uuid`);
    await queryRunner.query(`
            ALTER TABLE "export_outcomes" ADD CONSTRAINT "fk_export_outcomes_opportunity"
              FOREIGN KEY ("opportunity_id") REFERENCES "export_opportunities"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_outcomes" DROP CONSTRAINT "fk_export_outcomes_opportunity"`);
    await queryRunner.query(`ALTER TABLE "export_outcomes" DROP COLUMN "opportunity_id"`);
  }
}
