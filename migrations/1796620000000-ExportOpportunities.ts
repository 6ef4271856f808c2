import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export opportunities per case (libs/opportunities): market, product, buyer type, source, estimated value,
 * likelihood, expected date and status, versioned for If-Match; the pipeline reads them by status and date.
 */
export class ExportOpportunities1796620000000 implements MigrationInterface {
  name = 'ExportOpportunities1796620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "export_opportunities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "market" character(2) NOT NULL,
                "product" text NOT NULL,
                "buyer_type" text NOT NULL,
                "source" text NOT NULL,
                "value_minor" bigint NOT NULL,
                "currency" character(3) NOT NULL,
                "likelihood" text NOT NULL,
                "expected_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'prospect',
                "close_reason" text,
                "notes" text,
                "recorded_by_id" uuid,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_91e6e8533e7e2385ee50114b35e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_export_opportunities_status_expected" ON "export_opportunities" ("status", "expected_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_export_opportunities_case" ON "export_opportunities" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "export_opportunities" ADD CONSTRAINT "fk_export_opportunities_case" FOREIGN KEY ("case_id")
              REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "export_opportunities" DROP CONSTRAINT "fk_export_opportunities_case"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_export_opportunities_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_export_opportunities_status_expected"`);
    await queryRunner.query(`DROP TABLE "export_opportunities"`);
  }
}
