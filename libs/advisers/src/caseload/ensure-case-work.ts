import { Case } from '@app/cases';
import { EntityManager, In } from 'typeorm';
import { CaseWork } from '../entities/case-work.entity';

/**
 * The case's working row, created on first need with the enrolment's target markets (for the market
 * filter and scoring) and the SME's language. Safe under concurrency: ON CONFLICT keeps the first.
 */
export async function ensureCaseWork(m: EntityManager, kase: Case, language?: string): Promise<CaseWork> {
  return (await ensureCaseWorkMany(m, [{ kase, language }]))[0];
}

/** `ensureCaseWork` for several cases in at most three statements; answers in the cases' order. */
export async function ensureCaseWorkMany(
  m: EntityManager,
  items: readonly { kase: Case; language?: string }[],
): Promise<CaseWork[]> {
  if (items.length === 0) return [];
  const repo = m.getRepository(CaseWork);
  const ids = items.map((i) => i.kase.id);
  const found = new Map((await repo.findBy({ caseId: In(ids) })).map((w) => [w.caseId, w]));
  const missing = items.filter((i) => !found.has(i.kase.id));
  if (missing.length > 0) {
    // The enrolment's markets are copied by the insert itself (upper-cased ISO codes; none if it is gone).
    await m.query(
      `INSERT INTO case_work (case_id, target_markets, language)
       SELECT x.case_id,
              COALESCE((SELECT ARRAY(SELECT upper(c) FROM unnest(e.target_markets) WITH ORDINALITY u(c, n) ORDER BY n)
                          FROM enrolments e WHERE e.id = x.enrolment_id), '{}'),
              x.language
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(case_id, enrolment_id, language)
       ON CONFLICT (case_id) DO NOTHING`,
      [
        missing.map((i) => i.kase.id),
        missing.map((i) => i.kase.enrolmentId),
        missing.map((i) => (i.language && /^(en|es|de)$/.test(i.language) ? i.language : 'en')),
      ],
    );
    for (const w of await repo.findBy({ caseId: In(missing.map((i) => i.kase.id)) })) found.set(w.caseId, w);
  }
  return items.map((i) => {
    const work = found.get(i.kase.id);
    if (!work) throw new Error(`case_work for case ${i.kase.id} was not created`);
    return work;
  });
}
