import { AppConfig } from '@app/config';
import { Case } from '@app/cases';
import { Company, Enrolment, primaryContactRecipient } from '@app/enrolment';
import { User } from '@app/identity';
import type { Contact } from '@app/messaging';
import { isLanguage } from '@app/web';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FollowUpService, type ScheduleFollowUpInput } from '../follow-up/follow-up.service';

/**
 * When a case's reminders start and stop, for every domain, inside the caller's transaction: first contact
 * after an assignment, the agreed next step and the dormant-case check after each contact (advisers), the
 * re-audit and stage review after each readiness audit (readiness, progress), and an overdue booked module
 * (training). Each domain states the fact ("assigned", "audited", "training booked"); which rules that
 * starts or closes, and for whom, is decided here. Rules and timings live in config/follow-ups.yaml.
 */
@Injectable()
export class CaseFollowUps {
  constructor(
    private readonly followUps: FollowUpService,
    private readonly config: AppConfig,
  ) {}

  /** A new adviser: open reminders move to them; first contact is due from this assignment unless made. */
  async assigned(m: EntityManager, kase: Case, input: AssignedFacts): Promise<void> {
    await this.assignedMany(m, [{ ...input, kase }]);
  }

  /** `assigned` for a batch of cases assigned in one transaction (each case once), in a few statements. */
  async assignedMany(m: EntityManager, items: readonly (AssignedFacts & { kase: Case })[]): Promise<void> {
    const withAssignee: { item: AssignedFacts & { kase: Case }; assignee: Contact }[] = [];
    for (const item of items) {
      const assignee = item.assignee ?? (await this.contact(m, item.adviserId));
      if (assignee) withAssignee.push({ item, assignee });
    }
    await this.followUps.reassignMany(
      m,
      withAssignee.map(({ item, assignee }) => ({ caseId: item.kase.id, assignee })),
    );
    const officers = new Map<string | null, Contact | null>();
    const reminders: ScheduleFollowUpInput[] = [];
    for (const { item, assignee } of withAssignee) {
      if (item.contacted) continue;
      if (!officers.has(item.officerId)) officers.set(item.officerId, await this.officer(m, item.officerId));
      reminders.push({
        rule: 'first-contact',
        caseId: item.kase.id,
        anchorAt: item.startedAt,
        sourceKey: `first-contact:${item.assignmentId}`,
        assignee,
        officer: officers.get(item.officerId) ?? null,
        context: await this.values(m, item.kase, assignee, item.companyName),
        ifOpen: 'replace',
      });
    }
    await this.followUps.scheduleMany(m, reminders);
  }

  /** The adviser let go of the case: a first-contact reminder must not chase them any more. */
  async released(m: EntityManager, caseId: string, reason: string): Promise<void> {
    await this.followUps.cancel(m, { caseId, rules: ['first-contact'], reason });
  }

  /** An interaction: first contact is made, the next step (if any) is due, and the dormancy clock restarts. */
  async contacted(
    m: EntityManager,
    kase: Case,
    input: {
      interactionId: string;
      lastContactOn: string;
      nextStep: string | null;
      nextStepDue: string | null;
    },
  ): Promise<void> {
    await this.followUps.complete(m, {
      caseId: kase.id,
      rules: ['first-contact'],
      reason: 'first contact made',
    });
    const assignee = await this.adviserOf(m, kase);
    if (!assignee) return;
    const officer = await this.officer(m, null);
    const context = await this.values(m, kase, assignee);
    if (input.nextStep && input.nextStepDue) {
      await this.followUps.schedule(m, {
        rule: 'next-step-due',
        caseId: kase.id,
        anchorAt: dayStart(input.nextStepDue),
        sourceKey: `next-step:${input.interactionId}`,
        assignee,
        officer,
        context: { ...context, nextStep: input.nextStep.slice(0, 200) },
        ifOpen: 'replace',
      });
    } else {
      await this.followUps.cancel(m, {
        caseId: kase.id,
        rules: ['next-step-due'],
        reason: 'superseded by a later interaction',
      });
    }
    await this.followUps.schedule(m, {
      rule: 'dormant-case',
      caseId: kase.id,
      anchorAt: dayStart(input.lastContactOn),
      sourceKey: `dormant:${input.interactionId}`,
      assignee,
      officer,
      context,
      ifOpen: 'replace',
    });
    // Still no contact once the dormant ladder has run: propose closing it ("unreachable") to the adviser.
    await this.followUps.schedule(m, {
      rule: 'closure-proposed',
      caseId: kase.id,
      anchorAt: dayStart(input.lastContactOn),
      sourceKey: `closure-proposed:${input.interactionId}`,
      assignee,
      context,
      ifOpen: 'replace',
    });
  }

