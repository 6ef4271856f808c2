import type { AssessmentQuestion } from './training-formats';

/** Per cent of questions answered right, or undefined when the answers do not match the questions. */
export function scoreAssessment(
  questions: readonly AssessmentQuestion[],
  answers: readonly number[],
): number | undefined {
  if (answers.length !== questions.length) return undefined;
  if (answers.some((a, i) => !Number.isInteger(a) || a < 0 || a >= questions[i].options.length))
    return undefined;
  const right = answers.filter((a, i) => a === questions[i].answer).length;
  return Math.round((right / questions.length) * 100);
}

/** The questions without their answers, for the SME's form and the API. */
export function publicQuestions(
  questions: readonly AssessmentQuestion[] | null,
): Omit<AssessmentQuestion, 'answer'>[] {
  return (questions ?? []).map(({ question, options }) => ({ question, options }));
}

/** Which answers were right, question by question (numbered from 1), for an attempt being revealed. */
export function reviewAnswers(
  questions: readonly AssessmentQuestion[],
  answers: readonly number[],
): { question: number; correct: boolean }[] {
  return questions.map((q, i) => ({ question: i + 1, correct: answers[i] === q.answer }));
}

export interface AttemptLimit {
  maxFailures: number;
  periodHours: number;
}

/**
 * How many failed attempts are left in the period ending now, and — when none are — when the next one
 * opens (the moment enough earlier failures have aged out of the period).
 */
export function attemptsLeft(
  failures: readonly Date[],
  limit: AttemptLimit,
  now: Date,
): { left: number; retryAt: Date | null } {
  const period = limit.periodHours * 3600_000;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - period)
    .sort((a, b) => a - b);
  const left = Math.max(0, limit.maxFailures - recent.length);
  if (left > 0) return { left, retryAt: null };
  return { left, retryAt: new Date(recent[recent.length - limit.maxFailures] + period) };
}
