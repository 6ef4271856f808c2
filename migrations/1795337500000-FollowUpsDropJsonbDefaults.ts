import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TypeORM cannot round-trip a jsonb default ('{}'::jsonb) and reports drift forever; the follow-ups code
 * always writes these columns, so they need no default.
 */
export class FollowUpsDropJsonbDefaults1795337500000 implements MigrationInterface {
  name = 'FollowUpsDropJsonbDefaults1795337500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_up" ALTER COLUMN "recipients" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "follow_up" ALTER COLUMN "context" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "outbox_event" ALTER COLUMN "payload" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ALTER COLUMN "payload" SET DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE "follow_up" ALTER COLUMN "context" SET DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE "follow_up" ALTER COLUMN "recipients" SET DEFAULT '{}'::jsonb`);
  }
}
