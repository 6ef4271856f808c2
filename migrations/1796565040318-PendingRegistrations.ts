import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-registrations waiting for their email address to be confirmed (libs/identity): the account is
 * created only from the link sent to the address, so registering answers the same for new and existing
 * addresses.
 */
export class PendingRegistrations1796565040318 implements MigrationInterface {
  name = 'PendingRegistrations1796565040318';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "pending_registrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "name" character varying(200) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_72a24749ddb2c32bd41c3380909" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pending_registrations_email" ON "pending_registrations" ("email")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_pending_registrations_token" ON "pending_registrations" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_pending_registrations_expires" ON "pending_registrations" ("expires_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_pending_registrations_expires"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pending_registrations_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_pending_registrations_email"
        `);
    await queryRunner.query(`
            DROP TABLE "pending_registrations"
        `);
  }
}
