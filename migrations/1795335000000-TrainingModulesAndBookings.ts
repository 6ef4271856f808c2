import { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingModulesAndBookings1795335000000 implements MigrationInterface {
  name = 'TrainingModulesAndBookings1795335000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "training_module" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "title" jsonb NOT NULL,
                "summary" jsonb NOT NULL,
                "format" text NOT NULL,
                "completion_criterion" text NOT NULL,
                "pass_mark" integer,
                "assessment" jsonb,
                "duration_minutes" integer NOT NULL,
                "level" text NOT NULL,
                "barriers" text array NOT NULL DEFAULT '{}',
                "question_ids" text array NOT NULL DEFAULT '{}',
                "prerequisites" text array NOT NULL DEFAULT '{}',
                "platforms" text array NOT NULL DEFAULT '{}',
                "retired_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_9b8d0e5f39fcbabed5e61c1f929" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_training_module_code" ON "training_module" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "training_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "module_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "time_zone" text NOT NULL,
                "capacity" integer NOT NULL,
                "location" text,
                "join_url" text,
                "language" character(2) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a17a9657ff5a6e048bfd82c4651" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_training_session_module_start" ON "training_session" ("module_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "training_feedback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booking_id" uuid NOT NULL,
                "module_id" uuid NOT NULL,
                "satisfaction" integer NOT NULL,
                "usefulness" integer NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_training_feedback_usefulness" CHECK (
                    "usefulness" BETWEEN 1 AND 5
                ),
                CONSTRAINT "ck_training_feedback_satisfaction" CHECK (
                    "satisfaction" BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_3b3bca21491317014824c0a9bd8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_training_feedback_booking" ON "training_feedback" ("booking_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "training_booking" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" SERIAL NOT NULL,
                "case_id" uuid NOT NULL,
                "module_id" uuid NOT NULL,
                "session_id" uuid,
                "status" text NOT NULL,
                "booked_by_id" uuid,
                "on_behalf" boolean NOT NULL DEFAULT false,
                "recommendation_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "attendance" text,
                "attendance_marked_at" TIMESTAMP WITH TIME ZONE,
                "assessment_score" integer,
                "signed_off_by_id" uuid,
                "promoted_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "certificate_code" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7ba146e100cdbff19d516bf3d9e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_training_booking_certificate" ON "training_booking" ("certificate_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_training_booking_case" ON "training_booking" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_training_booking_session_status" ON "training_booking" ("session_id", "status", "seq")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_training_booking_case_module_active" ON "training_booking" ("case_id", "module_id")
            WHERE status IN ('booked', 'waitlisted', 'completed')
        `);
    await queryRunner.query(`
            ALTER TABLE "training_feedback"
            ADD CONSTRAINT "fk_training_feedback_booking" FOREIGN KEY ("booking_id") REFERENCES "training_booking"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_session"
            ADD CONSTRAINT "fk_training_session_module" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_booking"
            ADD CONSTRAINT "fk_training_booking_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_booking"
            ADD CONSTRAINT "fk_training_booking_module" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_booking"
            ADD CONSTRAINT "fk_training_booking_session" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "training_feedback" DROP CONSTRAINT "fk_training_feedback_booking"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_booking" DROP CONSTRAINT "fk_training_booking_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_booking" DROP CONSTRAINT "fk_training_booking_module"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_booking" DROP CONSTRAINT "fk_training_booking_case"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_session" DROP CONSTRAINT "fk_training_session_module"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_training_booking_case_module_active"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_training_booking_session_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_training_booking_case"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_training_booking_certificate"
        `);
    await queryRunner.query(`
            DROP TABLE "training_booking"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_training_feedback_booking"
        `);
    await queryRunner.query(`
            DROP TABLE "training_feedback"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_training_session_module_start"
        `);
    await queryRunner.query(`
            DROP TABLE "training_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_training_module_code"
        `);
    await queryRunner.query(`
            DROP TABLE "training_module"
        `);
  }
}
