import type { RecommendationRulesFile } from '../rules/recommendation-rules.file';
import type { Answers, AuditScores } from './scoring';

export type RecommendationKind = 'measure' | 'training';

/** Why a rule fired: the weak heading or question and its value. */
export interface RecommendationBecause {
  heading?: string;
  question?: string;
  value: number;
}

export interface SuggestedRecommendation {
  kind: RecommendationKind;
  code: string;
  because: RecommendationBecause[];
}

/**
 * Maps weak headings and questions to support measures and training modules, per the rules in config.
 * Each measure or module appears once, with every reason that led to it, in rule order.
 */
export function recommend(
  rules: Pick<RecommendationRulesFile, 'rules'>,
  scores: AuditScores,
  answers: Answers,
): SuggestedRecommendation[] {
  const found = new Map<string, SuggestedRecommendation>();
  const add = (kind: RecommendationKind, code: string, because: RecommendationBecause): void => {
    const key = `${kind}:${code}`;
    const existing = found.get(key);
    if (existing) existing.because.push(because);
    else found.set(key, { kind, code, because: [because] });
  };
  for (const rule of rules.rules) {
    let because: RecommendationBecause | undefined;
    if (rule.heading !== undefined && rule.headingBelow !== undefined) {
      const score = scores.headings[rule.heading];
      if (score !== undefined && score < rule.headingBelow) because = { heading: rule.heading, value: score };
    } else if (rule.question !== undefined && rule.answerBelow !== undefined) {
      const answer = answers[rule.question];
      // A rule about a question this version does not ask simply does not apply.
      if (answer !== undefined && answer < rule.answerBelow)
        because = { question: rule.question, value: answer };
    }
    if (!because) continue;
    for (const code of rule.measures ?? []) add('measure', code, because);
    for (const code of rule.training ?? []) add('training', code, because);
  }
  return [...found.values()];
}
