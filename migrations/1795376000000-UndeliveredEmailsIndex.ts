import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emails that failed for good are listed on their case's page and, across cases, for administrators, newest
 * first; a partial index keeps that list to the failures instead of a scan of every notification.
 */
export class UndeliveredEmailsIndex1795376000000 implements MigrationInterface {
  name = 'UndeliveredEmailsIndex1795376000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_notification_failed" ON "notification" ("updated_at") WHERE status = 'failed_permanent'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notification_failed"`);
  }
}
