import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows record the version of their event's contract, and the relay finds unpublished rows by type:
 * a worker publishes only the types it has handlers for (or that nobody handles), so rows waiting for a
 * newer release's handler must not sit in front of the rest. The column has a default, so the previous
 * release keeps writing rows; its relay reads the new partial index as well as it read the old one.
 */
export class OutboxEventVersionAndWaitingIndex1795390000417 implements MigrationInterface {
  name = 'OutboxEventVersionAndWaitingIndex1795390000417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" ADD "version" smallint NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_event_waiting" ON "outbox_event" ("type", "occurred_at") WHERE published_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_unpublished"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_event_unpublished" ON "outbox_event" ("occurred_at") WHERE published_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_waiting"`);
    await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "version"`);
  }
}
