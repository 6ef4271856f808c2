import fc from 'fast-check';
import { CaseToPlan, planAssignments } from './assignment-planner';
import type { AdviserCandidate } from './score-advisers';

const weights = { region: 40, sector: 30, market: 20, language: 10 };
const today = '2026-11-22';
const REGIONS = ['london', 'wales', 'scotland'];
const SECTIONS = ['C', 'G', 'J'];
const MARKETS = ['DE', 'FR', 'US'];
const LANGUAGES = ['en', 'es', 'de'];

const candidate = fc.record({
  regions: fc.subarray(REGIONS),
  naceSections: fc.subarray(SECTIONS),
  markets: fc.subarray(MARKETS),
  languages: fc.subarray(LANGUAGES),
  capacity: fc.integer({ min: 0, max: 4 }),
  activeCases: fc.integer({ min: 0, max: 4 }),
  active: fc.boolean(),
  absent: fc.boolean(),
  lastAssignedAt: fc.option(fc.integer({ min: 0, max: 1000 })),
});
const caseToPlan = fc.record({
  region: fc.constantFrom(...REGIONS),
  naceSection: fc.constantFrom(...SECTIONS),
  targetMarkets: fc.subarray(MARKETS),
  language: fc.constantFrom(...LANGUAGES),
  declined: fc.subarray([0, 1, 2, 3, 4, 5]),
});

const world = fc.record({
  advisers: fc.array(candidate, { minLength: 1, maxLength: 6 }),
  cases: fc.array(caseToPlan, { minLength: 1, maxLength: 12 }),
});

function build(w: typeof world extends fc.Arbitrary<infer T> ? T : never) {
  const advisers: AdviserCandidate[] = w.advisers.map((a, i) => ({
    adviserId: `adviser-${i}`,
    regions: a.regions,
    naceSections: a.naceSections,
    markets: a.markets,
    languages: a.languages,
    capacity: a.capacity,
    activeCases: a.activeCases,
    active: a.active,
    absentFrom: a.absent ? '2026-11-01' : null,
    absentTo: a.absent ? '2026-11-30' : null,
    lastAssignedAt: a.lastAssignedAt === null ? null : new Date(Date.UTC(2026, 0, 1) + a.lastAssignedAt),
  }));
  const cases: CaseToPlan[] = w.cases.map((c, i) => ({
    caseId: `case-${i}`,
    needs: {
      region: c.region,
      naceSection: c.naceSection,
      targetMarkets: c.targetMarkets,
      language: c.language,
    },
    declinedBy: c.declined.map((n) => `adviser-${n}`),
  }));
  return { advisers, cases };
}

const now = new Date(Date.UTC(2026, 10, 22, 9));

describe('planning automatic assignments', () => {
  it('plans a batch as it would plan its cases one at a time, each after the last one was given its adviser', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { advisers, cases } = build(w);
        const batch = planAssignments(cases, advisers, weights, { today, now });

        // One at a time, as autoAssign does case after case: each assignment raises the chosen adviser's
        // load and makes them the one assigned last (takeSlot's active_cases + 1, last_assigned_at = now()).
        let current = advisers.map((a) => ({ ...a }));
        let clock = now.getTime();
        const single = cases.map((c) => {
          const [plan] = planAssignments([c], current, weights, { today, now: new Date(clock) });
          const chosen = plan.ranked[0]?.adviserId;
          if (chosen)
            current = current.map((a) =>
              a.adviserId === chosen
                ? { ...a, activeCases: a.activeCases + 1, lastAssignedAt: new Date(++clock) }
                : a,
            );
          return plan;
        });
        expect(batch).toEqual(single);
      }),
      { numRuns: 300 },
    );
  });

  it('never gives an adviser more cases than their free places, nor one they declined', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { advisers, cases } = build(w);
        const plans = planAssignments(cases, advisers, weights, { today, now });
        for (const a of advisers) {
          const given = plans.filter((p) => p.ranked[0]?.adviserId === a.adviserId).length;
          expect(given).toBeLessThanOrEqual(Math.max(0, a.capacity - a.activeCases));
        }
        plans.forEach((p, i) => expect(cases[i].declinedBy).not.toContain(p.ranked[0]?.adviserId));
      }),
    );
  });

  it('spreads equal cases over equal advisers and leaves the candidates it was given unchanged', () => {
    const advisers: AdviserCandidate[] = ['a', 'b'].map((id) => ({
      adviserId: id,
      regions: ['london'],
      naceSections: [],
      markets: [],
      languages: [],
      capacity: 2,
      activeCases: 0,
      active: true,
      absentFrom: null,
      absentTo: null,
      lastAssignedAt: null,
    }));
    const needs = { region: 'london', naceSection: 'C', targetMarkets: [], language: 'en' };
    const cases = [1, 2, 3, 4, 5].map((n) => ({ caseId: `c${n}`, needs, declinedBy: [] }));
    const plans = planAssignments(cases, advisers, weights, { today, now });
    expect(plans.map((p) => p.ranked[0]?.adviserId ?? null)).toEqual(['a', 'b', 'a', 'b', null]);
    expect(advisers.map((a) => a.activeCases)).toEqual([0, 0]);
  });
});
