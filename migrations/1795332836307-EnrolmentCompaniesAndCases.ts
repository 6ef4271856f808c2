import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrolment: companies, enrolment forms, eligibility results, near-duplicate flags, idempotency keys and
 * the cases that eligible enrolments open. pg_trgm backs the near-duplicate company-name search.
 */
export class EnrolmentCompaniesAndCases1795332836307 implements MigrationInterface {
  name = 'EnrolmentCompaniesAndCases1795332836307';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Trusted extension (PostgreSQL 13+): the database owner may create it without superuser rights.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "key" text NOT NULL,
                "operation" text NOT NULL,
                "request_hash" text NOT NULL,
                "response_status" integer NOT NULL,
                "response_body" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "companies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "legal_name" text NOT NULL,
                "trading_name" text,
                "registration_number" text NOT NULL,
                "registration_country" character(2) NOT NULL,
                "vat_number" text,
                "region" text NOT NULL,
                "nace_code" text NOT NULL,
                "nace_section" character(1) NOT NULL,
                "employees" integer NOT NULL,
                "turnover_minor" bigint NOT NULL,
                "balance_sheet_minor" bigint,
                "currency" character(3) NOT NULL,
                "year_founded" integer,
                "website" text,
                "social_profiles" jsonb NOT NULL,
                "primary_contact_id" uuid NOT NULL,
                "merged_into_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_companies_registration" UNIQUE ("registration_number", "registration_country"),
                CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_companies_vat_number" ON "companies" ("vat_number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_companies_region" ON "companies" ("region")
        `);
    await queryRunner.query(`
            CREATE TABLE "enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "company_id" uuid,
                "status" text NOT NULL DEFAULT 'draft',
                "legal_name" text,
                "trading_name" text,
                "registration_number" text,
                "registration_country" character(2),
                "vat_number" text,
                "region" text,
                "nace_code" text,
                "nace_section" character(1),
                "employees" integer,
                "turnover_minor" bigint,
                "balance_sheet_minor" bigint,
                "currency" character(3),
                "year_founded" integer,
                "website" text,
                "social_profiles" jsonb,
                "exported_last12_months" boolean,
                "export_share_percent" integer,
                "export_markets" text array,
                "order_origin" text,
                "target_markets" text array,
                "barriers" text array,
                "barriers_note" text,
                "help_wanted" text array,
                "consent_data_processing" boolean,
                "consent_evaluation_contact" boolean,
                "privacy_notice_version" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "appeal_reason" text,
                "appealed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrolments_company" ON "enrolments" ("company_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrolments_status" ON "enrolments" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrolments_region" ON "enrolments" ("region")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrolments_nace_section" ON "enrolments" ("nace_section")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_enrolments_user_status" ON "enrolments" ("user_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "eligibility_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "enrolment_id" uuid NOT NULL,
                "eligible" boolean NOT NULL,
                "reasons" jsonb NOT NULL,
                "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cc0d74af8ec7948c2b71a4b72ec" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_eligibility_results_enrolment" ON "eligibility_results" ("enrolment_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "duplicate_flags" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "match_company_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "similarity" real NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "resolved_by_id" uuid,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cab59763ed7c3a037a587501f49" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_duplicate_flags_status" ON "duplicate_flags" ("status")
        `);
    await queryRunner.query(`
            CREATE TABLE "cases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "stage" text NOT NULL,
                "status" text NOT NULL DEFAULT 'awaiting_assignment',
                "region" text NOT NULL,
                "sector" text NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cases_company" ON "cases" ("company_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_cases_enrolment" ON "cases" ("enrolment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cases_status" ON "cases" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cases_region" ON "cases" ("region")
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "fk_enrolments_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "eligibility_results"
            ADD CONSTRAINT "fk_eligibility_results_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "duplicate_flags"
            ADD CONSTRAINT "fk_duplicate_flags_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "duplicate_flags"
            ADD CONSTRAINT "fk_duplicate_flags_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "duplicate_flags"
            ADD CONSTRAINT "fk_duplicate_flags_match_company" FOREIGN KEY ("match_company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "fk_cases_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "fk_cases_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_companies_legal_name_trgm" ON "companies" USING gin ("legal_name" gin_trgm_ops)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_companies_legal_name_trgm"`);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_enrolment"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_company"
        `);
    await queryRunner.query(`
            ALTER TABLE "duplicate_flags" DROP CONSTRAINT "fk_duplicate_flags_match_company"
        `);
    await queryRunner.query(`
            ALTER TABLE "duplicate_flags" DROP CONSTRAINT "fk_duplicate_flags_enrolment"
        `);
    await queryRunner.query(`
            ALTER TABLE "duplicate_flags" DROP CONSTRAINT "fk_duplicate_flags_company"
        `);
    await queryRunner.query(`
            ALTER TABLE "eligibility_results" DROP CONSTRAINT "fk_eligibility_results_enrolment"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "fk_enrolments_company"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cases_region"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cases_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cases_enrolment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_cases_company"
        `);
    await queryRunner.query(`
            DROP TABLE "cases"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_duplicate_flags_status"
        `);
    await queryRunner.query(`
            DROP TABLE "duplicate_flags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_eligibility_results_enrolment"
        `);
    await queryRunner.query(`
            DROP TABLE "eligibility_results"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_user_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_nace_section"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_region"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_company"
        `);
    await queryRunner.query(`
            DROP TABLE "enrolments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_companies_region"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_companies_vat_number"
        `);
    await queryRunner.query(`
            DROP TABLE "companies"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
