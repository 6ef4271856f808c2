import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, follow-ups and notifications (libs/follow-ups). Case and user ids are plain uuid columns: the
 * follow-up engine keeps recipient data on its own rows and never joins other libs' tables. */
export class FollowUpsOutboxNotifications1795332954831 implements MigrationInterface {
  name = 'FollowUpsOutboxNotifications1795332954831';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(100) NOT NULL,
                "aggregate_type" character varying(60) NOT NULL,
                "aggregate_id" character varying(100) NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                "processed_at" TIMESTAMP WITH TIME ZONE,
                "publish_attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_event_unprocessed" ON "outbox_event" ("published_at")
            WHERE processed_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_event_unpublished" ON "outbox_event" ("occurred_at")
            WHERE published_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idempotency_key" character varying(200) NOT NULL,
                "follow_up_id" uuid,
                "follow_up_step" integer,
                "case_id" uuid,
                "kind" character varying(80) NOT NULL,
                "recipient_user_id" uuid,
                "recipient_email" character varying(320) NOT NULL,
                "recipient_name" character varying(200) NOT NULL,
                "language" character varying(2) NOT NULL DEFAULT 'en',
                "subject" character varying(300) NOT NULL,
                "body_text" text NOT NULL,
                "body_html" text NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'created',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sending_started_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "message_id" character varying(300),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_notification_status" CHECK (status IN ('created', 'sending', 'sent', 'failed_temporary', 'failed_permanent')),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_idempotency_key" ON "notification" ("idempotency_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_case" ON "notification" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_recipient" ON "notification" ("recipient_user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_pending" ON "notification" ("next_attempt_at")
            WHERE status IN ('created', 'sending', 'failed_temporary')
        `);
    await queryRunner.query(`
            CREATE TABLE "follow_up" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_id" uuid NOT NULL,
                "kind" character varying(40) NOT NULL,
                "rule_code" character varying(40) NOT NULL,
                "rule_variant" character varying(40),
                "subject_key" character varying(100) NOT NULL DEFAULT '',
                "source_key" character varying(200) NOT NULL,
                "assignee_id" uuid,
                "recipients" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "context" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "anchor_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "plan" jsonb NOT NULL,
                "step" integer NOT NULL DEFAULT '0',
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'scheduled',
                "attempts" integer NOT NULL DEFAULT '0',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "close_reason" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_follow_up_status" CHECK (status IN ('scheduled', 'due', 'sent', 'done', 'cancelled', 'escalated')),
                CONSTRAINT "PK_5c0a5f5b32937e47e0ab09d596c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_follow_up_source_key" ON "follow_up" ("source_key")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_follow_up_open_subject" ON "follow_up" ("case_id", "rule_code", "subject_key")
            WHERE status IN ('scheduled', 'due', 'sent', 'escalated')
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_follow_up_assignee" ON "follow_up" ("assignee_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_follow_up_case" ON "follow_up" ("case_id", "rule_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_follow_up_due" ON "follow_up" ("due_at")
            WHERE status IN ('scheduled', 'due')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_follow_up_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_follow_up_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_follow_up_assignee"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_follow_up_open_subject"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_follow_up_source_key"
        `);
    await queryRunner.query(`
            DROP TABLE "follow_up"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_recipient"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_idempotency_key"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_event_unpublished"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_event_unprocessed"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_event"
        `);
  }
}
