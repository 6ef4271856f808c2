import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseTimeline1795333500000 implements MigrationInterface {
  name = 'CaseTimeline1795333500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_timeline_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "ref_type" text, "ref_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_case_timeline_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_timeline_case_time" ON "case_timeline_events" ("case_id", "occurred_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_case_timeline_case_time"`);
    await queryRunner.query(`DROP TABLE "case_timeline_events"`);
  }
}
