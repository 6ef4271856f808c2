import { plainToInstance } from 'class-transformer';
import { checkCatalogue, loadTrainingRules, TrainingModulesFile } from './training-rules';

describe('training rules in config/', () => {
  it('loads the starting catalogue and booking settings', () => {
    const { catalogue, settings } = loadTrainingRules();
    expect(catalogue.modules).toHaveLength(10);
    expect(new Set(catalogue.modules.map((m) => m.code)).size).toBe(10);
    for (const m of catalogue.modules) {
      expect(m.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.title.en && m.title.es && m.title.de).toBeTruthy();
      expect(m.summary.en && m.summary.es && m.summary.de).toBeTruthy();
    }
    expect(catalogue.modules.find((m) => m.code === 'agents-distributors-networks')?.platforms).toContain(
      'xing',
    );
    expect(settings.dueDays.webinar).toBeGreaterThan(0);
    expect(settings.cancellationCutoffHours).toBe(24);
  });

  it('rejects duplicate codes, unknown prerequisites, a completion rule that does not fit the format and missing questions', () => {
    const text = { en: 'x', es: 'x', de: 'x' };
    const base = {
      durationMinutes: 60,
      level: 'foundation',
      barriers: [],
      questions: [],
      platforms: [],
      title: text,
      summary: text,
    };
    const file = plainToInstance(TrainingModulesFile, {
      modules: [
        { ...base, code: 'a', format: 'webinar', completion: 'attendance', prerequisites: ['missing'] },
        { ...base, code: 'a', format: 'self_paced', completion: 'attendance', prerequisites: [] },
        { ...base, code: 'b', format: 'workshop', completion: 'assessment', prerequisites: [] },
      ],
    });
    expect(checkCatalogue(file)).toEqual([
      'modules: code a appears twice',
      'modules.a.prerequisites: unknown module missing',
      'modules.a.completion: a self-paced module has no session to attend',
      'modules.b.completion: a workshop is completed by attendance',
      'modules.b.assessment: an assessment module needs its questions',
    ]);
  });
});
