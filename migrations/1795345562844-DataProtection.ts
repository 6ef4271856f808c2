/**
 * Data protection requests, and the one exception to the append-only audit trail: inside a transaction that
 * sets app.data_protection_erasure, an UPDATE may rewrite personal values in before/after (erasure and
 * retention). DELETE and TRUNCATE stay refused, and so does any change to the other columns.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DataProtection1795345562844 implements MigrationInterface {
  name = 'DataProtection1795345562844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "data_protection_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'requested',
                "subject_email" character varying(254) NOT NULL,
                "subject_user_id" uuid,
                "requested_by_id" uuid,
                "reason" text,
                "open_case_confirmed" boolean NOT NULL DEFAULT false,
                "decided_by_id" uuid,
                "decision_reason" text,
                "result" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_96add702de3c15593e14a1507d6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "data_protection_request_subject_user_id_idx" ON "data_protection_request" ("subject_user_id")
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'UPDATE'
                 AND current_setting('app.data_protection_erasure', true) = 'on'
                 AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.request_id, NEW.ip)
                     IS NOT DISTINCT FROM
                     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.request_id, OLD.ip)
              THEN
                RETURN NEW;
              END IF;
              RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
    await queryRunner.query(`
            DROP INDEX "public"."data_protection_request_subject_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "data_protection_request"
        `);
  }
}
