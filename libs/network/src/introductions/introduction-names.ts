import type { EntityManager } from 'typeorm';

/** The expert's and the company's names of an introduction, as its emails and pages show them. */
export async function introductionNames(
  m: EntityManager,
  introductionId: string,
): Promise<{ expertName: string; companyName: string }> {
  const [row] = (await m.query(
    `SELECT e.name AS "expertName", co.legal_name AS "companyName"
       FROM introductions i JOIN experts e ON e.id = i.expert_id
       JOIN cases c ON c.id = i.case_id JOIN companies co ON co.id = c.company_id
      WHERE i.id = $1`,
    [introductionId],
  )) as { expertName: string; companyName: string }[];
  return row ?? { expertName: '', companyName: '' };
}
