import {
  CaseClosureService,
  type CaseClosedFacts,
  type CaseLifecycleListener,
  type CaseReopenedFacts,
} from '@app/cases';
import { AppConfig } from '@app/config';
import { CaseFollowUps } from '@app/follow-ups';
import { NotificationService } from '@app/messaging';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentService } from '../assignment/assignment.service';

/** Reminders the closure itself starts, which closing must not cancel (the satisfaction survey's). */
export const RULES_STARTED_BY_CLOSURE = ['satisfaction-survey-reminder'];

/**
 * What a case's closing and reopening mean for its work, in the closing transaction, whoever closes it
 * (the adviser's form, an officer's merge): the adviser's spell ends and their place is free, every
 * reminder on the case stops (pending bookings' overdue reminders included), and the SME is told in their
 * language, in the service and by email. Reopening gives it back to its adviser or assigns it.
 */
@Injectable()
export class CaseLifecycleListenerService implements CaseLifecycleListener, OnModuleInit {
  constructor(
    private readonly closure: CaseClosureService,
    private readonly assignment: AssignmentService,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.closure.listen('advisers', this);
  }

  async caseClosed(m: EntityManager, facts: CaseClosedFacts): Promise<void> {
    await this.assignment.closed(m, facts);
    await this.caseFollowUps.caseClosed(m, facts.kase.id, RULES_STARTED_BY_CLOSURE);
    await this.tellSme(
      m,
      facts.kase.id,
      'case-closed.sme',
      `case-closed:${facts.kase.id}:${facts.kase.version}`,
      {
        reason: facts.reason,
      },
    );
  }

  async caseReopened(m: EntityManager, facts: CaseReopenedFacts): Promise<void> {
    await this.assignment.reopened(m, facts);
    await this.caseFollowUps.caseReopened(m, facts.kase.id);
    await this.tellSme(
      m,
      facts.kase.id,
      'case-reopened.sme',
      `case-reopened:${facts.kase.id}:${facts.kase.version}`,
    );
  }

  private async tellSme(
    m: EntityManager,
    caseId: string,
    kind: string,
    idempotencyKey: string,
    closure?: { reason: string },
  ): Promise<void> {
    const sme = await this.caseFollowUps.smeContact(m, caseId);
    if (!sme) return;
    const [company] = (await m.query(
      `SELECT co.legal_name FROM cases c JOIN companies co ON co.id = c.company_id WHERE c.id = $1`,
      [caseId],
    )) as { legal_name: string }[];
    await this.notifications.notify(m, {
      idempotencyKey,
      kind,
      caseId,
      recipient: sme,
      values: {
        companyName: company?.legal_name ?? '',
        reason: closure ? this.closure.reasonLabel(closure.reason, sme.language ?? 'en') : '',
        link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/`,
      },
    });
  }
}
