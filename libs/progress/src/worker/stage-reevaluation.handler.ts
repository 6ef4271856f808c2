import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { DomainEvent, HandlesEvent } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { ProgressService } from '../progress.service';

/**
 * Worker side: the stage re-evaluation after an audit, an outcome or a completed module, taken off the
 * request path. A case that no longer exists (erased meanwhile) is skipped rather than retried forever.
 */
@Injectable()
export class StageReevaluationHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly progress: ProgressService,
  ) {}

  @HandlesEvent('audit.completed', 'outcome.recorded', 'training.completed')
  async handle(
    event: DomainEvent<'audit.completed' | 'outcome.recorded' | 'training.completed'>,
  ): Promise<{ milestones: string[]; movedTo?: string } | 'skipped'> {
    const training = event.type === 'training.completed';
    const caseId = training ? event.payload.caseId : event.aggregateId;
    if (typeof caseId !== 'string') return 'skipped';
    const moduleCode =
      training && typeof event.payload.moduleCode === 'string' ? event.payload.moduleCode : undefined;
    return this.uow.run(async (m) => {
      const exists = (await m.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId])) as unknown[];
      if (exists.length === 0) return 'skipped';
      const result = await this.progress.reevaluate(
        m,
        caseId,
        {
          type: event.type,
          moduleCode,
          refType: training ? 'training_booking' : event.aggregateType,
          refId:
            training && typeof event.payload.bookingId === 'string'
              ? event.payload.bookingId
              : event.aggregateId,
        },
        SYSTEM_AUDIT_CONTEXT,
      );
      return { milestones: result.milestones, movedTo: result.transition?.toStage };
    });
  }
}
