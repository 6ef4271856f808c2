import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network (libs/network): the experts directory, and introductions of a case to an expert with their
 * purpose, status and link expiry (at most one open introduction per case and expert).
 */

export class NetworkExperts1796620000000 implements MigrationInterface {
  name = 'NetworkExperts1796620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "experts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "organisation" text NOT NULL DEFAULT '',
                "email" text NOT NULL,
                "phone" text,
                "languages" text array NOT NULL DEFAULT '{}',
                "expertise" text array NOT NULL DEFAULT '{}',
                "markets" text array NOT NULL DEFAULT '{}',
                "nace_sections" text array NOT NULL DEFAULT '{}',
                "support_measures" text array NOT NULL DEFAULT '{}',
                "capacity_per_month" integer NOT NULL,
                "absent_from" date,
                "absent_to" date,
                "active" boolean NOT NULL DEFAULT true,
                "consent_to_contact" boolean NOT NULL DEFAULT false,
                "consent_recorded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_8ecb9ec7e8b977b177fde797e6a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_experts_email" ON "experts" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "introductions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "expert_id" uuid NOT NULL,
                "requested_by_id" uuid NOT NULL,
                "purpose" text NOT NULL,
                "status" text NOT NULL DEFAULT 'requested',
                "language" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_811d59fa8b5c5255e94438b348e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_introductions_open" ON "introductions" ("case_id", "expert_id")
            WHERE status IN ('requested', 'accepted')
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_introductions_expert" ON "introductions" ("expert_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_introductions_case" ON "introductions" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "introductions"
            ADD CONSTRAINT "fk_introductions_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "introductions"
            ADD CONSTRAINT "fk_introductions_expert" FOREIGN KEY ("expert_id") REFERENCES "experts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "introductions" DROP CONSTRAINT "fk_introductions_expert"
        `);
    await queryRunner.query(`
            ALTER TABLE "introductions" DROP CONSTRAINT "fk_introductions_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_introductions_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_introductions_expert"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_introductions_open"
        `);
    await queryRunner.query(`
            DROP TABLE "introductions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_experts_email"
        `);
    await queryRunner.query(`
            DROP TABLE "experts"
        `);
  }
}
