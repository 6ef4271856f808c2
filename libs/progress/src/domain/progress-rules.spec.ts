import { loadStageRules } from '../rules/stage-rules';
import { milestonesFor, stageAfterOutcome } from './progress-rules';

const rules = loadStageRules();

describe('stageAfterOutcome (config/stage-rules.yaml)', () => {
  const none = new Set<string>();
  const withPlan = new Set(['export-plan-written']);
  const withPlanAndMarket = new Set(['export-plan-written', 'target-market-researched']);

  it.each([
    ['non_exporter', 'first_export_order', false, none, 'passive_exporter'],
    ['non_exporter', 'new_market_entered', false, none, 'passive_exporter'],
    ['non_exporter', 'new_market_entered', false, withPlan, 'proactive_exporter'],
    ['passive_exporter', 'new_market_entered', false, withPlan, 'proactive_exporter'],
    ['non_exporter', 'export_win', true, none, 'passive_exporter'],
    ['passive_exporter', 'export_win', true, withPlan, undefined],
    ['passive_exporter', 'export_win', true, withPlanAndMarket, 'proactive_exporter'],
    ['non_exporter', 'export_win', false, withPlanAndMarket, undefined],
    ['non_exporter', 'distributor_signed', false, withPlanAndMarket, undefined],
    ['non_exporter', 'trade_visit_attended', false, none, undefined],
    ['passive_exporter', 'first_export_order', false, none, undefined],
    ['proactive_exporter', 'new_market_entered', false, none, undefined],
  ] as const)(
    '%s + %s (confirmed %s, milestones %p) → %s',
    (current, kind, confirmed, achieved, expected) => {
      expect(stageAfterOutcome(rules, current, { kind, confirmed }, achieved)?.to).toBe(expected);
    },
  );
});

describe('milestonesFor', () => {
  it('ticks the audit milestone and the answer milestones that reach their minimum', () => {
    const codes = milestonesFor(rules.milestones, {
      type: 'audit',
      answers: { 'org-export-plan': 3, 'pm-target-market': 2, 'sm-leads': 4 },
    }).map((m) => m.code);
    expect(codes.sort()).toEqual([
      'export-plan-written',
      'first-social-media-lead',
      'readiness-audit-completed',
    ]);
  });

  it('ticks a confirmed-only milestone only for confirmed outcomes', () => {
    const unconfirmed = milestonesFor(rules.milestones, {
      type: 'outcome',
      kind: 'export_win',
      confirmed: false,
    });
    const confirmed = milestonesFor(rules.milestones, {
      type: 'outcome',
      kind: 'export_win',
      confirmed: true,
    });
    expect(unconfirmed).toEqual([]);
    expect(confirmed.map((m) => m.code)).toEqual(['confirmed-export-win']);
  });
});
