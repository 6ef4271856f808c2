import type { AuditContext } from '@app/audit-log';
import { ProgressService } from '@app/progress';
import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Answers } from '../domain/scoring';
import { ReadinessService } from '../readiness.service';

export interface ReadinessDemoSummary {
  audits: number;
  outcomes: number;
  transitions: number;
}

interface DemoCase {
  id: string;
  adviserId: string;
  smeId: string;
}

const daysAgo = (days: number): string => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

/**
 * Demo data through the real services (scoring, classification, recommendations, stage rules): repeated
 * audits with a rising trend, outcomes with values, transitions forwards by audit and outcome and one
 * backwards by an adviser's decision. Runs after the seeds that open and assign cases.
 */
export async function seedReadinessDemo(
  app: INestApplicationContext,
  m: EntityManager,
): Promise<ReadinessDemoSummary> {
  const readiness = app.get(ReadinessService);
  const progress = app.get(ProgressService);
  const cases = (await m.query(
    `SELECT c.id, c.assigned_adviser_id AS "adviserId", e.user_id AS "smeId"
       FROM cases c JOIN enrolments e ON e.id = c.enrolment_id
      WHERE c.assigned_adviser_id IS NOT NULL AND c.status = 'active'
      ORDER BY c.opened_at, c.id LIMIT 4`,
  )) as DemoCase[];
  const questionnaire = readiness.currentQuestionnaire;
  const codes = questionnaire.questionCodes;
  const answers = (value: number, overrides: Answers = {}): Answers => ({
    ...Object.fromEntries(codes.map((code) => [code, value])),
    ...overrides,
  });
  const as = (actorId: string): AuditContext => ({ actorId, requestId: 'seed-demo' });
  let audits = 0;
  let outcomes = 0;

  const audit = async (
    c: DemoCase,
    kind: 'self' | 'adviser',
    given: Answers,
    ageDays: number,
    base?: string,
  ): Promise<string> => {
    const actor = kind === 'self' ? c.smeId : c.adviserId;
    const { audit: saved } = await readiness.create(
      m,
      c.id,
      kind,
      {
        questionnaireVersion: questionnaire.version,
        answers: given,
        baseAuditId: base,
        evidence:
          kind === 'adviser' ? { 'org-export-plan': 'Discussed on a visit; plan document seen' } : undefined,
        submit: true,
      },
      { language: kind === 'self' ? 'en' : undefined, context: as(actor) },
    );
    // Spread the demo over past months so the trend and comparisons read like a real case.
    await m.query(
      `UPDATE readiness_audits SET created_at = now() - make_interval(days => $2), submitted_at = now() - make_interval(days => $2) WHERE id = $1`,
      [saved.id, ageDays],
    );
    audits++;
    return saved.id;
  };
  const outcome = async (
    c: DemoCase,
    body: Parameters<ProgressService['recordOutcome']>[2],
  ): Promise<void> => {
    await progress.recordOutcome(m, c.id, body, { confirmedBySme: false, context: as(c.adviserId) });
    outcomes++;
  };

  const [a, b, c, d] = cases;
  if (a) {
    // Non-exporter → passive (first order) → proactive (audit with a written plan, then a confirmed win).
    const self = await audit(a, 'self', answers(1, { 'psy-motivation': 2, 'sm-profiles': 2 }), 120);
    await audit(a, 'adviser', answers(2, { 'org-export-plan': 2 }), 110, self);
    await outcome(a, {
      kind: 'first_export_order',
      country: 'DE',
      valueMinor: 480000,
      currency: 'EUR',
      occurredOn: daysAgo(80),
      confirmed: true,
    });
    await audit(a, 'adviser', answers(3, { 'org-export-plan': 4, 'pm-target-market': 4 }), 30);
    await outcome(a, {
      kind: 'export_win',
      country: 'AT',
      valueMinor: 2250000,
      currency: 'EUR',
      occurredOn: daysAgo(10),
      confirmed: true,
      note: 'Framework order with a Vienna retailer',
    });
  }
  if (b) {
    // Repeated adviser audits with a rising score, outcomes forward, then back by an adviser's decision.
    await audit(b, 'adviser', answers(1, { 'sm-leads': 0, 'sm-analytics': 0 }), 200);
    await audit(b, 'adviser', answers(2, { 'sm-leads': 2, 'ops-documents': 1 }), 100);
    await outcome(b, { kind: 'trade_visit_attended', country: 'JP', occurredOn: daysAgo(70) });
    await outcome(b, { kind: 'new_market_entered', country: 'FR', occurredOn: daysAgo(45) });
    await outcome(b, {
      kind: 'distributor_signed',
      country: 'JP',
      occurredOn: daysAgo(40),
      note: 'Osaka distributor, exclusive for Kansai',
    });
    await progress.decideStage(
      m,
      b.id,
      { to: 'non_exporter', reason: 'The French order was a one-off sample; no sales since' },
      as(b.adviserId),
    );
    await audit(b, 'self', answers(2, { 'ops-payment': 1, 'pm-target-market': 1 }), 3);
  }
  for (const other of [c, d]) if (other) await audit(other, 'self', answers(2, { 'sm-listening': 0 }), 3);

  const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM stage_transitions`)) as { n: number }[];
  return { audits, outcomes, transitions: n };
}
