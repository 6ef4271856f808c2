import { MigrationInterface, QueryRunner } from 'typeorm';

/** An appeal's decision, the officer who made it and when, kept on the enrolment (libs/enrolment). */
export class EnrolmentAppealDecision1796576370858 implements MigrationInterface {
  name = 'EnrolmentAppealDecision1796576370858';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD "appeal_decision" character varying(10)
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD "appeal_decided_by_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD "appeal_decided_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP COLUMN "appeal_decided_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP COLUMN "appeal_decided_by_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "enrolments" DROP COLUMN "appeal_decision"
        `);
  }
}
