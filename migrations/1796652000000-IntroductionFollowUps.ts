import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The life of an introduction after it is asked (libs/network): when both sides were asked whether it
 * helped, and each side's 1-5 rating and comment (one row per side, answered once).
 */

export class IntroductionFollowUps1796652000000 implements MigrationInterface {
  name = 'IntroductionFollowUps1796652000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "introduction_ratings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "introduction_id" uuid NOT NULL,
                "side" text NOT NULL,
                "language" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "rating" integer,
                "comment" text,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_963efb006a63de0e4d041953ba8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_introduction_ratings_side" ON "introduction_ratings" ("introduction_id", "side")
        `);
    await queryRunner.query(`
            ALTER TABLE "introductions"
            ADD "rating_requested_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "introduction_ratings"
            ADD CONSTRAINT "fk_introduction_ratings_introduction" FOREIGN KEY ("introduction_id") REFERENCES "introductions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "introduction_ratings" DROP CONSTRAINT "fk_introduction_ratings_introduction"
        `);
    await queryRunner.query(`
            ALTER TABLE "introductions" DROP COLUMN "rating_requested_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_introduction_ratings_side"
        `);
    await queryRunner.query(`
            DROP TABLE "introduction_ratings"
        `);
  }
}
