import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions an officer lets an adviser see read-only, beyond their own caseload. */
export class AdviserVisibleRegions1795373758255 implements MigrationInterface {
  name = 'AdviserVisibleRegions1795373758255';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "adviser_profiles"
            ADD "visible_regions" text array NOT NULL DEFAULT '{}'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "adviser_profiles" DROP COLUMN "visible_regions"
        `);
  }
}
