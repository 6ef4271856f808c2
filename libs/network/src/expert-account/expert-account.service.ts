import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import { PolicyService, UsersService, type Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OwnExpertProfileDto } from '../dto/expert-account.dto';
import { Expert } from '../entities/expert.entity';
import type { IntroductionStatus } from '../entities/introduction.entity';
import { ExpertsService, type ExpertView } from '../experts/experts.service';
import type { Decision } from '../introductions/introduction-links';
import { IntroductionsService } from '../introductions/introductions.service';
import { ExpertNotFoundError, IntroductionNotFoundError } from '../network.errors';

/** An introduction as the expert asked sees it: the company's name and sector, never its contacts. */
export interface ExpertRequestView {
  id: string;
  companyName: string;
  sector: string;
  purpose: string;
  /** `expired` for a request nobody answered in time. */
  status: IntroductionStatus | 'expired';
  expiresAt: Date;
  respondedAt: Date | null;
  createdAt: Date;
}

/**
 * The expert's own side, for their `expert` account: their profile (the directory's rules and audit rows),
 * the introductions asked of them to answer and those answered, pausing (no introductions while paused)
 * and leaving (profile inactive, consent withdrawn, account deactivated). Whatever is not theirs is a 404
 * with an `access.denied` row.
 */
@Injectable()
export class ExpertAccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly experts: ExpertsService,
    private readonly introductions: IntroductionsService,
    private readonly users: UsersService,
    private readonly policy: PolicyService,
    private readonly enrolmentRules: EnrolmentRules,
  ) {}

  /** The expert profile linked to the account (404 when none is). */
  async profile(actor: Actor): Promise<ExpertView> {
    return this.experts.get(await this.expertId(actor));
  }

  /** Introductions asked of them: those waiting for an answer, and the rest (history), newest first. */
  async requests(actor: Actor): Promise<{ waiting: ExpertRequestView[]; answered: ExpertRequestView[] }> {
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.purpose, i.status, i.expires_at, i.responded_at, i.created_at,
              c.legal_name, c.nace_section, (i.status = 'requested' AND i.expires_at <= now()) AS lapsed
         FROM introductions i JOIN cases k ON k.id = i.case_id JOIN companies c ON c.id = k.company_id
        WHERE i.expert_id = $1 ORDER BY i.created_at DESC, i.id`,
      [await this.expertId(actor)],
    )) as Record<string, unknown>[];
    const views = rows.map((r): ExpertRequestView => {
      const section = this.enrolmentRules.naceSections.find((s) => s.code === r.nace_section);
      return {
        id: r.id as string,
        companyName: r.legal_name as string,
        sector: section ? `NACE ${section.code} – ${section.name}` : ((r.nace_section as string) ?? ''),
        purpose: r.purpose as string,
        status: r.lapsed ? 'expired' : (r.status as IntroductionStatus),
        expiresAt: r.expires_at as Date,
        respondedAt: r.responded_at as Date | null,
        createdAt: r.created_at as Date,
      };
    });
    return {
      waiting: views.filter((v) => v.status === 'requested'),
      answered: views.filter((v) => v.status !== 'requested'),
    };
  }

  /**
   * Accepts or declines an introduction asked of them: the same answer as their emailed link (counted once,
   * both sides told on accept). Someone else's introduction is a 404.
   */
  async answer(
    actor: Actor,
    introductionId: string,
    decision: Decision,
    context: AuditContext,
  ): Promise<boolean> {
    const expertId = await this.expertId(actor);
    const [row] = (await this.dataSource.query(`SELECT expert_id FROM introductions WHERE id = $1`, [
      introductionId,
    ])) as { expert_id: string }[];
    // No such introduction: 404 and nothing written; someone else's: 404 with the denial audited.
    if (!row) throw new IntroductionNotFoundError(introductionId);
    if (row.expert_id !== expertId)
      await this.policy.deny(actor, { type: 'introduction', id: introductionId }, context);
    return this.introductions.respond(introductionId, decision, context);
  }

  /** Their own corrections (If-Match / the form's version), audited as the directory's are. */
  async update(
    actor: Actor,
    change: Omit<OwnExpertProfileDto, 'version'>,
    version: number | undefined,
    context: AuditContext,
  ): Promise<ExpertView> {
    return this.experts.update(await this.expertId(actor), change, version, context);
  }

  /** Pauses (`active` false: never suggested or asked) or resumes; nothing is written when unchanged. */
  async setActive(actor: Actor, active: boolean, context: AuditContext): Promise<ExpertView> {
    const id = await this.expertId(actor);
    await this.uow.run(async (m) => {
      const expert = await this.locked(m, id);
      if (expert.active === active) return;
      expert.active = active;
      await m.getRepository(Expert).save(expert);
      await this.audit.record(m, {
        action: active ? 'expert.resumed' : 'expert.paused',
        entityType: 'expert',
        entityId: id,
        before: { active: !active },
        after: { active },
        context,
      });
    });
    return this.experts.get(id);
  }

  /**
   * Leaves the programme: the profile inactive, consent to be contacted withdrawn, the time recorded, and
   * the account deactivated (sessions ended, tokens revoked), all in one transaction with its audit rows.
   * Introductions already made stay, for the case records and KPIs.
   */
  async leave(actor: Actor, context: AuditContext): Promise<void> {
    const id = await this.expertId(actor);
    await this.uow.run(async (m) => {
      const expert = await this.locked(m, id);
      const before = { active: expert.active, consentToContact: expert.consentToContact, leftAt: null };
      expert.active = false;
      expert.consentToContact = false;
      expert.consentRecordedAt = null;
      expert.leftAt = new Date();
      await m.getRepository(Expert).save(expert);
      await this.audit.record(m, {
        action: 'expert.left',
        entityType: 'expert',
        entityId: id,
        before,
        after: { active: false, consentToContact: false, leftAt: expert.leftAt.toISOString() },
        context,
      });
      await this.users.deactivate(m, actor.id, context);
    });
  }

  private async locked(m: EntityManager, id: string): Promise<Expert> {
    const expert = await m
      .getRepository(Expert)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!expert) throw new ExpertNotFoundError(id);
    return expert;
  }

  private async expertId(actor: Actor): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT id FROM experts WHERE user_id = $1 AND left_at IS NULL`,
      [actor.id],
    )) as { id: string }[];
    if (!row) throw new ExpertNotFoundError(actor.id);
    return row.id;
  }
}
