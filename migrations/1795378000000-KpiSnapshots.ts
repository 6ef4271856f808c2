import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI summaries (libs/reporting): each source query's rows for a period and set of filters, served for at
 * most five minutes and kept fresh by the worker; and an index on the outbox's event time, which the refresh
 * reads to see whether anything has happened since a summary was computed.
 */
export class KpiSnapshots1795378000000 implements MigrationInterface {
  name = 'KpiSnapshots1795378000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "kpi_snapshots" (
                "key" character varying(64) NOT NULL,
                "source" character varying(40) NOT NULL,
                "filters" jsonb NOT NULL,
                "rows" jsonb NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_53d90202df60124a69de53c93f3" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_kpi_snapshots_requested" ON "kpi_snapshots" ("requested_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_event_occurred" ON "outbox_event" ("occurred_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_event_occurred"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_kpi_snapshots_requested"
        `);
    await queryRunner.query(`
            DROP TABLE "kpi_snapshots"
        `);
  }
}
