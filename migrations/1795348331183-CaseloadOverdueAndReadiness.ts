import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseloadOverdueAndReadiness1795348331183 implements MigrationInterface {
  name = 'CaseloadOverdueAndReadiness1795348331183';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_work"
            ADD "readiness_score" numeric(4, 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "case_work"
            ADD "readiness_scored_at" TIMESTAMP WITH TIME ZONE
        `);
    // Cases audited before this column existed: the latest submitted audit's score.
    await queryRunner.query(`
            UPDATE "case_work" w
               SET "readiness_score" = a.overall_score, "readiness_scored_at" = a.submitted_at
              FROM (SELECT DISTINCT ON (case_id) case_id, overall_score, submitted_at
                      FROM "readiness_audits"
                     WHERE status = 'submitted' AND overall_score IS NOT NULL
                     ORDER BY case_id, submitted_at DESC) a
             WHERE a.case_id = w.case_id
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_follow_up_case_open_deadline" ON "follow_up" ("case_id", "deadline_at")
            WHERE status IN ('scheduled', 'due', 'sent', 'escalated')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_follow_up_case_open_deadline"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_work" DROP COLUMN "readiness_scored_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_work" DROP COLUMN "readiness_score"
        `);
  }
}
