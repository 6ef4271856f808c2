import type { Case } from '@app/cases';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rankExperts, type ExclusionReason, type MatchBreakdown } from '../domain/score-experts';
import { NetworkRules } from '../network-rules';
import { ExpertMatching, type MatchedCase } from './expert-matching.service';

/** A peer as staff see it beside its score: the company, never its contact. */
export interface PeerSummary {
  id: string;
  companyName: string;
  naceSection: string;
  languages: string[];
  capacityPerMonth: number;
  introductionsThisMonth: number;
}

export interface ScoredPeer {
  peerId: string;
  score: number;
  breakdown: MatchBreakdown;
  load: number;
  headings: string[];
  markets: string[];
  peer: PeerSummary;
}

export interface PeerSuggestions {
  case: MatchedCase;
  /** Best first, at most `peers.suggestions` of config/network.yaml. */
  suggestions: ScoredPeer[];
  /** Peers who may not be asked now, and why (withdrawn peers are not listed at all). */
  excluded: { peer: PeerSummary; reason: ExclusionReason }[];
  weights: NetworkRules['peers']['weights'] & { loadPenalty: number };
}

/**
 * Suggests peer SMEs for a case, ranked as experts are (weak headings of the latest audit against the
 * peer's topics, target markets, sector, language, less load) with the weights of `peers` in
 * config/network.yaml. The case's own company is never a candidate, nor is a withdrawn peer.
 */
@Injectable()
export class PeerMatching {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experts: ExpertMatching,
    private readonly rules: NetworkRules,
  ) {}

  async suggest(kase: Case, manager?: EntityManager): Promise<PeerSuggestions> {
    const { profile, ranking, peers } = await this.rank(manager ?? this.dataSource.manager, kase);
    const rules = this.rules.peers;
    return {
      case: profile,
      suggestions: ranking.ranked.slice(0, rules.suggestions).map(({ expertId, ...s }) => ({
        peerId: expertId,
        ...s,
        peer: peers.get(expertId)!,
      })),
      excluded: ranking.excluded.map((e) => ({ peer: peers.get(e.expertId)!, reason: e.reason })),
      weights: { ...rules.weights, loadPenalty: rules.loadPenalty },
    };
  }

  /** Why the peer may not be asked for this case now, `unknown` for no such (active, other) peer, or null. */
  async exclusion(m: EntityManager, kase: Case, peerId: string): Promise<ExclusionReason | 'unknown' | null> {
    const { ranking } = await this.rank(m, kase);
    if (ranking.ranked.some((s) => s.expertId === peerId)) return null;
    return ranking.excluded.find((e) => e.expertId === peerId)?.reason ?? 'unknown';
  }

  private async rank(m: EntityManager, kase: Case) {
    const profile = await this.experts.caseProfile(m, kase);
    const rows = (await m.query(
      `SELECT p.id, co.legal_name, co.nace_section, p.topics, p.markets, p.languages, p.capacity_per_month,
              (SELECT count(*)::int FROM introductions i
                WHERE i.peer_id = p.id AND i.status <> 'withdrawn'
                  AND i.created_at >= date_trunc('month', now())) AS this_month,
              EXISTS (SELECT 1 FROM introductions i WHERE i.peer_id = p.id AND i.case_id = $2
                        AND i.status IN ('requested', 'accepted')) AS introduced
         FROM peers p JOIN companies co ON co.id = p.company_id
        WHERE p.status = 'active' AND p.company_id <> $1
        ORDER BY co.legal_name, p.id`,
      [kase.companyId, kase.id],
    )) as Record<string, unknown>[];
    const candidates = rows.map((r) => ({
      expertId: r.id as string,
      expertise: r.topics as string[],
      markets: r.markets as string[],
      naceSections: r.nace_section ? [r.nace_section as string] : [],
      languages: r.languages as string[],
      capacityPerMonth: r.capacity_per_month as number,
      introductionsThisMonth: r.this_month as number,
      active: true,
      consentToContact: true,
      absentFrom: null,
      absentTo: null,
    }));
    const ranking = rankExperts(profile, candidates, this.rules.peers.weights, {
      loadPenalty: this.rules.peers.loadPenalty,
      today: '0000-01-01',
      alreadyIntroduced: rows.filter((r) => r.introduced).map((r) => r.id as string),
    });
    const peers = new Map<string, PeerSummary>(
      rows.map((r) => [
        r.id as string,
        {
          id: r.id as string,
          companyName: r.legal_name as string,
          naceSection: (r.nace_section as string) ?? '',
          languages: r.languages as string[],
          capacityPerMonth: r.capacity_per_month as number,
          introductionsThisMonth: r.this_month as number,
        },
      ]),
    );
    return { profile, ranking, peers };
  }
}
