import { attemptsLeft, publicQuestions, reviewAnswers, scoreAssessment } from './assessment';

const text = (s: string) => ({ en: s, es: s, de: s });
const questions = [0, 1, 2, 0].map((answer, i) => ({
  question: text(`q${i}`),
  options: [text('a'), text('b'), text('c')],
  answer,
}));

describe('assessment scoring', () => {
  it('scores the share of right answers', () => {
    expect(scoreAssessment(questions, [0, 1, 2, 0])).toBe(100);
    expect(scoreAssessment(questions, [0, 1, 2, 1])).toBe(75);
    expect(scoreAssessment(questions, [1, 1, 0, 1])).toBe(25);
  });

  it('refuses answers that do not fit the questions', () => {
    expect(scoreAssessment(questions, [0, 1, 2])).toBeUndefined();
    expect(scoreAssessment(questions, [0, 1, 2, 3])).toBeUndefined();
    expect(scoreAssessment(questions, [0, 1, 2, -1])).toBeUndefined();
  });

  it('never publishes the answers', () => {
    expect(publicQuestions(questions).every((q) => !('answer' in q))).toBe(true);
    expect(publicQuestions(null)).toEqual([]);
  });
});

describe('assessment attempts', () => {
  const limit = { maxFailures: 3, periodHours: 24 };
  const now = new Date('2026-05-10T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

  it('counts only the failures inside the period', () => {
    expect(attemptsLeft([], limit, now)).toEqual({ left: 3, retryAt: null });
    expect(attemptsLeft([hoursAgo(1), hoursAgo(30)], limit, now)).toEqual({ left: 2, retryAt: null });
  });

  it('opens the next attempt when the oldest failure of the period ages out', () => {
    expect(attemptsLeft([hoursAgo(1), hoursAgo(5), hoursAgo(20)], limit, now)).toEqual({
      left: 0,
      retryAt: hoursAgo(20 - 24),
    });
    // More failures than the limit (it was lowered): the one whose expiry frees a place decides.
    expect(attemptsLeft([hoursAgo(1), hoursAgo(2), hoursAgo(3), hoursAgo(4)], limit, now).retryAt).toEqual(
      hoursAgo(3 - 24),
    );
  });

  it('reviews each answer without giving the right option', () => {
    expect(reviewAnswers(questions, [0, 2, 2, 1])).toEqual([
      { question: 1, correct: true },
      { question: 2, correct: false },
      { question: 3, correct: true },
      { question: 4, correct: false },
    ]);
  });
});
