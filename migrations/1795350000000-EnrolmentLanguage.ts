import { MigrationInterface, QueryRunner } from 'typeorm';

/** The language an SME submitted its application in, so later emails (an upheld appeal) use it. */
export class EnrolmentLanguage1795350000000 implements MigrationInterface {
  name = 'EnrolmentLanguage1795350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "enrolments" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "language"`);
  }
}
