import { AuditContext, AuditLogService } from '@app/audit-log';
import { Case, CasesService } from '@app/cases';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { User } from '@app/identity';
import { primaryContactRecipient } from '../companies/company-contacts';
import { NotificationService, OutboxService } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { provisionalStage } from '../domain/stage';
import { Company } from '../entities/company.entity';
import { Enrolment } from '../entities/enrolment.entity';

/**
 * What an eligible enrolment (submitted, or upheld on appeal) opens: the case (through @app/cases), its
 * audit row, timeline entry and `case.opened` event, and the SME's confirmation email — in the caller's
 * transaction.
 */
@Injectable()
export class CaseOpening {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  /** Opens the case for an eligible enrolment, with its audit row, timeline entry and `case.opened` event. */
  async open(
    m: EntityManager,
    enrolment: Enrolment,
    company: Company,
    context: AuditContext,
    lang: string,
  ): Promise<Case> {
    const kase = await this.cases.open(m, {
      companyId: company.id,
      enrolmentId: enrolment.id,
      stage: provisionalStage({ exportedLast12Months: enrolment.exportedLast12Months === true }),
      region: company.region,
      sector: company.naceCode,
    });
    await this.audit.record(m, {
      action: 'case.opened',
      entityType: 'case',
      entityId: kase.id,
      before: null,
      after: {
        companyId: kase.companyId,
        enrolmentId: kase.enrolmentId,
        stage: kase.stage,
        status: kase.status,
      },
      context,
    });
    await this.timeline.record(m, {
      caseId: kase.id,
      kind: 'case.opened',
      actorId: context.actorId,
      data: { stage: kase.stage, region: kase.region, sector: kase.sector },
      refType: 'enrolment',
      refId: enrolment.id,
    });
    await this.outbox.add(m, {
      type: 'case.opened',
      aggregateType: 'case',
      aggregateId: kase.id,
      payload: {
        caseId: kase.id,
        companyId: company.id,
        companyName: company.legalName,
        enrolmentId: enrolment.id,
        smeUserId: enrolment.userId!,
        stage: kase.stage,
        region: kase.region,
        sector: kase.sector,
        naceSection: company.naceSection,
        targetMarkets: enrolment.targetMarkets ?? [],
        helpWanted: enrolment.helpWanted ?? [],
        language: lang,
      },
    });
    await this.confirmToSme(m, kase, company, enrolment.userId!, lang);
    return kase;
  }

  /**
   * The SME's confirmation email, in their language, created in the same transaction as the case; the
   * worker delivers it. One per case, however often this runs (idempotency key).
   */
  private async confirmToSme(
    m: EntityManager,
    kase: Case,
    company: Company,
    userId: string,
    lang: string,
  ): Promise<void> {
    // The company's primary contact in their language; the SME who enrolled when it has none.
    const primary = await primaryContactRecipient(m, company.id);
    const user = primary ? null : await m.findOneBy(User, { id: userId });
    const recipient =
      primary ??
      (user && { userId: user.id, email: user.email, name: user.name, language: emailLanguage(lang) });
    if (!recipient) return;
    await this.notifications.notify(m, {
      idempotencyKey: `case-opened:${kase.id}`,
      kind: 'case-opened.sme',
      caseId: kase.id,
      recipient,
      values: { companyName: company.legalName, link: `${this.config.APP_BASE_URL}/home` },
    });
  }
}

/** The languages emails are written in; anything else gets English. */
export function emailLanguage(lang: string): 'en' | 'es' | 'de' {
  return lang === 'es' || lang === 'de' ? lang : 'en';
}
