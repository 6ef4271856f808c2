import { UnitOfWork } from '@app/database';
import { Case } from '@app/cases';
import { DomainEvent, HandlesEvent } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { ensureCaseWork } from './ensure-case-work';

/**
 * Worker side: keeps the caseload's readiness column in step with `audit.completed`, so the caseload
 * sorts and shows scores without reading the readiness lib's tables. Safe to run twice and out of order:
 * only an audit at least as recent as the stored one writes.
 */
@Injectable()
export class ReadinessScoreHandler {
  constructor(private readonly uow: UnitOfWork) {}

  @HandlesEvent('audit.completed')
  async handle(event: DomainEvent<'audit.completed'>): Promise<'updated' | 'stale' | 'skipped'> {
    const overall = event.payload.overall;
    if (typeof overall !== 'number' || !Number.isFinite(overall)) return 'skipped';
    return this.uow.run(async (m) => {
      const kase = await m.getRepository(Case).findOneBy({ id: event.aggregateId });
      if (!kase) return 'skipped';
      await ensureCaseWork(m, kase);
      const updated = (await m.query(
        `UPDATE case_work SET readiness_score = $2, readiness_scored_at = $3
          WHERE case_id = $1 AND (readiness_scored_at IS NULL OR readiness_scored_at <= $3)
          RETURNING case_id`,
        [kase.id, overall, event.occurredAt],
      )) as [unknown[], number];
      return updated[1] > 0 ? 'updated' : 'stale';
    });
  }
}
