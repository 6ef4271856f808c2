import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Experts' own side of the network (libs/network): an invitation by email with a signed, single-use link;
 * the terms they accepted (version and time), their `expert` account, and when they left the programme.
 */
export class ExpertAccounts1796650000000 implements MigrationInterface {
  name = 'ExpertAccounts1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "experts" ADD "user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "experts" ADD "terms_version" text`);
    await queryRunner.query(`ALTER TABLE "experts" ADD "terms_accepted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "experts" ADD "left_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_experts_user" ON "experts" ("user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(`
            CREATE TABLE "expert_invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "expert_id" uuid NOT NULL,
                "invited_by_id" uuid NOT NULL,
                "email" text NOT NULL,
                "language" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "superseded_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_expert_invitations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "ix_expert_invitations_expert" ON "expert_invitations" ("expert_id", "created_at")`,
    );
    await queryRunner.query(`
            ALTER TABLE "expert_invitations" ADD CONSTRAINT "fk_expert_invitations_expert"
              FOREIGN KEY ("expert_id") REFERENCES "experts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "expert_invitations"`);
    await queryRunner.query(`DROP INDEX "uq_experts_user"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "left_at"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "terms_accepted_at"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "terms_version"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "user_id"`);
  }
}
