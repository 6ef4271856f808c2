import { MigrationInterface, QueryRunner } from 'typeorm';

/** Row-level case exports run by the worker (issue #9): one row per request, its progress and its file. */
export class ReportExports1795370391275 implements MigrationInterface {
  name = 'ReportExports1795370391275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "report_exports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "requested_by" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "format" character varying(10) NOT NULL,
                "request" jsonb NOT NULL,
                "request_key" character varying(64) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'queued',
                "rows_written" integer NOT NULL DEFAULT '0',
                "rows_expected" integer,
                "file_bytes" bigint,
                "attempts" integer NOT NULL DEFAULT '0',
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_831f34e4d6c47ec2bb42a614465" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "report_exports_requested_by" ON "report_exports" ("requested_by", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "report_exports_one_live_per_request" ON "report_exports" ("requested_by", "request_key")
            WHERE status IN ('queued', 'running')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."report_exports_one_live_per_request"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."report_exports_requested_by"
        `);
    await queryRunner.query(`
            DROP TABLE "report_exports"
        `);
  }
}
