import { DEFAULT_SETTINGS, parseSettings } from './settings';

describe('bench settings', () => {
  it('uses the defaults without arguments', () => {
    expect(parseSettings([])).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every flag', () => {
    const settings = parseSettings([
      '--rounds',
      '5',
      '--duration',
      '10',
      '--skip-build',
      '--cpu-prof',
      '--only',
      'health,cold-start',
    ]);
    expect(settings).toMatchObject({
      rounds: 5,
      durationSeconds: 10,
      cpuProf: true,
      skipBuild: true,
      only: ['health', 'cold-start'],
    });
  });

  it('refuses unknown flags and non-numbers with the usage text', () => {
    expect(() => parseSettings(['--fast'])).toThrow(/unknown option --fast\nusage: npm run bench/);
    expect(() => parseSettings(['--rounds', 'many'])).toThrow(/--rounds needs a whole number/);
    expect(() => parseSettings(['--rounds', '0'])).toThrow(/--rounds needs a whole number/);
  });
});
