import { AuditContext, AuditLogService } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '@app/errors';
import type { Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PeerProfileDto } from '../dto/peer.dto';
import { Peer, type PeerStatus } from '../entities/peer.entity';
import { NetworkRules } from '../network-rules';

/** The stages at which a company may offer to help others: it already exports. */
export const PEER_STAGES = ['passive_exporter', 'proactive_exporter'] as const;

/** A peer profile as its own SME and staff see it. */
export interface PeerView {
  id: string;
  companyId: string;
  companyName: string;
  caseId: string;
  markets: string[];
  topics: string[];
  languages: string[];
  capacityPerMonth: number;
  status: PeerStatus;
  consentRecordedAt: Date;
  withdrawnAt: Date | null;
  /** Introductions asked of the peer this calendar month (not withdrawn). */
  introductionsThisMonth: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What another SME may see of a peer: the company, never a person or a contact detail. */
export interface PublicPeerView {
  id: string;
  companyName: string;
  sector: string;
  markets: string[];
  topics: string[];
  languages: string[];
}

/** The SME's own standing: whether it may offer help, and its profile if it has one. */
export interface OwnPeerProfile {
  eligible: boolean;
  /** The most advanced stage of the SME's cases (null without a case). */
  stage: string | null;
  profile: PeerView | null;
}

/** The case is not yet at passive or proactive: a field error the page shows in its error summary. */
export class PeerNotEligibleError extends UnprocessableError {
  constructor() {
    super('peer.not_eligible', 'Only a company that already exports can offer help to others', [
      {
        field: 'stage',
        message: 'Your company can offer help to others once its case reaches passive or proactive exporter',
        code: 'stage_too_early',
      },
    ]);
  }
}

const COLUMNS = `p.*, co.legal_name, co.nace_section,
  (SELECT count(*)::int FROM introductions i WHERE i.peer_id = p.id AND i.status <> 'withdrawn'
     AND i.created_at >= date_trunc('month', now())) AS this_month`;

/**
 * Peers: SMEs whose case reached passive or proactive and offer to help others. The SME opts in (its
 * consent recorded with the time), edits and withdraws its own profile; staff list them; other SMEs see
 * them only by company name, sector, markets and topics. Every change is audited in its transaction.
 */
@Injectable()
export class PeersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly rules: NetworkRules,
  ) {}

  /** The SME's own standing and profile. */
  async mine(actor: Actor): Promise<OwnPeerProfile> {
    const kase = await this.qualifyingCase(this.dataSource.manager, actor.id);
    const [row] = await this.rows(`p.user_id = $1 OR p.company_id = $2`, [actor.id, kase?.companyId ?? null]);
    return { eligible: kase?.eligible ?? false, stage: kase?.stage ?? null, profile: row ?? null };
  }

  /** Opts in, or changes the offer (`version`: the one read, when changing). */
  async save(actor: Actor, input: PeerProfileDto, version: number | undefined, context: AuditContext) {
    if (input.capacityPerMonth > this.rules.peers.maxCapacityPerMonth)
      throw new InvalidInputError([
        {
          field: 'capacityPerMonth',
          message: `capacityPerMonth must not be greater than ${this.rules.peers.maxCapacityPerMonth}`,
          code: 'max',
        },
      ]);
    const id = await this.uow.run(async (m) => {
      const kase = await this.qualifyingCase(m, actor.id);
      if (!kase?.eligible) throw new PeerNotEligibleError();
      const repo = m.getRepository(Peer);
      const existing = await repo.findOne({
        where: { companyId: kase.companyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing && version !== undefined && existing.version !== version)
        throw new ConflictError('peer.version_conflict', 'Your offer has changed since you loaded it', {
          currentVersion: existing.version,
        });
      const fields = {
        markets: [...new Set(input.markets)],
        topics: [...new Set(input.topics)],
        languages: [...new Set(input.languages)],
        capacityPerMonth: input.capacityPerMonth,
      };
      const reopening = !existing || existing.status === 'withdrawn';
      const before = existing && { ...pick(existing), status: existing.status };
      const saved = await repo.save(
        existing
          ? repo.merge(existing, {
              ...fields,
              caseId: kase.caseId,
              userId: actor.id,
              status: 'active',
              withdrawnAt: null,
              ...(reopening ? { consentRecordedAt: new Date() } : {}),
            })
          : repo.create({
              ...fields,
              companyId: kase.companyId,
              caseId: kase.caseId,
              userId: actor.id,
              status: 'active',
              consentRecordedAt: new Date(),
              withdrawnAt: null,
            }),
      );
      await this.audit.record(m, {
        action: reopening ? 'peer.opted_in' : 'peer.updated',
        entityType: 'peer',
        entityId: saved.id,
        before,
        after: {
          ...pick(saved),
          status: saved.status,
          consentRecordedAt: saved.consentRecordedAt.toISOString(),
        },
        context,
      });
      return saved.id;
    });
    return this.one(id);
  }

  /**
   * Withdraws the SME's consent: it is no longer suggested or shown, and introductions still waiting for
   * its answer are withdrawn (their links then say so). The row stays, for the KPIs and the SAR.
   */
  async withdraw(actor: Actor, context: AuditContext): Promise<PeerView> {
    const own = (await this.mine(actor)).profile;
    if (!own || own.status !== 'active') throw new NotFoundError('peer');
    await this.uow.run(async (m) => {
      const rows = (await m.query(
        `UPDATE peers SET status = 'withdrawn', withdrawn_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'active' RETURNING id`,
        [own.id],
      )) as [{ id: string }[], number];
      if (!rows[0].length) return;
      await this.audit.record(m, {
        action: 'peer.withdrawn',
        entityType: 'peer',
        entityId: own.id,
        before: { status: 'active' },
        after: { status: 'withdrawn' },
        context,
      });
      const closed = (await m.query(
        `UPDATE introductions SET status = 'withdrawn', version = version + 1, updated_at = now()
          WHERE peer_id = $1 AND status = 'requested' RETURNING id`,
        [own.id],
      )) as [{ id: string }[], number];
      for (const intro of closed[0])
        await this.audit.record(m, {
          action: 'introduction.withdrawn',
          entityType: 'introduction',
          entityId: intro.id,
          before: { status: 'requested' },
          after: { status: 'withdrawn', reason: 'peer_withdrew' },
          context,
        });
    });
    return this.one(own.id);
  }

  /** Every profile, active first, for staff. */
  async list(): Promise<PeerView[]> {
    return this.rows(`TRUE`, []);
  }

  /** The active peers another SME may see (never its own company), by company name. */
  async visibleTo(actor: Actor): Promise<PublicPeerView[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.id, co.legal_name, co.nace_section, p.markets, p.topics, p.languages
         FROM peers p JOIN companies co ON co.id = p.company_id
        WHERE p.status = 'active'
          AND p.company_id NOT IN (SELECT c.company_id FROM cases c JOIN enrolments e ON e.id = c.enrolment_id
                                    WHERE e.user_id = $1)
        ORDER BY co.legal_name, p.id`,
      [actor.id],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string,
      companyName: r.legal_name as string,
      sector: this.sectorName(r.nace_section as string),
      markets: r.markets as string[],
      topics: r.topics as string[],
      languages: r.languages as string[],
    }));
  }

  /** "NACE C – Manufacturing", as other SMEs and the peer's introductions show a sector. */
  sectorName(code: string | null): string {
    const section = this.enrolmentRules.naceSections.find((s) => s.code === code);
    return section ? `NACE ${section.code} – ${section.name}` : (code ?? '');
  }

  private async one(id: string): Promise<PeerView> {
    const [row] = await this.rows(`p.id = $1`, [id]);
    return row;
  }

  /**
   * The SME's case that may qualify it: its most advanced (then newest) case it enrolled. `eligible` when
   * that case is at passive or proactive and not closed as a duplicate.
   */
  private async qualifyingCase(
    m: EntityManager,
    userId: string,
  ): Promise<{ caseId: string; companyId: string; stage: string; eligible: boolean } | null> {
    const [row] = (await m.query(
      `SELECT c.id, c.company_id, c.stage FROM cases c JOIN enrolments e ON e.id = c.enrolment_id
        WHERE e.user_id = $1
        ORDER BY array_position(ARRAY['proactive_exporter', 'passive_exporter', 'non_exporter'], c.stage),
                 c.opened_at DESC, c.id
        LIMIT 1`,
      [userId],
    )) as { id: string; company_id: string; stage: string }[];
    if (!row) return null;
    return {
      caseId: row.id,
      companyId: row.company_id,
      stage: row.stage,
      eligible: (PEER_STAGES as readonly string[]).includes(row.stage),
    };
  }

  private async rows(where: string, params: unknown[]): Promise<PeerView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM peers p JOIN companies co ON co.id = p.company_id
        WHERE ${where} ORDER BY p.status, co.legal_name, p.id`,
      params,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string,
      companyId: r.company_id as string,
      companyName: r.legal_name as string,
      caseId: r.case_id as string,
      markets: r.markets as string[],
      topics: r.topics as string[],
      languages: r.languages as string[],
      capacityPerMonth: r.capacity_per_month as number,
      status: r.status as PeerStatus,
      consentRecordedAt: r.consent_recorded_at as Date,
      withdrawnAt: r.withdrawn_at as Date | null,
      introductionsThisMonth: r.this_month as number,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
      version: r.version as number,
    }));
  }
}

const pick = (p: Peer) => ({
  markets: p.markets,
  topics: p.topics,
  languages: p.languages,
  capacityPerMonth: p.capacityPerMonth,
});