  /**
   * A readiness audit was submitted. The re-audit clock restarts from it (sooner for a passive exporter
   * marked ready for the next stage), and a classification flagged for review waits for the adviser; an
   * audit that needs no review settles an earlier flag, since its classification replaces the flagged one.
   * Call after the audit has moved the stage, so the variant follows the case's stage as it now is.
   */
  async audited(
    m: EntityManager,
    caseId: string,
    input: { auditId: string; submittedAt: Date; flaggedForReview: boolean; readyForNextStage: boolean },
  ): Promise<void> {
    const kase = await m.getRepository(Case).findOneByOrFail({ id: caseId });
    await this.followUps.complete(m, { caseId, rules: ['re-audit'], reason: 'readiness audit completed' });
    const assignee = await this.adviserOf(m, kase);
    const context = await this.values(m, kase, assignee);
    const passiveReady = kase.stage === 'passive_exporter' && input.readyForNextStage;
    // Without an adviser yet the reminder waits for one: `assigned` hands open follow-ups to them.
    await this.followUps.schedule(m, {
      rule: 're-audit',
      caseId,
      anchorAt: input.submittedAt,
      sourceKey: `re-audit:${input.auditId}`,
      variant: passiveReady ? 'passive-ready' : undefined,
      assignee,
      context,
      ifOpen: 'replace',
    });
    if (!input.flaggedForReview) {
      await this.followUps.complete(m, {
        caseId,
        rules: ['stage-review'],
        reason: 'a later audit needs no review',
      });
      return;
    }
    // A second flagged audit keeps the first one's clock: the review has been waiting since then.
    await this.followUps.schedule(m, {
      rule: 'stage-review',
      caseId,
      anchorAt: input.submittedAt,
      sourceKey: `stage-review:${input.auditId}`,
      assignee,
      officer: await this.officer(m, null),
      context,
      ifOpen: 'keep',
    });
  }

  /** An adviser decided the case's stage: any flagged classification has had its review. */
  async stageReviewed(m: EntityManager, caseId: string, reason: string): Promise<void> {
    await this.followUps.complete(m, { caseId, rules: ['stage-review'], reason });
  }

  /** A module was booked (or a waitlisted place confirmed): it is overdue if not completed by its due date. */
  async trainingBooked(
    m: EntityManager,
    caseId: string,
    input: { bookingId: string; dueAt: Date; moduleTitle: Partial<Record<string, string>> },
  ): Promise<void> {
    const kase = await m.getRepository(Case).findOneByOrFail({ id: caseId });
    const assignee = await this.adviserOf(m, kase);
    const sme = await this.smeOf(m, kase);
    const language = sme?.language ?? 'en';
    await this.followUps.schedule(m, {
      rule: 'training-overdue',
      caseId,
      anchorAt: input.dueAt,
      sourceKey: `training-overdue:${input.bookingId}`,
      subjectKey: input.bookingId,
      assignee,
      sme,
      context: {
        ...(await this.values(m, kase, assignee)),
        moduleTitle: input.moduleTitle[language] ?? input.moduleTitle.en ?? '',
      },
      ifOpen: 'keep',
    });
  }

  /** The booking was completed (the condition is met) or cancelled (nothing left to chase). */
  async trainingClosed(
    m: EntityManager,
    caseId: string,
    bookingId: string,
    outcome: 'completed' | 'cancelled',
  ): Promise<void> {
    const input = { caseId, rules: ['training-overdue'], subjectKey: bookingId };
    if (outcome === 'completed') await this.followUps.complete(m, { ...input, reason: 'module completed' });
    else await this.followUps.cancel(m, { ...input, reason: 'booking cancelled' });
  }

  /** The satisfaction survey went to the SME at closing: remind them once if it stays unanswered. */
  async surveySent(
    m: EntityManager,
    caseId: string,
    input: { surveyId: string; sentAt: Date; sme: Contact; context: Record<string, string> },
  ): Promise<void> {
    await this.followUps.schedule(m, {
      rule: 'satisfaction-survey-reminder',
      caseId,
      anchorAt: input.sentAt,
      sourceKey: `satisfaction-survey:${input.surveyId}`,
      sme: input.sme,
      context: input.context,
      ifOpen: 'keep',
    });
  }

