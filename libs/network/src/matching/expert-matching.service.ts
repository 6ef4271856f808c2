import { AppConfig } from '@app/config';
import type { Case } from '@app/cases';
import { ReadinessService } from '@app/readiness';
import { localDate } from '@app/time';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  rankExperts,
  type CaseProfile,
  type ExclusionReason,
  type ExpertCandidate,
  type ScoredExpert,
} from '../domain/score-experts';
import { NetworkRules } from '../network-rules';

/** Who a suggestion is, beside its score. */
export interface ExpertSummary {
  id: string;
  name: string;
  organisation: string;
  languages: string[];
  capacityPerMonth: number;
  introductionsThisMonth: number;
}

/** The case as matching saw it: its weak headings (and the audit they came from), markets, sector, language. */
export interface MatchedCase extends CaseProfile {
  caseId: string;
  companyName: string;
  /** The latest submitted readiness audit, or null when the case has none yet. */
  audit: { id: string; auditedAt: Date; headings: Record<string, number> } | null;
}

export interface ExpertSuggestions {
  case: MatchedCase;
  /** Best first, at most `matching.suggestions` of config/network.yaml. */
  suggestions: (ScoredExpert & { expert: ExpertSummary })[];
  /** Experts who may not be asked now, and why. */
  excluded: { expert: ExpertSummary; reason: ExclusionReason }[];
  /** The weights the scores were made with. */
  weights: NetworkRules['matching']['weights'] & { loadPenalty: number };
}

type CandidateRow = ExpertCandidate & ExpertSummary;

/**
 * Suggests experts for a case, ranked by the weak headings of its latest readiness audit, its target
 * markets, sector and language, less each expert's load this month (config/network.yaml); each score is
 * broken down, as automatic assignment's is, so the adviser can see why.
 */
@Injectable()
export class ExpertMatching {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readiness: ReadinessService,
    private readonly rules: NetworkRules,
    private readonly config: AppConfig,
  ) {}

  async suggest(kase: Case, manager?: EntityManager): Promise<ExpertSuggestions> {
    const { profile, ranking, experts } = await this.rank(manager ?? this.dataSource.manager, kase);
    const { matching } = this.rules;
    return {
      case: profile,
      suggestions: ranking.ranked
        .slice(0, matching.suggestions)
        .map((s) => ({ ...s, expert: experts.get(s.expertId)! })),
      excluded: ranking.excluded.map((e) => ({ expert: experts.get(e.expertId)!, reason: e.reason })),
      weights: { ...matching.weights, loadPenalty: matching.loadPenalty },
    };
  }

  /**
   * Why the expert may not be asked for this case now (the ranking's own rules), `unknown` for no such
   * expert, or null when they may: anyone eligible, not only those on the shown list.
   */
  async exclusion(
    m: EntityManager,
    kase: Case,
    expertId: string,
  ): Promise<ExclusionReason | 'unknown' | null> {
    const { ranking } = await this.rank(m, kase);
    if (ranking.ranked.some((s) => s.expertId === expertId)) return null;
    return ranking.excluded.find((e) => e.expertId === expertId)?.reason ?? 'unknown';
  }

  private async rank(m: EntityManager, kase: Case) {
    const profile = await this.profileOf(m, kase);
    const candidates = await this.candidates(m);
    const open = (await m.query(
      `SELECT expert_id FROM introductions WHERE case_id = $1 AND status IN ('requested', 'accepted')`,
      [kase.id],
    )) as { expert_id: string }[];
    const ranking = rankExperts(profile, candidates, this.rules.matching.weights, {
      loadPenalty: this.rules.matching.loadPenalty,
      today: localDate(new Date(), this.config.PROGRAMME_TIME_ZONE),
      alreadyIntroduced: open.map((o) => o.expert_id),
    });
    return { profile, ranking, experts: new Map(candidates.map((c) => [c.expertId, summary(c)])) };
  }

  /** The case as matching sees it (peer matching ranks against the same profile). */
  caseProfile(m: EntityManager, kase: Case): Promise<MatchedCase> {
    return this.profileOf(m, kase);
  }

  private async profileOf(m: EntityManager, kase: Case): Promise<MatchedCase> {
    const [row] = (await m.query(
      `SELECT co.legal_name, co.nace_section, cw.target_markets, COALESCE(cw.language, e.language, 'en') AS language
         FROM cases c JOIN companies co ON co.id = c.company_id JOIN enrolments e ON e.id = c.enrolment_id
         LEFT JOIN case_work cw ON cw.case_id = c.id
        WHERE c.id = $1`,
      [kase.id],
    )) as { legal_name: string; nace_section: string; target_markets: string[] | null; language: string }[];
    const latest = (await this.readiness.latestScoresForCases([kase.id])).get(kase.id);
    const below = this.rules.matching.weakHeadingBelow;
    return {
      caseId: kase.id,
      companyName: row?.legal_name ?? '',
      naceSection: row?.nace_section ?? '',
      targetMarkets: row?.target_markets ?? [],
      language: row?.language ?? 'en',
      weakHeadings: latest
        ? Object.entries(latest.headings)
            .filter(([, score]) => score < below)
            .map(([heading]) => heading)
        : [],
      audit: latest ? { id: latest.auditId, auditedAt: latest.auditedAt, headings: latest.headings } : null,
    };
  }

  private async candidates(m: EntityManager): Promise<CandidateRow[]> {
    const rows = (await m.query(
      `SELECT e.id, e.name, e.organisation, e.expertise, e.markets, e.nace_sections, e.languages,
              e.capacity_per_month, e.active, e.consent_to_contact,
              e.absent_from::text AS absent_from, e.absent_to::text AS absent_to,
              (SELECT count(*)::int FROM introductions i
                WHERE i.expert_id = e.id AND i.status <> 'withdrawn'
                  AND i.created_at >= date_trunc('month', now())) AS this_month
         FROM experts e ORDER BY e.name, e.id`,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      expertId: r.id as string,
      id: r.id as string,
      name: r.name as string,
      organisation: r.organisation as string,
      expertise: r.expertise as string[],
      markets: r.markets as string[],
      naceSections: r.nace_sections as string[],
      languages: r.languages as string[],
      capacityPerMonth: r.capacity_per_month as number,
      introductionsThisMonth: r.this_month as number,
      active: r.active as boolean,
      consentToContact: r.consent_to_contact as boolean,
      absentFrom: r.absent_from as string | null,
      absentTo: r.absent_to as string | null,
    }));
  }
}

const summary = (c: CandidateRow): ExpertSummary => ({
  id: c.id,
  name: c.name,
  organisation: c.organisation,
  languages: c.languages,
  capacityPerMonth: c.capacityPerMonth,
  introductionsThisMonth: c.introductionsThisMonth,
});
