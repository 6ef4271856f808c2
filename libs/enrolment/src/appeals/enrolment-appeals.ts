import { AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { OutboxService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { fieldError } from '../answers/enrolment-answers';
import { CaseOpening } from '../case-opening/case-opening';
import { Company } from '../entities/company.entity';
import { Enrolment } from '../entities/enrolment.entity';
import { AppealNotAllowedError } from '../enrolment.errors';
import { ActingUser, auditable, EnrolmentRecords } from '../enrolment-records';
import { EnrolmentView } from '../enrolment-view';

/** An ineligible enrolment's one appeal, and the officer's decision on it. */
@Injectable()
export class EnrolmentAppeals {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly records: EnrolmentRecords,
    private readonly outbox: OutboxService,
    private readonly caseOpening: CaseOpening,
  ) {}

  /** An ineligible enrolment may be appealed once; it then waits for an officer. */
  async appeal(
    actor: ActingUser,
    id: string,
    reason: string,
    context: AuditContext,
    options: { manager?: EntityManager; lang?: string } = {},
  ): Promise<EnrolmentView> {
    const text = reason.trim();
    if (text === '') throw new InvalidInputError([fieldError('reason', 'required', options.lang)]);
    return this.records.tx(options.manager, async (m) => {
      const enrolment = await this.records.lockOwn(m, actor, id);
      if (enrolment.status !== 'ineligible' || enrolment.appealedAt) throw new AppealNotAllowedError();
      const before = auditable(enrolment);
      enrolment.status = 'appealed';
      enrolment.appealReason = text;
      enrolment.appealedAt = new Date();
      const saved = await this.records.saveAudited(m, enrolment, 'enrolment.appealed', before, context);
      await this.outbox.add(m, {
        type: 'enrolment.appealed',
        aggregateType: 'enrolment',
        aggregateId: saved.id,
        payload: { enrolmentId: saved.id, companyId: saved.companyId, userId: saved.userId! },
      });
      return this.records.view(m, saved);
    });
  }

  /**
   * An officer's decision on an appeal: upheld opens the case as for an eligible submission; rejected
   * leaves the enrolment ineligible for good (it was appealed once).
   */
  async decideAppeal(
    actor: ActingUser,
    id: string,
    decision: 'upheld' | 'rejected',
    context: AuditContext,
  ): Promise<EnrolmentView> {
    return this.uow.run(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw new NotFoundError('enrolment', id);
      await this.records.assert(actor, 'work', enrolment);
      if (enrolment.status !== 'appealed') throw new AppealNotAllowedError();
      const before = auditable(enrolment);
      enrolment.status = decision === 'upheld' ? 'eligible' : 'ineligible';
      enrolment.appealDecision = decision;
      enrolment.appealDecidedById = actor.id;
      enrolment.appealDecidedAt = new Date();
      const saved = await this.records.saveAudited(
        m,
        enrolment,
        `enrolment.appeal_${decision}`,
        before,
        context,
      );
      if (decision === 'upheld') {
        const company = await m.findOneByOrFail(Company, { id: saved.companyId! });
        await this.caseOpening.open(m, saved, company, context, saved.language);
      }
      return this.records.view(m, saved);
    });
  }

  /** The latest appeal decisions (who decided and when), newest first, for officers and admins. */
  async recentDecisions(actor: ActingUser, limit = 20): Promise<EnrolmentView[]> {
    if (!this.records.mayReview(actor)) return [];
    return this.uow.run(async (m) => {
      const rows = await m.find(Enrolment, {
        where: { appealDecision: Not(IsNull()) },
        order: { appealDecidedAt: 'DESC' },
        take: limit,
      });
      const views: EnrolmentView[] = [];
      for (const row of rows) views.push(await this.records.view(m, row));
      return views;
    });
  }
}
