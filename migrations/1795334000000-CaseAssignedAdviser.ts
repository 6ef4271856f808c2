import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseAssignedAdviser1795334000000 implements MigrationInterface {
  name = 'CaseAssignedAdviser1795334000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "assigned_adviser_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_cases_assigned_adviser" ON "cases" ("assigned_adviser_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_assigned_adviser"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "assigned_adviser_id"`);
  }
}
