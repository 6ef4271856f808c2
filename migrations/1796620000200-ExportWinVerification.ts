import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company's confirmation of an export win (libs/opportunities): the state, the current link's nonce
 * and expiry, the company's answer (comment, rating) and an officer's sign-off.
 */
export class ExportWinVerification1796620000200 implements MigrationInterface {
  name = 'ExportWinVerification1796620000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "export_wins"
              ADD "verification_status" text NOT NULL DEFAULT 'not_sent',
              ADD "verification_nonce" uuid,
              ADD "verification_sent_at" TIMESTAMP WITH TIME ZONE,
              ADD "verification_expires_at" TIMESTAMP WITH TIME ZONE,
              ADD "answered_at" TIMESTAMP WITH TIME ZONE,
              ADD "company_comment" text,
              ADD "company_rating" integer,
              ADD "signed_off_at" TIMESTAMP WITH TIME ZONE,
              ADD "signed_off_by_id" uuid
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "export_wins"
              DROP COLUMN "signed_off_by_id", DROP COLUMN "signed_off_at", DROP COLUMN "company_rating",
              DROP COLUMN "company_comment", DROP COLUMN "answered_at", DROP COLUMN "verification_expires_at",
              DROP COLUMN "verification_sent_at", DROP COLUMN "verification_nonce", DROP COLUMN "verification_status"
        `);
  }
}
