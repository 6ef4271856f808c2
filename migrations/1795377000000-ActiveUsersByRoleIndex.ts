import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignment, interactions and audits look up "the longest-serving active officer" (and all active
 * officers) among every SME account: without an index that is a scan of the users table per look-up.
 */
export class ActiveUsersByRoleIndex1795377000000 implements MigrationInterface {
  name = 'ActiveUsersByRoleIndex1795377000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_users_active_role" ON "users" ("role", "created_at") WHERE "active"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_users_active_role"`);
  }
}
