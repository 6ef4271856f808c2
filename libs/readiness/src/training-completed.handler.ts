import { AuditLogService, SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { UnitOfWork } from '@app/database';
import { DomainEvent, HandlesEvent } from '@app/messaging';
import { Injectable } from '@nestjs/common';

/**
 * Worker side: a completed training module closes the recommendation that asked for it. The booking's
 * cited recommendation when it has one; otherwise every live recommendation of that module on the case
 * (an SME may book from the catalogue what its adviser recommended). Safe to run twice: only a proposed
 * or accepted recommendation changes, so a re-delivered event finds nothing left to do.
 */
@Injectable()
export class TrainingCompletedHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timeline: CaseTimelineService,
    private readonly auditLog: AuditLogService,
  ) {}

  @HandlesEvent('training.completed')
  async handle(event: DomainEvent<'training.completed'>): Promise<string[]> {
    const { caseId, moduleCode, recommendationId, bookingId } = event.payload;
    if (typeof caseId !== 'string' || typeof moduleCode !== 'string') return [];
    const cited = typeof recommendationId === 'string' ? recommendationId : null;
    return this.uow.run(async (m) => {
      const [rows] = (await m.query(
        `WITH live AS (
           SELECT id, status FROM readiness_recommendations
            WHERE case_id = $1 AND kind = 'training' AND status IN ('proposed', 'accepted')
              AND (id = $2 OR ($2::uuid IS NULL AND code = $3))
            FOR UPDATE)
         UPDATE readiness_recommendations r
            SET status = 'done', decided_at = $4, updated_at = now()
           FROM live WHERE r.id = live.id
         RETURNING r.id, live.status AS before`,
        [caseId, cited, moduleCode, event.occurredAt],
      )) as [{ id: string; before: string }[], number];
      for (const { id, before } of rows) {
        await this.auditLog.record(m, {
          action: 'recommendation.done',
          entityType: 'recommendation',
          entityId: id,
          before: { status: before },
          after: { status: 'done', moduleCode, bookingId },
          context: SYSTEM_AUDIT_CONTEXT,
        });
        await this.timeline.record(m, {
          caseId,
          kind: 'recommendation.done',
          occurredAt: event.occurredAt,
          data: { code: moduleCode, kind: 'training' },
          refType: 'recommendation',
          refId: id,
        });
      }
      return rows.map((r) => r.id);
    });
  }
}
