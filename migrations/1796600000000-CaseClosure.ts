import { MigrationInterface, QueryRunner } from 'typeorm';

/** A case's closure: when, why (config/case-closure.yaml), by whom and its summary (libs/cases). */
export class CaseClosure1796600000000 implements MigrationInterface {
  name = 'CaseClosure1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "closed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "closure_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "closure_summary" text
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD "closed_by_id" uuid
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "closed_by_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "closure_summary"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "closure_reason"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "closed_at"`);
  }
}
