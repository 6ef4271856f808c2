import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Peers (libs/network): SMEs that already export and offered to help others, one profile per company with
 * its consent time; and introductions that ask a peer instead of an expert (exactly one of the two, a
 * check constraint; at most one open introduction per case and peer).
 */
export class NetworkPeers1796651000000 implements MigrationInterface {
  name = 'NetworkPeers1796651000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "peers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "case_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "markets" text array NOT NULL DEFAULT '{}',
                "topics" text array NOT NULL DEFAULT '{}',
                "languages" text array NOT NULL DEFAULT '{}',
                "capacity_per_month" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'active',
                "consent_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "ck_peers_status" CHECK (status IN ('active', 'withdrawn')),
                CONSTRAINT "PK_3ce7dfa9d8ae2577701b8f24de3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "ix_peers_case" ON "peers" ("case_id")`);
    await queryRunner.query(`CREATE INDEX "ix_peers_user" ON "peers" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_peers_company" ON "peers" ("company_id")`);
    await queryRunner.query(`
            ALTER TABLE "peers"
            ADD CONSTRAINT "fk_peers_company" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "peers"
            ADD CONSTRAINT "fk_peers_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`ALTER TABLE "introductions" ADD "peer_id" uuid`);
    await queryRunner.query(`ALTER TABLE "introductions" ALTER COLUMN "expert_id" DROP NOT NULL`);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_introductions_open_peer" ON "introductions" ("case_id", "peer_id")
            WHERE status IN ('requested', 'accepted')
        `);
    await queryRunner.query(
      `CREATE INDEX "ix_introductions_peer" ON "introductions" ("peer_id", "created_at")`,
    );
    await queryRunner.query(`
            ALTER TABLE "introductions"
            ADD CONSTRAINT "ck_introductions_one_target" CHECK (("expert_id" IS NULL) <> ("peer_id" IS NULL))
        `);
    await queryRunner.query(`
            ALTER TABLE "introductions"
            ADD CONSTRAINT "fk_introductions_peer" FOREIGN KEY ("peer_id") REFERENCES "peers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Introductions of peers cannot be kept once peers are gone.
    await queryRunner.query(`DELETE FROM "introductions" WHERE "peer_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "introductions" DROP CONSTRAINT "fk_introductions_peer"`);
    await queryRunner.query(`ALTER TABLE "introductions" DROP CONSTRAINT "ck_introductions_one_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_introductions_peer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_introductions_open_peer"`);
    await queryRunner.query(`ALTER TABLE "introductions" ALTER COLUMN "expert_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "introductions" DROP COLUMN "peer_id"`);
    await queryRunner.query(`DROP TABLE "peers"`);
  }
}
