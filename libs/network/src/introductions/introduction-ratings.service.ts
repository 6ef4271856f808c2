import { AuditContext, AuditLogService, SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { DomainError } from '@app/errors';
import { CaseFollowUps } from '@app/follow-ups';
import { NotificationService, type Contact, type LanguageCode } from '@app/messaging';
import { SignedTokens } from '@app/web';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { IntroductionRatingDto } from '../dto/introduction-rating.dto';
import { IntroductionRating, type RatingSide } from '../entities/introduction-rating.entity';
import { Introduction } from '../entities/introduction.entity';
import { NetworkRules } from '../network-rules';
import { introductionNames } from './introduction-names';
import { lockTarget } from './introduction-target';

/** One side's answer as staff and the API see it (null rating: asked, not answered yet). */
export interface RatingView {
  side: RatingSide;
  rating: number | null;
  comment: string | null;
  askedAt: Date;
  answeredAt: Date | null;
}

/** What a rating link opens: whose question it is and whether it can still be answered. */
export interface OpenedRating {
  rating: IntroductionRating;
  state: 'open' | 'answered' | 'expired';
  companyName: string;
  expertName: string;
}

/** The rating link has expired: the page says so (410), and nothing is changed. */
export class RatingLinkExpiredError extends DomainError {
  constructor() {
    super('introduction_rating.expired', 'This rating link has expired', 410);
  }
}

/**
 * "Did the introduction help?": `ratingAfterWeeks` after an expert accepted, the worker's sweep asks both
 * sides (the SME's contact and the expert) once, each through a signed single-use link to a 1-5 rating and
 * a comment. Asking is one guarded update per introduction (a sweep run twice asks once), and an answer
 * counts once (a second click changes nothing). Every step is audited; answers reach the case timeline.
 */
@Injectable()
export class IntroductionRatings {
  private readonly tokens: SignedTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly caseFollowUps: CaseFollowUps,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLogService,
    private readonly timeline: CaseTimelineService,
    private readonly rules: NetworkRules,
    private readonly config: AppConfig,
  ) {
    this.tokens = new SignedTokens(config.SESSION_SECRET, 'sme-network-introduction-rating-v1');
  }

  /** Asks both sides of every introduction accepted long enough ago and not asked yet; answers how many. */
  async askDue(now = new Date()): Promise<number> {
    const weeks = this.rules.introductions.ratingAfterWeeks;
    const due = (await this.dataSource.query(
      `SELECT id FROM introductions
        WHERE status = 'accepted' AND rating_requested_at IS NULL AND responded_at <= $1
        ORDER BY responded_at, id`,
      [new Date(now.getTime() - weeks * 7 * 86_400_000)],
    )) as { id: string }[];
    let asked = 0;
    for (const { id } of due) if (await this.askOne(id, now)) asked++;
    return asked;
  }

  /** What a link opens, or null for a token that is not ours. */
  async open(token: string, now = new Date()): Promise<OpenedRating | null> {
    const read = this.tokens.read(token, now);
    if (!read) return null;
    const rating = await this.dataSource.getRepository(IntroductionRating).findOneBy({ id: read.id });
    if (!rating) return null;
    const names = await introductionNames(this.dataSource.manager, rating.introductionId);
    const state = rating.answeredAt ? 'answered' : read.expired ? 'expired' : 'open';
    return { rating, state, ...names };
  }

  /** Records the answer once: answers whether this call recorded it (false for a second click). */
  async answer(ratingId: string, input: IntroductionRatingDto, context: AuditContext): Promise<boolean> {
    return this.uow.run(async (m) => {
      const rows = (await m.query(
        `UPDATE introduction_ratings SET rating = $2, comment = $3, answered_at = now()
          WHERE id = $1 AND answered_at IS NULL AND expires_at > now() RETURNING introduction_id, side`,
        [ratingId, input.rating, input.comment ?? null],
      )) as [{ introduction_id: string; side: RatingSide }[], number];
      const [row] = rows[0];
      if (!row) {
        const now = await m.getRepository(IntroductionRating).findOneBy({ id: ratingId });
        if (now && !now.answeredAt) throw new RatingLinkExpiredError();
        return false;
      }
      const intro = await m.getRepository(Introduction).findOneByOrFail({ id: row.introduction_id });
      const names = await introductionNames(m, intro.id);
      await this.audit.record(m, {
        action: 'introduction.rated',
        entityType: 'introduction',
        entityId: intro.id,
        before: null,
        after: { side: row.side, rating: input.rating, comment: input.comment ?? null },
        context,
      });
      await this.timeline.record(m, {
        caseId: intro.caseId,
        kind: `introduction.rated_${row.side}`,
        actorId: null,
        data: { expertName: names.expertName, rating: input.rating },
        refType: 'introduction',
        refId: intro.id,
      });
      return true;
    });
  }

  /** Each listed introduction's ratings (SME first), for staff views and the API. */
  async ofIntroductions(ids: readonly string[]): Promise<Map<string, RatingView[]>> {
    const byIntroduction = new Map<string, RatingView[]>();
    if (!ids.length) return byIntroduction;
    const rows = await this.dataSource
      .getRepository(IntroductionRating)
      .createQueryBuilder('r')
      .where('r.introduction_id = ANY(:ids)', { ids })
      .orderBy('r.side', 'DESC')
      .getMany();
    for (const r of rows) {
      const list = byIntroduction.get(r.introductionId) ?? [];
      list.push({
        side: r.side,
        rating: r.rating,
        comment: r.comment,
        askedAt: r.createdAt,
        answeredAt: r.answeredAt,
      });
      byIntroduction.set(r.introductionId, list);
    }
    return byIntroduction;
  }

  /**
   * Who was asked, as the rating email's recipient: the expert in the language they were written to, or the
   * contact of the peer company (the `expert` side of a rating is whoever was asked); null when gone.
   */
  private async askedSide(m: EntityManager, intro: Introduction): Promise<Contact | null> {
    if (intro.expertId) {
      const [expert] = (await m.query(`SELECT name, email FROM experts WHERE id = $1`, [intro.expertId])) as {
        name: string;
        email: string;
      }[];
      return expert
        ? { name: expert.name, email: expert.email, language: intro.language as LanguageCode }
        : null;
    }
    const peer = await lockTarget(
      m,
      intro.peerId!,
      (caseId) => this.caseFollowUps.smeContact(m, caseId),
      false,
    );
    return peer?.email ? { name: peer.contactName, email: peer.email, language: peer.language } : null;
  }

  private async askOne(id: string, now: Date): Promise<boolean> {
    return this.uow.run(async (m) => {
      const moved = (await m.query(
        `UPDATE introductions SET rating_requested_at = now()
          WHERE id = $1 AND status = 'accepted' AND rating_requested_at IS NULL RETURNING id`,
        [id],
      )) as [{ id: string }[], number];
      if (!moved[0].length) return false;
      const intro = await m.getRepository(Introduction).findOneByOrFail({ id });
      const names = await introductionNames(m, id);
      const recipients: [RatingSide, Contact | null][] = [
        ['sme', await this.caseFollowUps.smeContact(m, intro.caseId)],
        ['expert', await this.askedSide(m, intro)],
      ];
      const expiresAt = new Date(
        now.getTime() + this.rules.introductions.ratingLinkExpiresAfterDays * 86_400_000,
      );
      const sides: RatingSide[] = [];
      for (const [side, recipient] of recipients) {
        if (!recipient) continue;
        const language = recipient.language ?? 'en';
        const repo = m.getRepository(IntroductionRating);
        const rating = await repo.save(repo.create({ introductionId: id, side, language, expiresAt }));
        await this.notifications.notify(m, {
          idempotencyKey: `introduction:${id}:rating:${side}`,
          kind: `introduction-rating.${side}`,
          caseId: intro.caseId,
          recipient,
          values: { ...names, ratingLink: this.url(rating.id, expiresAt, language) },
        });
        sides.push(side);
      }
      await this.audit.record(m, {
        action: 'introduction.rating_requested',
        entityType: 'introduction',
        entityId: id,
        before: null,
        after: { sides, expiresAt: expiresAt.toISOString() },
        context: SYSTEM_AUDIT_CONTEXT,
      });
      return true;
    });
  }

  private url(ratingId: string, expiresAt: Date, language: string): string {
    const base = this.config.APP_BASE_URL.replace(/\/$/, '');
    return `${base}/introductions/rate/${this.tokens.issue(ratingId, expiresAt)}?lang=${language}`;
  }
}
