import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One record per company (libs/enrolment): its contacts (several, one primary, each with a language and
 * consent), a version for staff corrections, prospects staff record before the company enrols (no SME
 * account yet: the company's registering user and the draft's user are null until the invitation is
 * accepted), and the indexes of the staff company search. Every company's registering SME becomes its
 * primary contact.
 */
export class CompanyContactsAndProspects1796610000000 implements MigrationInterface {
  name = 'CompanyContactsAndProspects1796610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "company_contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "user_id" uuid,
                "name" text NOT NULL,
                "job_role" text,
                "email" text NOT NULL,
                "phone" text,
                "preferred_language" character varying(2) NOT NULL DEFAULT 'en',
                "is_primary" boolean NOT NULL DEFAULT false,
                "consent_to_contact" boolean NOT NULL DEFAULT false,
                "invited_at" TIMESTAMP WITH TIME ZONE,
                "invitation_accepted_at" TIMESTAMP WITH TIME ZONE,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_company_contacts_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_company_contacts_primary" ON "company_contacts" ("company_id")
            WHERE is_primary
                AND archived_at IS NULL
        `);
    await queryRunner.query(`CREATE INDEX "ix_company_contacts_user" ON "company_contacts" ("user_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_company_contacts_company" ON "company_contacts" ("company_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_company_contacts_lower_email" ON "company_contacts" (lower("email"))`,
    );
    await queryRunner.query(`
            ALTER TABLE "company_contacts"
            ADD CONSTRAINT "fk_company_contacts_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "companies" ALTER COLUMN "primary_contact_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "companies" ADD "status" text NOT NULL DEFAULT 'enrolled'`);
    await queryRunner.query(`ALTER TABLE "companies" ADD "prospect_source" text`);
    await queryRunner.query(`ALTER TABLE "companies" ADD "created_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "companies" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "companies" ADD "postcode" text`);
    await queryRunner.query(`ALTER TABLE "enrolments" ALTER COLUMN "user_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD "created_by_id" uuid`);
    // Staff search: trading name fuzzy like the legal name; registration number and postcode-free exact keys.
    await queryRunner.query(
      `CREATE INDEX "ix_companies_trading_name_trgm" ON "companies" USING gin ("trading_name" gin_trgm_ops)`,
    );
    await queryRunner.query(`
            INSERT INTO company_contacts (company_id, user_id, name, email, preferred_language, is_primary,
                                          consent_to_contact, version)
            SELECT co.id, u.id, u.name, u.email,
                   COALESCE((SELECT e.language FROM enrolments e WHERE e.company_id = co.id AND e.user_id = u.id
                              AND e.language IN ('en', 'es', 'de') ORDER BY e.submitted_at DESC NULLS LAST LIMIT 1),
                            u.language, 'en'),
                   true,
                   COALESCE((SELECT e.consent_evaluation_contact FROM enrolments e WHERE e.company_id = co.id
                              AND e.user_id = u.id ORDER BY e.submitted_at DESC NULLS LAST LIMIT 1), false),
                   1
              FROM companies co JOIN users u ON u.id = co.primary_contact_id
             WHERE co.merged_into_id IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_companies_trading_name_trgm"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`DELETE FROM enrolments WHERE user_id IS NULL`);
    await queryRunner.query(`ALTER TABLE "enrolments" ALTER COLUMN "user_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "postcode"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "prospect_source"`);
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "status"`);
    await queryRunner.query(`DELETE FROM companies WHERE primary_contact_id IS NULL`);
    await queryRunner.query(`ALTER TABLE "companies" ALTER COLUMN "primary_contact_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "company_contacts"`);
  }
}
