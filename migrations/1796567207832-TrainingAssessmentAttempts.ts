import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every submitted assessment attempt (libs/training): the failures a period allows are counted from here,
 * and the score and answers are kept for staff.
 */
export class TrainingAssessmentAttempts1796567207832 implements MigrationInterface {
  name = 'TrainingAssessmentAttempts1796567207832';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "training_assessment_attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booking_id" uuid NOT NULL,
                "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "answers" jsonb NOT NULL,
                "score" integer NOT NULL,
                "passed" boolean NOT NULL,
                CONSTRAINT "PK_2fac6228cdd48120f553e879b26" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_training_assessment_attempts_booking" ON "training_assessment_attempts" ("booking_id", "attempted_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "training_assessment_attempts"
            ADD CONSTRAINT "fk_training_assessment_attempts_booking" FOREIGN KEY ("booking_id") REFERENCES "training_booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "training_assessment_attempts" DROP CONSTRAINT "fk_training_assessment_attempts_booking"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_training_assessment_attempts_booking"
        `);
    await queryRunner.query(`
            DROP TABLE "training_assessment_attempts"
        `);
  }
}
