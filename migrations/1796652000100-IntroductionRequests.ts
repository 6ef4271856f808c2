import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An SME's own request to be introduced to the expert suggested for its case (libs/network), waiting for
 * the case's adviser to approve (which asks the expert) or decline; one pending request per case and expert.
 */

export class IntroductionRequests1796652000100 implements MigrationInterface {
  name = 'IntroductionRequests1796652000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "introduction_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "expert_id" uuid NOT NULL,
                "requested_by_id" uuid NOT NULL,
                "purpose" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "introduction_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_25a88ac005a0912d7de4196a9fa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_introduction_requests_pending" ON "introduction_requests" ("case_id", "expert_id")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_introduction_requests_case" ON "introduction_requests" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "introduction_requests"
            ADD CONSTRAINT "fk_introduction_requests_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "introduction_requests"
            ADD CONSTRAINT "fk_introduction_requests_expert" FOREIGN KEY ("expert_id") REFERENCES "experts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "introduction_requests" DROP CONSTRAINT "fk_introduction_requests_expert"
        `);
    await queryRunner.query(`
            ALTER TABLE "introduction_requests" DROP CONSTRAINT "fk_introduction_requests_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_introduction_requests_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_introduction_requests_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "introduction_requests"
        `);
  }
}
