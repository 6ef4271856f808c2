import { Case } from '@app/cases';
import { Company } from '@app/enrolment';
import { NotificationService, type UndeliveredEmail } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ScoreBreakdown } from '../assignment/score-advisers';
import { CaseWork } from '../entities/case-work.entity';
import { Interaction } from '../entities/interaction.entity';

export interface AssignmentView {
  id: string;
  adviserId: string;
  adviserName: string | null;
  method: string;
  reason: string | null;
  score: number | null;
  breakdown: ScoreBreakdown | null;
  runnersUp: {
    adviserId: string;
    adviserName: string | null;
    score: number;
    breakdown: ScoreBreakdown;
    load: number;
  }[];
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  endNote: string | null;
}

export interface CaseView {
  id: string;
  version: number;
  stage: string;
  status: string;
  region: string;
  sector: string;
  openedAt: Date;
  company: {
    id: string;
    name: string;
    registrationNumber: string;
    registrationCountry: string;
    naceSection: string;
  };
  adviser: { id: string; name: string | null } | null;
  work: {
    summary: string;
    targetMarkets: string[];
    firstContactOn: string | null;
    lastContactOn: string | null;
    nextStep: string | null;
    nextStepDue: string | null;
  };
  /** The open assignment with why it was made (score breakdown and runners-up). */
  currentAssignment: AssignmentView | null;
  interactions: Interaction[];
}

/** Read side of the case page and `GET /api/v1/cases/:id` (the caller has already been authorised). */
@Injectable()
export class CaseDetailsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  /** Emails about the case that will not be delivered: staff must reach the person another way. */
  async undeliveredEmails(caseId: string): Promise<UndeliveredEmail[]> {
    return (await this.notifications.undelivered(this.dataSource.manager, { caseId, limit: 20 })).items;
  }

  async load(kase: Case): Promise<CaseView> {
    const company = await this.dataSource.getRepository(Company).findOneByOrFail({ id: kase.companyId });
    const work = await this.dataSource.getRepository(CaseWork).findOneBy({ caseId: kase.id });
    const history = await this.assignments(kase.id);
    const current = history.find((a) => a.endedAt === null) ?? null;
    const interactions = await this.dataSource.getRepository(Interaction).find({
      where: { caseId: kase.id },
      order: { occurredOn: 'DESC', createdAt: 'DESC' },
      take: 20,
    });
    return {
      id: kase.id,
      version: kase.version,
      stage: kase.stage,
      status: kase.status,
      region: kase.region,
      sector: kase.sector,
      openedAt: kase.openedAt,
      company: {
        id: company.id,
        name: company.legalName,
        registrationNumber: company.registrationNumber,
        registrationCountry: company.registrationCountry,
        naceSection: company.naceSection,
      },
      adviser: kase.assignedAdviserId
        ? { id: kase.assignedAdviserId, name: current?.adviserName ?? null }
        : null,
      work: {
        summary: work?.summary ?? '',
        targetMarkets: work?.targetMarkets ?? [],
        firstContactOn: work?.firstContactOn ?? null,
        lastContactOn: work?.lastContactOn ?? null,
        nextStep: work?.nextStep ?? null,
        nextStepDue: work?.nextStepDue ?? null,
      },
      currentAssignment: current,
      interactions,
    };
  }

  /** The case's full assignment history, newest first, with adviser names. */
  async assignments(caseId: string): Promise<AssignmentView[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.*, u.name AS adviser_name FROM case_assignments a LEFT JOIN users u ON u.id = a.adviser_id
        WHERE a.case_id = $1 ORDER BY a.started_at DESC, a.id DESC`,
      [caseId],
    )) as Record<string, unknown>[];
    const runnerIds = [
      ...new Set(
        rows.flatMap((r) => ((r.runners_up as { adviserId: string }[]) ?? []).map((x) => x.adviserId)),
      ),
    ];
    const names = new Map<string, string>();
    if (runnerIds.length) {
      const users = (await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [
        runnerIds,
      ])) as { id: string; name: string }[];
      for (const u of users) names.set(u.id, u.name);
    }
    return rows.map((r) => ({
      id: r.id as string,
      adviserId: r.adviser_id as string,
      adviserName: (r.adviser_name as string | null) ?? null,
      method: r.method as string,
      reason: r.reason as string | null,
      score: r.score === null ? null : Number(r.score),
      breakdown: r.breakdown as ScoreBreakdown | null,
      runnersUp: ((r.runners_up as AssignmentView['runnersUp']) ?? []).map((x) => ({
        adviserId: x.adviserId,
        adviserName: names.get(x.adviserId) ?? null,
        score: x.score,
        breakdown: x.breakdown,
        load: x.load,
      })),
      startedAt: r.started_at as Date,
      endedAt: r.ended_at as Date | null,
      endReason: r.end_reason as string | null,
      endNote: r.end_note as string | null,
    }));
  }
}
