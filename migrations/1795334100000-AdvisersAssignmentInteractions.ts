import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdvisersAssignmentInteractions1795334100000 implements MigrationInterface {
  name = 'AdvisersAssignmentInteractions1795334100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "interactions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "logged_by_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "occurred_on" date NOT NULL,
                "notes" text NOT NULL,
                "barriers" text array NOT NULL DEFAULT '{}',
                "support_measures" text array NOT NULL DEFAULT '{}',
                "next_step" text,
                "next_step_due" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_911b7416a6671b4148b18c18ecb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_interactions_case_date" ON "interactions" ("case_id", "occurred_on", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_work" (
                "case_id" uuid NOT NULL,
                "target_markets" text array NOT NULL DEFAULT '{}',
                "language" text NOT NULL DEFAULT 'en',
                "first_contact_on" date,
                "last_contact_on" date,
                "next_step" text,
                "next_step_due" date,
                "summary" text NOT NULL DEFAULT '',
                "unassigned_notified_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d1c91e5cbff7c47b31e43a48190" PRIMARY KEY ("case_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_case_work_next_due" ON "case_work" ("next_step_due")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_case_work_last_contact" ON "case_work" ("last_contact_on")
        `);
    // The caseload's target-market filter is an array overlap (&&), which a GIN index answers.
    await queryRunner.query(`
            CREATE INDEX "ix_case_work_target_markets" ON "case_work" USING gin ("target_markets")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "adviser_id" uuid NOT NULL,
                "method" text NOT NULL,
                "assigned_by_id" uuid,
                "reason" text,
                "score" numeric(8, 2),
                "breakdown" jsonb,
                "runners_up" jsonb NOT NULL DEFAULT '[]',
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_reason" text,
                "end_note" text,
                "ended_by_id" uuid,
                CONSTRAINT "PK_87ea587a5ab124bd964c8db5ff7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_case_assignments_adviser_open" ON "case_assignments" ("adviser_id")
            WHERE "ended_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_case_assignments_case_started" ON "case_assignments" ("case_id", "started_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_case_assignments_open" ON "case_assignments" ("case_id")
            WHERE "ended_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "adviser_profiles" (
                "user_id" uuid NOT NULL,
                "regions" text array NOT NULL DEFAULT '{}',
                "nace_sections" text array NOT NULL DEFAULT '{}',
                "markets" text array NOT NULL DEFAULT '{}',
                "languages" text array NOT NULL DEFAULT '{}',
                "capacity" integer NOT NULL,
                "active_cases" integer NOT NULL DEFAULT '0',
                "absent_from" date,
                "absent_to" date,
                "active" boolean NOT NULL DEFAULT true,
                "last_assigned_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_7797286dc699a937ee125da7bc3" PRIMARY KEY ("user_id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "adviser_profiles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_case_assignments_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_case_assignments_case_started"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_case_assignments_adviser_open"
        `);
    await queryRunner.query(`
            DROP TABLE "case_assignments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_case_work_target_markets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_case_work_last_contact"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_case_work_next_due"
        `);
    await queryRunner.query(`
            DROP TABLE "case_work"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_interactions_case_date"
        `);
    await queryRunner.query(`
            DROP TABLE "interactions"
        `);
  }
}
