import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The satisfaction survey sent when a case closes (libs/satisfaction): one per case, its language,
 * expiry and, once answered, the answers and whether the SME was satisfied.
 */
export class SatisfactionSurveys1796600000300 implements MigrationInterface {
  name = 'SatisfactionSurveys1796600000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "satisfaction_surveys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "recipient_user_id" uuid,
                "language" character varying(2) NOT NULL,
                "closure_reason" text NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answers" jsonb,
                "satisfied" boolean,
                CONSTRAINT "PK_540470b3d942f33110e6f874a97" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_satisfaction_surveys_case" ON "satisfaction_surveys" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_satisfaction_surveys_answered" ON "satisfaction_surveys" ("answered_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_satisfaction_surveys_answered"`);
    await queryRunner.query(`DROP INDEX "public"."uq_satisfaction_surveys_case"`);
    await queryRunner.query(`DROP TABLE "satisfaction_surveys"`);
  }
}
