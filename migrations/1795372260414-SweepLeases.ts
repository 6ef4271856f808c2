import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lease that lets one worker per interval run the follow-ups sweep. */
export class SweepLeases1795372260414 implements MigrationInterface {
  name = 'SweepLeases1795372260414';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sweep_leases" (
                "name" character varying(60) NOT NULL,
                "last_run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "runs" bigint NOT NULL DEFAULT '0',
                "holder" character varying(120),
                CONSTRAINT "PK_a870aeffee67ce4fd0963076b95" PRIMARY KEY ("name")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "sweep_leases"
        `);
  }
}
