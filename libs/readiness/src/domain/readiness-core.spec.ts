import { loadStageRules } from '@app/progress';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDir, ConfigError } from '@app/config';
import { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue';
import { loadRecommendationRules, loadTrainingTitles } from '../rules/readiness-rules';
import { classifyStage, stageForScore, type BehaviourFacts } from './classification';
import { recommend } from './recommend';
import { compareScores, scoreAnswers, type Answers } from './scoring';

const catalogue = QuestionnaireCatalogue.load();
const v1 = catalogue.get(1);
const rules = loadStageRules().classification;

/** Every question of v1 answered `value`, with overrides. */
const answersAll = (value: number, overrides: Answers = {}): Answers => ({
  ...Object.fromEntries(v1.questionCodes.map((code) => [code, value])),
  ...overrides,
});
const scoresOf = (headings: Record<string, number>, overall: number) => ({ headings, overall });
const even = (score: number) => scoresOf(Object.fromEntries(v1.headings.map((h) => [h.code, score])), score);

describe('questionnaire v1 (config/readiness/questionnaire-v1.yaml)', () => {
  it('has the five headings with 3-5 questions, each with five anchors in en, es and de', () => {
    expect(v1.headings.map((h) => h.code)).toEqual([
      'psychological',
      'organisational',
      'operational',
      'product_market',
      'social_media',
    ]);
    for (const heading of v1.headings) {
      expect(heading.questions.length).toBeGreaterThanOrEqual(3);
      expect(heading.questions.length).toBeLessThanOrEqual(5);
      for (const question of heading.questions) {
        expect(question.anchors).toHaveLength(5);
        for (const text of [question.text, heading.title, ...question.anchors])
          for (const lang of ['en', 'es', 'de'] as const) expect(text[lang]).toMatch(/\S/);
      }
    }
  });
});

describe('scoreAnswers', () => {
  it.each([
    [0, 0],
    [1, 25],
    [2, 50],
    [3, 75],
    [4, 100],
  ])('all answers %i → every heading and overall %i', (value, expected) => {
    const scores = scoreAnswers(v1, answersAll(value));
    expect(Object.values(scores.headings)).toEqual([expected, expected, expected, expected, expected]);
    expect(scores.overall).toBe(expected);
  });

  it('heading = mean × 25 (one decimal); overall = weighted mean of the headings', () => {
    // psychological: 1, 2, 2 → mean 5/3 → 41.7; the other headings all 4 → 100.
    const scores = scoreAnswers(
      v1,
      answersAll(4, { 'psy-export-goal': 1, 'psy-confidence': 2, 'psy-motivation': 2 }),
    );
    expect(scores.headings.psychological).toBe(41.7);
    expect(scores.overall).toBe(88.3); // (41.667 + 4 × 100) / 5
  });

  it('throws on an unanswered question rather than scoring a partial audit', () => {
    const answers = answersAll(2);
    delete answers['ops-capacity'];
    expect(() => scoreAnswers(v1, answers)).toThrow(/ops-capacity/);
  });
});

describe('classifyStage: score bands and review flags (behaviour first)', () => {
  const passiveBehaviour: BehaviourFacts = {
    exportedRecently: true,
    exportMarketCount: 1,
    ordersThroughPlan: false,
  };

  it.each([
    [39.9, 'non_exporter'],
    [39, 'non_exporter'],
    [40, 'passive_exporter'],
    [69, 'passive_exporter'],
    [69.9, 'passive_exporter'],
    [70, 'proactive_exporter'],
  ])('overall %d → score band %s', (overall, stage) => {
    expect(stageForScore(rules, overall)).toBe(stage);
  });

  it.each([
    // [behaviour facts, plan answer, overall/heading scores, stage, flagged]
    [
      'no export sale → non-exporter; score 39 agrees',
      { exportedRecently: false, exportMarketCount: 0, ordersThroughPlan: false },
      1,
      39,
      'non_exporter',
      true,
    ],
    [
      'no export sale → non-exporter; score 40 disagrees',
      { exportedRecently: false, exportMarketCount: 0, ordersThroughPlan: false },
      1,
      40,
      'non_exporter',
      true,
    ],
    [
      'exports without a plan, score 69 → passive, agrees',
      passiveBehaviour,
      2,
      69,
      'passive_exporter',
      false,
    ],
    [
      'exports without a plan, score 70 → passive, disagrees',
      passiveBehaviour,
      2,
      70,
      'passive_exporter',
      true,
    ],
    [
      'exports with plan (3) and orders through plan, score 70 → proactive',
      { ...passiveBehaviour, ordersThroughPlan: true },
      3,
      70,
      'proactive_exporter',
      false,
    ],
    [
      'exports with plan (3), score 69 → proactive, disagrees',
      { ...passiveBehaviour, ordersThroughPlan: true },
      3,
      69,
      'proactive_exporter',
      true,
    ],
    [
      'plan answer 2 is not a plan → passive',
      { ...passiveBehaviour, ordersThroughPlan: true },
      2,
      70,
      'passive_exporter',
      true,
    ],
    [
      'plan but no export market → passive',
      { exportedRecently: true, exportMarketCount: 0, ordersThroughPlan: true },
      4,
      60,
      'passive_exporter',
      false,
    ],
  ] as const)('%s', (_name, behaviour, planAnswer, score, stage, flagged) => {
    const result = classifyStage(
      rules,
      even(score),
      answersAll(2, { 'org-export-plan': planAnswer }),
      behaviour,
    );
    expect(result.stage).toBe(stage);
    expect(result.behaviourStage).toBe(stage);
    // Every heading at 39 is below 40: that alone flags, so the first row is flagged although bands agree.
    expect(result.flaggedForReview).toBe(flagged);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('targets markets on purpose through the target-market answer (≥ 3) when orders were unsolicited', () => {
    const answers = answersAll(2, { 'org-export-plan': 3, 'pm-target-market': 3 });
    expect(classifyStage(rules, even(75), answers, passiveBehaviour).stage).toBe('proactive_exporter');
    answers['pm-target-market'] = 2;
    const result = classifyStage(rules, even(75), answers, passiveBehaviour);
    expect(result.stage).toBe('passive_exporter');
    expect(result.reasons.map((r) => r.code)).toContain('noTargetMarkets');
  });

  it.each([
    [39.9, true],
    [40, false],
  ])('one heading at %d with the rest at 60 → flagged %s and a weakHeading reason', (weak, flagged) => {
    const scores = scoresOf(
      { psychological: weak, organisational: 60, operational: 60, product_market: 60, social_media: 60 },
      55,
    );
    const result = classifyStage(rules, scores, answersAll(2), passiveBehaviour);
    expect(result.flaggedForReview).toBe(flagged);
    expect(
      result.reasons.some((r) => r.code === 'reviewWeakHeading' && r.params?.heading === 'psychological'),
    ).toBe(flagged);
  });

  it('records the disagreement with both stages in its reasons', () => {
    const result = classifyStage(rules, even(80), answersAll(4), {
      exportedRecently: false,
      exportMarketCount: 0,
      ordersThroughPlan: false,
    });
    expect(result).toMatchObject({
      stage: 'non_exporter',
      scoreStage: 'proactive_exporter',
      flaggedForReview: true,
    });
    expect(result.reasons).toContainEqual({
      code: 'reviewDisagreement',
      params: { behaviour: 'non_exporter', score: 'proactive_exporter' },
    });
  });

  it.each([
    ['overall 59.9, headings fine', 59.9, 40, false],
    ['overall 60, no heading below 40', 60, 40, true],
    ['overall 60, one heading 39.9', 60, 39.9, false],
  ])('ready for next stage: %s → %s', (_name, overall, weakest, ready) => {
    const scores = scoresOf(
      { psychological: weakest, organisational: 80, operational: 80, product_market: 80, social_media: 80 },
      overall,
    );
    expect(classifyStage(rules, scores, answersAll(2), passiveBehaviour).readyForNextStage).toBe(ready);
  });
});

describe('recommend (config/readiness/recommendations.yaml)', () => {
  const recommendationRules = loadRecommendationRules(catalogue, loadTrainingTitles());

  it('maps weak questions and headings to measures and training modules, each once with its reasons', () => {
    const answers = answersAll(4, { 'org-export-plan': 1, 'psy-export-goal': 2, 'sm-leads': 0 });
    const found = recommend(recommendationRules, scoreAnswers(v1, answers), answers);
    expect(found).toEqual([
      {
        kind: 'measure',
        code: 'export-plan-coaching',
        because: [
          { question: 'psy-export-goal', value: 2 },
          { question: 'org-export-plan', value: 1 },
        ],
      },
      { kind: 'training', code: 'linkedin-b2b-prospecting', because: [{ question: 'sm-leads', value: 0 }] },
      {
        kind: 'training',
        code: 'selling-online-marketplaces',
        because: [{ question: 'sm-leads', value: 0 }],
      },
    ]);
  });

  it('recommends nothing for a fully ready company', () => {
    const answers = answersAll(4);
    expect(recommend(recommendationRules, scoreAnswers(v1, answers), answers)).toEqual([]);
  });

  it('fires a heading rule below its threshold only', () => {
    const weak = answersAll(4, {
      'sm-profiles': 3,
      'sm-localised-content': 3,
      'sm-listening': 3,
      'sm-leads': 3,
      'sm-analytics': 0,
    });
    // social media: (3+3+3+3+0)/5 × 25 = 60 → no heading rule; analytics question rule fires.
    expect(recommend(recommendationRules, scoreAnswers(v1, weak), weak).map((r) => r.code)).toEqual([
      'measuring-results-by-country',
    ]);
  });
});

describe('questionnaire versioning', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-config-'));
    cpSync(configDir(), dir, { recursive: true });
    cpSync(
      join(__dirname, '../../../../test/e2e/readiness/fixtures/questionnaire-v2.yaml'),
      join(dir, 'readiness/questionnaire-v2.yaml'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds v2 as current while v1 still loads and scores exactly as before', () => {
    const both = QuestionnaireCatalogue.load({ ...process.env, CONFIG_DIR: dir });
    expect(both.allVersions).toEqual([1, 2]);
    expect(both.current.version).toBe(2);
    const answers = answersAll(2, { 'sm-analytics': 4 });
    expect(scoreAnswers(both.get(1), answers)).toEqual(scoreAnswers(v1, answers));
    expect(both.get(1).questionCodes).toContain('sm-analytics');
    expect(both.get(2).questionCodes).not.toContain('sm-analytics');
  });

  it('refuses a file whose version does not match its name, naming the file and field', () => {
    cpSync(join(dir, 'readiness/questionnaire-v2.yaml'), join(dir, 'readiness/questionnaire-v3.yaml'));
    try {
      expect(() => QuestionnaireCatalogue.load({ ...process.env, CONFIG_DIR: dir })).toThrow(ConfigError);
      expect(() => QuestionnaireCatalogue.load({ ...process.env, CONFIG_DIR: dir })).toThrow(
        /questionnaire-v3\.yaml[\s\S]*version/,
      );
    } finally {
      rmSync(join(dir, 'readiness/questionnaire-v3.yaml'));
    }
  });
});

describe('compareScores', () => {
  it('gives points up and down per heading against the previous audit', () => {
    const changes = compareScores(
      scoresOf({ psychological: 50, social_media: 45.5 }, 47.8),
      scoresOf({ psychological: 41.7, social_media: 60 }, 50.9),
    );
    expect(changes).toEqual([
      { heading: 'psychological', score: 50, previous: 41.7, change: 8.3 },
      { heading: 'social_media', score: 45.5, previous: 60, change: -14.5 },
    ]);
    expect(compareScores(scoresOf({ psychological: 50 }, 50), null)[0].change).toBeNull();
  });
});
