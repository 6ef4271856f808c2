import { AssignmentRules } from './assignment-rules';
import { AdviserCandidate, CaseNeeds, isAbsentOn, rankAdvisers, scoreAdviser } from './score-advisers';

const weights = { region: 40, sector: 30, market: 20, language: 10 };
const needs: CaseNeeds = { region: 'london', naceSection: 'C', targetMarkets: ['DE', 'FR'], language: 'de' };
const today = '2026-11-22';

const adviser = (id: string, overrides: Partial<AdviserCandidate> = {}): AdviserCandidate => ({
  adviserId: id,
  regions: [],
  naceSections: [],
  markets: [],
  languages: [],
  capacity: 10,
  activeCases: 0,
  active: true,
  absentFrom: null,
  absentTo: null,
  lastAssignedAt: null,
  ...overrides,
});

describe('scoreAdviser', () => {
  it.each<[string, Partial<AdviserCandidate>, number, Partial<Record<string, number>>]>([
    ['nothing in common', {}, 0, { region: 0, sector: 0, market: 0, language: 0 }],
    ['region only', { regions: ['london', 'wales'] }, 40, { region: 40 }],
    ['sector only (section letter)', { naceSections: ['C'] }, 30, { sector: 30 }],
    ['one of two target markets', { markets: ['DE', 'US'] }, 10, { market: 10 }],
    ['both target markets (case-insensitive)', { markets: ['de', 'fr'] }, 20, { market: 20 }],
    ['language only', { languages: ['en', 'de'] }, 10, { language: 10 }],
    [
      'everything',
      { regions: ['london'], naceSections: ['C'], markets: ['DE', 'FR'], languages: ['de'] },
      100,
      { region: 40, sector: 30, market: 20, language: 10 },
    ],
  ])('%s', (_name, overrides, score, breakdown) => {
    const result = scoreAdviser(needs, adviser('a', overrides), weights);
    expect(result.score).toBe(score);
    expect(result.breakdown).toMatchObject(breakdown);
  });

  it('gives no market points when the company names no target market', () => {
    expect(
      scoreAdviser({ ...needs, targetMarkets: [] }, adviser('a', { markets: ['DE'] }), weights).score,
    ).toBe(0);
  });

  it('reads its weights from config/assignment.yaml', () => {
    const rules = AssignmentRules.load();
    expect(Object.keys(rules.weights).sort()).toEqual(['language', 'market', 'region', 'sector']);
    expect(rules.runnersUp).toBeGreaterThanOrEqual(0);
  });
});

describe('rankAdvisers', () => {
  const rank = (candidates: AdviserCandidate[], declinedBy: string[] = []) =>
    rankAdvisers(needs, candidates, weights, { today, declinedBy });

  it('puts the best specialist first', () => {
    const { ranked } = rank([
      adviser('generalist'),
      adviser('regional', { regions: ['london'] }),
      adviser('specialist', { regions: ['london'], naceSections: ['C'] }),
    ]);
    expect(ranked.map((r) => r.adviserId)).toEqual(['specialist', 'regional', 'generalist']);
  });

  it.each<[string, Partial<AdviserCandidate>, string]>([
    ['inactive', { active: false }, 'inactive'],
    ['at capacity', { capacity: 3, activeCases: 3 }, 'at_capacity'],
    ['over capacity (capacity lowered below load)', { capacity: 2, activeCases: 5 }, 'at_capacity'],
    ['absent today', { absentFrom: '2026-11-20', absentTo: '2026-11-30' }, 'absent'],
    ['absent from today, open-ended (leaving)', { absentFrom: today }, 'absent'],
    ['capacity zero', { capacity: 0 }, 'at_capacity'],
  ])('excludes an adviser who is %s', (_name, overrides, reason) => {
    const { ranked, excluded } = rank([
      adviser('x', { regions: ['london'], ...overrides }),
      adviser('other'),
    ]);
    expect(ranked.map((r) => r.adviserId)).toEqual(['other']);
    expect(excluded).toEqual([{ adviserId: 'x', reason }]);
  });

  it('includes an adviser whose absence ended yesterday or starts tomorrow', () => {
    const { ranked } = rank([
      adviser('back', { absentFrom: '2026-11-01', absentTo: '2026-11-21' }),
      adviser('leaving-soon', { absentFrom: '2026-11-23' }),
    ]);
    expect(ranked.map((r) => r.adviserId).sort()).toEqual(['back', 'leaving-soon']);
  });

  it('never offers the case again to an adviser who declined it', () => {
    const { ranked, excluded } = rank(
      [adviser('decliner', { regions: ['london'] }), adviser('b')],
      ['decliner'],
    );
    expect(ranked.map((r) => r.adviserId)).toEqual(['b']);
    expect(excluded).toEqual([{ adviserId: 'decliner', reason: 'declined' }]);
  });

  it('breaks a tie by lowest load (active ÷ capacity), not by raw count', () => {
    const { ranked } = rank([
      adviser('half', { capacity: 10, activeCases: 5 }),
      adviser('third', { capacity: 30, activeCases: 10 }),
      adviser('tenth', { capacity: 10, activeCases: 1 }),
    ]);
    expect(ranked.map((r) => r.adviserId)).toEqual(['tenth', 'third', 'half']);
  });

  it('breaks a tie on score and load by longest since the last assignment (never assigned first)', () => {
    const { ranked } = rank([
      adviser('recent', { lastAssignedAt: new Date('2026-11-21T10:00:00Z') }),
      adviser('long-ago', { lastAssignedAt: new Date('2026-10-01T10:00:00Z') }),
      adviser('never'),
    ]);
    expect(ranked.map((r) => r.adviserId)).toEqual(['never', 'long-ago', 'recent']);
  });

  it('prefers a higher score over a lower load', () => {
    const { ranked } = rank([
      adviser('busy-specialist', { regions: ['london'], capacity: 10, activeCases: 9 }),
      adviser('idle-generalist'),
    ]);
    expect(ranked[0].adviserId).toBe('busy-specialist');
  });
});

describe('isAbsentOn', () => {
  it.each<[string | null, string | null, boolean]>([
    [null, null, false],
    ['2026-11-22', '2026-11-22', true],
    ['2026-11-23', null, false],
    [null, '2026-11-22', true],
    [null, '2026-11-21', false],
  ])('from %s to %s → %s', (absentFrom, absentTo, absent) => {
    expect(isAbsentOn({ absentFrom, absentTo }, today)).toBe(absent);
  });
});
