import { AuditLogService, SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { CaseAccessService } from '@app/advisers';
import type { Case } from '@app/cases';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { WorkingCalendar } from '@app/follow-ups';
import type { Actor } from '@app/identity';
import { NotificationService, type Contact } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Introduction } from '../entities/introduction.entity';
import { ExpertMatching } from '../matching/expert-matching.service';
import { IntroductionNotFoundError } from '../network.errors';
import { NetworkRules } from '../network-rules';
import { introductionNames } from './introduction-names';

/** The best expert not yet asked for the case, offered when an introduction ends without a conversation. */
export interface NextMatch {
  expertId: string;
  name: string;
  organisation: string;
  score: number;
}

/** What the adviser is offered after a decline or silence: the next match and the purpose asked before. */
export interface NextMatchOffer {
  introductionId: string;
  caseId: string;
  outcome: 'declined' | 'unanswered';
  previousExpertName: string;
  purpose: string;
  next: NextMatch | null;
}

type EndedWithoutAnswer = 'declined' | 'unanswered';

/**
 * What happens to an introduction after it is asked, when the expert does not take it: a decline (from the
 * expert's link) or silence for `unansweredAfterWorkingDays` working days (the worker's sweep) tells the
 * adviser by email and on the case timeline, and offers the best suggestion not yet asked for this case,
 * one click away on the case's experts page. A silent introduction moves `requested` → `unanswered` once
 * (a guarded update), so a sweep that runs twice tells the adviser once, and its link then says so.
 */
@Injectable()
export class IntroductionFollowUps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccessService,
    private readonly matching: ExpertMatching,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly calendar: WorkingCalendar,
    private readonly rules: NetworkRules,
    private readonly config: AppConfig,
  ) {}

  /**
   * Marks every introduction silent for too long as unanswered (each in its own transaction, with its audit
   * row, timeline entry and the adviser's email); answers how many this run moved.
   */
  async markUnanswered(now = new Date()): Promise<number> {
    const days = this.rules.introductions.unansweredAfterWorkingDays;
    // N working days are at least N calendar days: the query narrows, the calendar decides.
    const waiting = (await this.dataSource.query(
      `SELECT id, created_at, expires_at FROM introductions
        WHERE status = 'requested' AND (created_at <= $1 OR expires_at <= $2)
        ORDER BY created_at, id`,
      [new Date(now.getTime() - days * 86_400_000), now],
    )) as { id: string; created_at: Date; expires_at: Date }[];
    let moved = 0;
    for (const row of waiting) {
      const silent =
        row.expires_at <= now ||
        this.calendar.addWorkingDays(row.created_at, days).getTime() <= now.getTime();
      if (silent && (await this.markOne(row.id))) moved++;
    }
    return moved;
  }

  /**
   * Tells the adviser who asked that the introduction ended without a conversation, with the next match and
   * a one-click link to ask them; inside the caller's transaction (the outbox row commits with the change).
   */
  async tellAdviser(
    m: EntityManager,
    intro: Introduction,
    kase: Case,
    outcome: EndedWithoutAnswer,
    names: { expertName: string; companyName: string },
  ): Promise<void> {
    const adviser = await this.adviserOf(m, intro.requestedById);
    if (!adviser) return;
    const next = await this.nextMatch(m, kase);
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    await this.notifications.notify(m, {
      idempotencyKey: `introduction:${intro.id}:${outcome}:adviser`,
      kind: next ? `introduction-${outcome}.adviser` : `introduction-${outcome}-no-match.adviser`,
      caseId: kase.id,
      recipient: adviser,
      values: {
        ...names,
        purpose: intro.purpose,
        nextExpertName: next?.name ?? '',
        nextExpertOrganisationPart: next?.organisation ? ` (${next.organisation})` : '',
        link: `${base}/cases/${kase.id}/experts?next=${intro.id}`,
      },
    });
  }

  /**
   * The offer shown on the case's experts page for an introduction declined or left unanswered, for staff
   * who may work the case (404 otherwise); null for an introduction that is still open or was accepted.
   */
  async offer(actor: Actor, caseId: string, introductionId: string): Promise<NextMatchOffer | null> {
    const kase = await this.access.findWorkableCase(actor, caseId);
    const [row] = (await this.dataSource.query(
      `SELECT id, status, purpose FROM introductions WHERE id = $1 AND case_id = $2`,
      [introductionId, kase.id],
    )) as { id: string; status: string; purpose: string }[];
    if (!row) throw new IntroductionNotFoundError(introductionId);
    if (row.status !== 'declined' && row.status !== 'unanswered') return null;
    return {
      introductionId: row.id,
      caseId: kase.id,
      outcome: row.status,
      previousExpertName: (await introductionNames(this.dataSource.manager, row.id)).expertName,
      purpose: row.purpose,
      next: await this.nextMatch(this.dataSource.manager, kase),
    };
  }

  /** The best-ranked suggestion among experts never asked for this case (whatever became of the asking). */
  async nextMatch(m: EntityManager, kase: Case): Promise<NextMatch | null> {
    const asked = (await m.query(`SELECT DISTINCT expert_id FROM introductions WHERE case_id = $1`, [
      kase.id,
    ])) as { expert_id: string }[];
    const skip = new Set(asked.map((a) => a.expert_id));
    const found = (await this.matching.suggest(kase, m)).suggestions.find((s) => !skip.has(s.expertId));
    return found
      ? {
          expertId: found.expertId,
          name: found.expert.name,
          organisation: found.expert.organisation,
          score: found.score,
        }
      : null;
  }

  private async markOne(id: string): Promise<boolean> {
    return this.uow.run(async (m) => {
      const rows = (await m.query(
        `UPDATE introductions SET status = 'unanswered', version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'requested' RETURNING id`,
        [id],
      )) as [{ id: string }[], number];
      if (!rows[0].length) return false;
      const intro = await m.getRepository(Introduction).findOneByOrFail({ id });
      const kase = (await this.access.load(intro.caseId, m))!;
      const names = await introductionNames(m, id);
      await this.tellAdviser(m, intro, kase, 'unanswered', names);
      await this.audit.record(m, {
        action: 'introduction.unanswered',
        entityType: 'introduction',
        entityId: id,
        before: { status: 'requested' },
        after: {
          status: 'unanswered',
          afterWorkingDays: this.rules.introductions.unansweredAfterWorkingDays,
        },
        context: SYSTEM_AUDIT_CONTEXT,
      });
      await this.timeline.record(m, {
        caseId: kase.id,
        kind: 'introduction.unanswered',
        actorId: null,
        data: { expertName: names.expertName },
        refType: 'introduction',
        refId: id,
      });
      return true;
    });
  }

  /** An active staff user as a notification recipient, in their language (null when deactivated). */
  async adviserOf(m: EntityManager, userId: string): Promise<Contact | null> {
    const [user] = (await m.query(`SELECT name, email, language FROM users WHERE id = $1 AND active`, [
      userId,
    ])) as { name: string; email: string; language: string | null }[];
    const language = (['en', 'es', 'de'] as const).find((l) => l === user?.language) ?? 'en';
    return user ? { userId, name: user.name, email: user.email, language } : null;
  }
}
