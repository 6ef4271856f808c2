import { publicQuestions, scoreAssessment } from './assessment';

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
