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
