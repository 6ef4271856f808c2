import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner referrals (libs/network): a case referred to a partner organisation of config/partners.yaml with
 * the reason, the SME's recorded consent, the partner's acceptance and the result it reported.
 */

export class PartnerReferrals1796653000000 implements MigrationInterface {
  name = 'PartnerReferrals1796653000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "partner_referrals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "partner_code" text NOT NULL,
                "referred_by_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "consent_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "consent_recorded_by_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'sent',
                "language" text NOT NULL,
                "accept_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "result_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "result" text,
                "result_note" text,
                "result_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_57af19f6790f3bfa9ea351f10b0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partner_referrals_partner" ON "partner_referrals" ("partner_code", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partner_referrals_case" ON "partner_referrals" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_referrals"
            ADD CONSTRAINT "fk_partner_referrals_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "partner_referrals" DROP CONSTRAINT "fk_partner_referrals_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_partner_referrals_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_partner_referrals_partner"
        `);
    await queryRunner.query(`
            DROP TABLE "partner_referrals"
        `);
  }
}
