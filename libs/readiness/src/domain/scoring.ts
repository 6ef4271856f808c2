import type { Questionnaire } from '../questionnaire/questionnaire-catalogue';

/** Question code → answer 0..4. */
export type Answers = Record<string, number>;

export interface AuditScores {
  /** Heading code → 0..100 (mean answer × 25), one decimal. */
  headings: Record<string, number>;
  /** Weighted mean of the heading scores, one decimal. */
  overall: number;
}

/** Scores are kept to one decimal so that what the page shows is exactly what the rules compared. */
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** Scores a complete set of answers on the questionnaire they were given on. */
export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): AuditScores {
  const headings: Record<string, number> = {};
  let weighted = 0;
  let weights = 0;
  for (const heading of questionnaire.headings) {
    const values = heading.questions.map((q) => {
      const answer = answers[q.code];
      if (answer === undefined) throw new Error(`question ${q.code} is not answered`);
      return answer;
    });
    const exact = (values.reduce((sum, v) => sum + v, 0) / values.length) * 25;
    headings[heading.code] = oneDecimal(exact);
    weighted += exact * heading.weight;
    weights += heading.weight;
  }
  return { headings, overall: oneDecimal(weighted / weights) };
}

export interface HeadingChange {
  heading: string;
  score: number;
  previous: number | null;
  /** Points up (+) or down (-) against the previous audit; null when there is none or it lacks the heading. */
  change: number | null;
}

/** Per-heading change against the previous audit (possibly on another questionnaire version). */
export function compareScores(current: AuditScores, previous: AuditScores | null): HeadingChange[] {
  return Object.entries(current.headings).map(([heading, score]) => {
    const before = previous?.headings[heading];
    return {
      heading,
      score,
      previous: before ?? null,
      change: before === undefined ? null : oneDecimal(score - before),
    };
  });
}