  /** The SME answered the survey: no reminder. */
  async surveyAnswered(m: EntityManager, caseId: string): Promise<void> {
    await this.followUps.complete(m, {
      caseId,
      rules: ['satisfaction-survey-reminder'],
      reason: 'survey answered',
    });
  }

  /**
   * An open export opportunity and its expected date: if it is still open once that date has passed, its
   * adviser is reminded to update it. A new date (or any change) replaces the reminder.
   */
  async opportunityExpected(
    m: EntityManager,
    caseId: string,
    input: { opportunityId: string; version: number; expectedOn: string; market: string; product: string },
  ): Promise<void> {
    const kase = await m.getRepository(Case).findOneByOrFail({ id: caseId });
    const assignee = await this.adviserOf(m, kase);
    if (!assignee) return;
    await this.followUps.schedule(m, {
      rule: 'opportunity-stale',
      caseId,
      anchorAt: dayStart(input.expectedOn),
      sourceKey: `opportunity-stale:${input.opportunityId}:${input.version}`,
      subjectKey: input.opportunityId,
      assignee,
      context: {
        ...(await this.values(m, kase, assignee)),
        market: input.market,
        product: input.product.slice(0, 200),
      },
      ifOpen: 'replace',
    });
  }

  /** The opportunity was won, lost or abandoned: nothing left to chase. */
  async opportunityClosed(
    m: EntityManager,
    caseId: string,
    opportunityId: string,
    status: string,
  ): Promise<void> {
    await this.followUps.complete(m, {
      caseId,
      rules: ['opportunity-stale'],
      subjectKey: opportunityId,
      reason: `opportunity ${status}`,
    });
  }

  /**
   * A link asking the company to confirm an export win went out: the company is reminded while it stays
   * unanswered, and the adviser is told when it expires. A newer link (resend, correction) replaces both.
   */
  async winVerificationSent(
    m: EntityManager,
    caseId: string,
    input: {
      winId: string;
      nonce: string;
      sentAt: Date;
      expiresAt: Date;
      sme: Contact;
      context: Record<string, string>;
    },
  ): Promise<void> {
    const kase = await m.getRepository(Case).findOneByOrFail({ id: caseId });
    const assignee = await this.adviserOf(m, kase);
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    const context = { ...input.context, winsLink: `${base}/cases/${caseId}/export-wins#win-${input.winId}` };
    await this.followUps.schedule(m, {
      rule: 'win-verification-unanswered',
      caseId,
      anchorAt: input.sentAt,
      sourceKey: `win-verification-unanswered:${input.winId}:${input.nonce}`,
      subjectKey: input.winId,
      sme: input.sme,
      context,
      ifOpen: 'replace',
    });
    await this.followUps.schedule(m, {
      rule: 'win-verification-expired',
      caseId,
      anchorAt: input.expiresAt,
      sourceKey: `win-verification-expired:${input.winId}:${input.nonce}`,
      subjectKey: input.winId,
      assignee,
      context,
      ifOpen: 'replace',
    });
  }

  /**
   * The company answered (nothing left to chase), or the win's link was withdrawn without a new one
   * (a correction for a company with no contact to write to).
   */
  async winVerificationClosed(
    m: EntityManager,
    caseId: string,
    winId: string,
    outcome: 'answered' | 'withdrawn',
  ): Promise<void> {
    const input = {
      caseId,
      rules: ['win-verification-unanswered', 'win-verification-expired'],
      subjectKey: winId,
    };
    if (outcome === 'answered') await this.followUps.complete(m, { ...input, reason: 'company answered' });
    else await this.followUps.cancel(m, { ...input, reason: 'verification link withdrawn' });
  }

  /**
   * A case was referred to a partner organisation: the partner is reminded while it has not accepted, then
   * the case's adviser is told (config/follow-ups.yaml, partner-referral-unanswered).
   */
  async referralSent(
    m: EntityManager,
    caseId: string,
    input: { referralId: string; sentAt: Date; partner: Contact; context: Record<string, string> },
  ): Promise<void> {
    const kase = await m.getRepository(Case).findOneByOrFail({ id: caseId });
    const assignee = await this.adviserOf(m, kase);
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    await this.followUps.schedule(m, {
      rule: 'partner-referral-unanswered',
      caseId,
      anchorAt: input.sentAt,
      sourceKey: `partner-referral-unanswered:${input.referralId}`,
      subjectKey: input.referralId,
      assignee,
      partner: input.partner,
      context: {
        ...input.context,
        referralsLink: `${base}/cases/${caseId}/referrals#referral-${input.referralId}`,
      },
    });
  }

