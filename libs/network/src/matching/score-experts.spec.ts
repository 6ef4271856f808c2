import { QuestionnaireCatalogue } from '@app/readiness';
import { NetworkRules } from '../network-rules';
import { EXPERTISE_HEADINGS, isAwayOn, writingLanguage } from '../domain/expertise';
import { rankExperts, scoreExpert, type CaseProfile, type ExpertCandidate } from '../domain/score-experts';

const weights = { heading: 40, market: 25, sector: 20, language: 15 };
const furnitureMaker: CaseProfile = {
  weakHeadings: ['psychological', 'product_market'],
  targetMarkets: ['DE', 'AT'],
  naceSection: 'C',
  language: 'es',
};
const expert = (id: string, over: Partial<ExpertCandidate> = {}): ExpertCandidate => ({
  expertId: id,
  expertise: [],
  markets: [],
  naceSections: [],
  languages: [],
  capacityPerMonth: 4,
  introductionsThisMonth: 0,
  active: true,
  consentToContact: true,
  absentFrom: null,
  absentTo: null,
  ...over,
});

describe('expert matching', () => {
  it('tags expertise by exactly the readiness questionnaire’s headings', () => {
    expect(QuestionnaireCatalogue.load().current.headings.map((h) => h.code)).toEqual([
      ...EXPERTISE_HEADINGS,
    ]);
  });

  it('loads and validates config/network.yaml', () => {
    const rules = NetworkRules.load();
    expect(rules.matching.weights.heading).toBeGreaterThan(0);
    expect(rules.introductions.linkExpiresAfterDays).toBeGreaterThan(0);
  });

  it('breaks the score down by weak headings, markets, sector, language and load', () => {
    const scored = scoreExpert(
      furnitureMaker,
      expert('a', {
        expertise: ['product_market', 'social_media'],
        markets: ['de'],
        naceSections: ['C'],
        languages: ['es', 'en'],
        introductionsThisMonth: 1,
      }),
      weights,
      10,
    );
    expect(scored.breakdown).toEqual({ heading: 20, market: 12.5, sector: 20, language: 15, load: -2.5 });
    expect(scored.score).toBe(65);
    expect(scored.headings).toEqual(['product_market']);
    expect(scored.markets).toEqual(['DE']);
    expect(scored.load).toBe(0.25);
  });

  it('scores no heading part without an audit and no market part without target markets', () => {
    const scored = scoreExpert(
      { ...furnitureMaker, weakHeadings: [], targetMarkets: [] },
      expert('a', { expertise: ['psychological'], markets: ['DE'] }),
      weights,
      10,
    );
    expect(scored.breakdown).toMatchObject({ heading: 0, market: 0 });
  });

  it('ranks by score, then the less loaded, and says why the others are left out', () => {
    const { ranked, excluded } = rankExperts(
      furnitureMaker,
      [
        expert('busy', { expertise: ['psychological'], capacityPerMonth: 2, introductionsThisMonth: 1 }),
        expert('free', { expertise: ['psychological'] }),
        expert('best', { expertise: ['psychological', 'product_market'], markets: ['DE', 'AT'] }),
        expert('off', { active: false, expertise: ['psychological'] }),
        expert('silent', { consentToContact: false }),
        expert('away', { absentFrom: '2026-12-01', absentTo: null }),
        expert('full', { capacityPerMonth: 1, introductionsThisMonth: 1 }),
        expert('asked'),
      ],
      weights,
      { loadPenalty: 10, today: '2026-12-06', alreadyIntroduced: ['asked'] },
    );
    expect(ranked.map((r) => r.expertId)).toEqual(['best', 'free', 'busy']);
    expect(excluded).toEqual([
      { expertId: 'off', reason: 'inactive' },
      { expertId: 'silent', reason: 'no_consent' },
      { expertId: 'away', reason: 'absent' },
      { expertId: 'full', reason: 'at_capacity' },
      { expertId: 'asked', reason: 'already_introduced' },
    ]);
  });

  it('knows absences and the language to write in', () => {
    expect(isAwayOn({ absentFrom: '2026-12-01', absentTo: '2026-12-05' }, '2026-12-06')).toBe(false);
    expect(isAwayOn({ absentFrom: null, absentTo: '2026-12-06' }, '2026-12-06')).toBe(true);
    expect(writingLanguage(['fr', 'de', 'en'])).toBe('de');
    expect(writingLanguage([])).toBe('en');
  });
});
