import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export wins (libs/opportunities): from a won opportunity (one win each) or recorded directly, the value
 * per year for up to five years and its total, the kind of win, whether the support was decisive and which
 * support measures and training modules helped.
 */
export class ExportWins1796620000100 implements MigrationInterface {
  name = 'ExportWins1796620000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "export_wins" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "opportunity_id" uuid,
                "customer_name" text NOT NULL,
                "customer_country" character(2) NOT NULL,
                "goods_or_services" text NOT NULL,
                "description" text NOT NULL,
                "win_type" text NOT NULL,
                "currency" character(3) NOT NULL,
                "first_year" integer NOT NULL,
                "values_minor" bigint array NOT NULL,
                "total_minor" bigint NOT NULL,
                "support_decisive" boolean NOT NULL,
                "support_measures" text array NOT NULL DEFAULT '{}',
                "training_modules" text array NOT NULL DEFAULT '{}',
                "notes" text,
                "recorded_by_id" uuid,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_92bafc96c7feb3c8f9a0da157a3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_export_wins_opportunity" ON "export_wins" ("opportunity_id") WHERE opportunity_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_export_wins_case" ON "export_wins" ("case_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "export_wins" ADD CONSTRAINT "fk_export_wins_case" FOREIGN KEY ("case_id")
              REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "export_wins" ADD CONSTRAINT "fk_export_wins_opportunity" FOREIGN KEY ("opportunity_id")
              REFERENCES "export_opportunities"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "export_wins" DROP CONSTRAINT "fk_export_wins_opportunity"`);
    await queryRunner.query(`ALTER TABLE "export_wins" DROP CONSTRAINT "fk_export_wins_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_export_wins_case"`);
    await queryRunner.query(`DROP INDEX "public"."uq_export_wins_opportunity"`);
    await queryRunner.query(`DROP TABLE "export_wins"`);
  }
}
