import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('scheduled', 'due', 'sent', 'escalated')`;
const NEXT_FOLLOW_UP = `(COALESCE("next_follow_up_at", 'infinity'::timestamptz))`;

/**
 * The caseload's default order was the next step's due date while its "Next follow-up" column showed the
 * earliest open follow-up (first contact, re-audit, overdue training, …), so an overdue escalation sat
 * below a next step due weeks later. The earliest open follow-up deadline is now copied onto cases by a
 * trigger on follow_up (every writer keeps it right, as case_work's keys are) and the default order's
 * indexes are on it: overdue first, then today, next week, next month; cases with nothing open last.
 * Kept to the millisecond, the precision of the caseload's page cursors.
 */
export class CaseloadNextFollowUpSortKey1796600000100 implements MigrationInterface {
  name = 'CaseloadNextFollowUpSortKey1796600000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "next_follow_up_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "cases" c SET "next_follow_up_at" = f."at"
         FROM (SELECT "case_id", date_trunc('milliseconds', min("deadline_at")) AS "at" FROM "follow_up"
                WHERE "status" IN ${OPEN} GROUP BY "case_id") f
        WHERE f."case_id" = c."id"`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "follow_up_case_sort_key"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        affected uuid[];
      BEGIN
        IF TG_OP = 'DELETE' THEN
          affected := ARRAY[OLD."case_id"];
        ELSIF TG_OP = 'UPDATE' THEN
          affected := ARRAY[OLD."case_id", NEW."case_id"];
        ELSE
          affected := ARRAY[NEW."case_id"];
        END IF;
        UPDATE "cases" c
           SET "next_follow_up_at" = x."at"
          FROM (SELECT DISTINCT a."case_id",
                       (SELECT date_trunc('milliseconds', min(f."deadline_at")) FROM "follow_up" f
                         WHERE f."case_id" = a."case_id" AND f."status" IN ${OPEN}) AS "at"
                  FROM unnest(affected) AS a("case_id")) x
         WHERE c."id" = x."case_id" AND c."next_follow_up_at" IS DISTINCT FROM x."at";
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "follow_up_case_sort_key" AFTER INSERT OR DELETE OR UPDATE OF "status", "deadline_at", "case_id"
         ON "follow_up" FOR EACH ROW EXECUTE FUNCTION "follow_up_case_sort_key"()`,
    );
    for (const name of ['ix_cases_next_due', 'ix_cases_stage_next_due', 'ix_cases_adviser_next_due'])
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    for (const [name, columns] of [
      ['ix_cases_next_due', `${NEXT_FOLLOW_UP}, "id"`],
      ['ix_cases_stage_next_due', `"stage", ${NEXT_FOLLOW_UP}, "id"`],
      ['ix_cases_adviser_next_due', `"assigned_adviser_id", ${NEXT_FOLLOW_UP}, "id"`],
    ])
      await queryRunner.query(`CREATE INDEX "${name}" ON "cases" (${columns})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const nextDue = `(COALESCE("next_step_due", 'infinity'::date))`;
    for (const name of ['ix_cases_next_due', 'ix_cases_stage_next_due', 'ix_cases_adviser_next_due'])
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    for (const [name, columns] of [
      ['ix_cases_next_due', `${nextDue}, "id"`],
      ['ix_cases_stage_next_due', `"stage", ${nextDue}, "id"`],
      ['ix_cases_adviser_next_due', `"assigned_adviser_id", ${nextDue}, "id"`],
    ])
      await queryRunner.query(`CREATE INDEX "${name}" ON "cases" (${columns})`);
    await queryRunner.query(`DROP TRIGGER "follow_up_case_sort_key" ON "follow_up"`);
    await queryRunner.query(`DROP FUNCTION "follow_up_case_sort_key"()`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "next_follow_up_at"`);
  }
}
