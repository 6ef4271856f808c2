import { MigrationInterface, QueryRunner } from 'typeorm';

/** Readiness audits and recommendations; stage history, export outcomes and milestones (progress). */
export class ReadinessAndProgress1795336000000 implements MigrationInterface {
  name = 'ReadinessAndProgress1795336000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "readiness_recommendations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "audit_id" uuid,
                "kind" text NOT NULL,
                "code" text NOT NULL,
                "origin" text NOT NULL,
                "status" text NOT NULL DEFAULT 'proposed',
                "because" jsonb NOT NULL DEFAULT '[]',
                "note" text,
                "decided_by_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_036255f5bacd7763768362a0b66" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_readiness_recommendations_case" ON "readiness_recommendations" ("case_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "readiness_audits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "questionnaire_version" integer NOT NULL,
                "answers" jsonb NOT NULL DEFAULT '{}',
                "evidence" jsonb NOT NULL DEFAULT '{}',
                "language" text,
                "base_audit_id" uuid,
                "heading_scores" jsonb,
                "overall_score" numeric(4, 1),
                "classification" jsonb,
                "created_by_id" uuid,
                "submitted_by_id" uuid,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_5ccebfddc6eea8a090831141ab1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_readiness_audits_case_created" ON "readiness_audits" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "stage_transitions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "from_stage" text NOT NULL,
                "to_stage" text NOT NULL,
                "cause" text NOT NULL,
                "reason" text,
                "evidence" jsonb NOT NULL DEFAULT '{}',
                "ref_type" text,
                "ref_id" uuid,
                "actor_id" uuid,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_faf253f34705dae8d5e187ddb62" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_stage_transitions_case_time" ON "stage_transitions" ("case_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "export_outcomes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "country" character(2),
                "value_minor" bigint,
                "currency" character(3),
                "occurred_on" date NOT NULL,
                "confirmed" boolean NOT NULL DEFAULT false,
                "note" text,
                "recorded_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9eddb9d852ab5ab9fba2fec39e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_export_outcomes_case_date" ON "export_outcomes" ("case_id", "occurred_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_milestones" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "code" text NOT NULL,
                "achieved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ref_type" text NOT NULL,
                "ref_id" uuid NOT NULL,
                CONSTRAINT "uq_case_milestones_case_code" UNIQUE ("case_id", "code"),
                CONSTRAINT "PK_d3cf0bba72b8ba74fe47a34f9c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_recommendations"
            ADD CONSTRAINT "fk_readiness_recommendations_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_audits"
            ADD CONSTRAINT "fk_readiness_audits_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stage_transitions"
            ADD CONSTRAINT "fk_stage_transitions_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "export_outcomes"
            ADD CONSTRAINT "fk_export_outcomes_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_milestones"
            ADD CONSTRAINT "fk_case_milestones_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_milestones" DROP CONSTRAINT "fk_case_milestones_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "export_outcomes" DROP CONSTRAINT "fk_export_outcomes_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "stage_transitions" DROP CONSTRAINT "fk_stage_transitions_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_audits" DROP CONSTRAINT "fk_readiness_audits_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_recommendations" DROP CONSTRAINT "fk_readiness_recommendations_case"
        `);
    await queryRunner.query(`
            DROP TABLE "case_milestones"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_export_outcomes_case_date"
        `);
    await queryRunner.query(`
            DROP TABLE "export_outcomes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_stage_transitions_case_time"
        `);
    await queryRunner.query(`
            DROP TABLE "stage_transitions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_readiness_audits_case_created"
        `);
    await queryRunner.query(`
            DROP TABLE "readiness_audits"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_readiness_recommendations_case"
        `);
    await queryRunner.query(`
            DROP TABLE "readiness_recommendations"
        `);
  }
}
