import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserLanguage1796574606703 implements MigrationInterface {
  name = 'UserLanguage1796574606703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "language" character varying(2)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "language"
        `);
  }
}