  /** The partner accepted the referral (or reported its result straight away): nothing left to chase. */
  async referralAnswered(m: EntityManager, caseId: string, referralId: string): Promise<void> {
    await this.followUps.complete(m, {
      caseId,
      rules: ['partner-referral-unanswered'],
      subjectKey: referralId,
      reason: 'partner answered',
    });
  }

  /**
   * The case closed: nothing on it is chased any more (first contact, next step, dormancy, re-audit, stage
   * review, overdue training of its pending bookings), except reminders of `keepRules` (the satisfaction
   * survey that the closure itself starts).
   */
  async caseClosed(m: EntityManager, caseId: string, keepRules: readonly string[] = []): Promise<number> {
    return this.followUps.cancelAllOfCase(m, caseId, 'case closed', keepRules);
  }

  /**
   * The case reopened: support goes on, so the company is no longer chased for its verdict on support that
   * ended (the survey's link stays valid until it expires, for a company that still wants to answer).
   */
  async caseReopened(m: EntityManager, caseId: string): Promise<number> {
    return this.followUps.cancel(m, {
      caseId,
      rules: ['satisfaction-survey-reminder'],
      reason: 'case reopened',
    });
  }

  /** The SME of a case as a notification recipient (null when its account is deactivated). */
  async smeContact(m: EntityManager, caseId: string): Promise<Contact | null> {
    return this.smeOf(m, await m.getRepository(Case).findOneByOrFail({ id: caseId }));
  }

  /**
   * The company's primary contact in their language; when it has none, the SME who enrolled the case, in
   * the language they enrolled in, while their account is active.
   */
  private async smeOf(m: EntityManager, kase: Case): Promise<Contact | null> {
    const primary = await primaryContactRecipient(m, kase.companyId);
    if (primary) return primary;
    const enrolment = await m.getRepository(Enrolment).findOneBy({ id: kase.enrolmentId });
    const user = enrolment?.userId
      ? await m.getRepository(User).findOneBy({ id: enrolment.userId, active: true })
      : null;
    if (!enrolment || !user) return null;
    const language = isLanguage(enrolment.language) ? enrolment.language : 'en';
    return { userId: user.id, email: user.email, name: user.name, language };
  }

  /** A staff member as a recipient in their language (the adviser who referred a case, …). */
  staffContact(m: EntityManager, userId: string): Promise<Contact | null> {
    return this.contact(m, userId);
  }

  /** The case's adviser, or null while it waits for one. */
  private async adviserOf(m: EntityManager, kase: Case): Promise<Contact | null> {
    return kase.assignedAdviserId ? this.contact(m, kase.assignedAdviserId) : null;
  }

  private async contact(m: EntityManager, userId: string): Promise<Contact | null> {
    const user = await m.getRepository(User).findOneBy({ id: userId });
    return user
      ? { userId: user.id, email: user.email, name: user.name, language: user.language ?? 'en' }
      : null;
  }

  /** The officer who acted, else the longest-serving active officer (escalations need someone). */
  private async officer(m: EntityManager, officerId: string | null): Promise<Contact | null> {
    const repo = m.getRepository(User);
    const user =
      (officerId ? await repo.findOneBy({ id: officerId, role: 'officer', active: true }) : null) ??
      (await repo.findOne({ where: { role: 'officer', active: true }, order: { createdAt: 'ASC' } }));
    return user
      ? { userId: user.id, email: user.email, name: user.name, language: user.language ?? 'en' }
      : null;
  }

  private async values(
    m: EntityManager,
    kase: Case,
    assignee: Contact | null,
    companyName?: string,
  ): Promise<Record<string, string>> {
    const name = companyName ?? (await m.getRepository(Company).findOneBy({ id: kase.companyId }))?.legalName;
    return {
      companyName: name ?? '',
      assigneeName: assignee?.name ?? '',
      link: `${this.config.APP_BASE_URL.replace(/\/$/, '')}/cases/${kase.id}`,
    };
  }
}

/** A calendar date as the start of that day (UTC); the rule's offsets do the rest. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** What an assignment tells the follow-ups about itself. */
export interface AssignedFacts {
  assignmentId: string;
  adviserId: string;
  startedAt: Date;
  officerId: string | null;
  contacted: boolean;
  /** The adviser's contact and the company's name, when the caller has them already. */
  assignee?: Contact;
  companyName?: string;
}
