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

  it('reads each whole-number flag into its own setting', () => {
    const flags: [string, keyof typeof DEFAULT_SETTINGS][] = [
      ['--rounds', 'rounds'],
      ['--duration', 'durationSeconds'],
      ['--warmup', 'warmupSeconds'],
      ['--connections', 'connections'],
      ['--cold-start-rounds', 'coldStartRounds'],
      ['--queue-jobs', 'queueJobs'],
      ['--queue-concurrency', 'queueConcurrency'],
      ['--queue-batch', 'queueBatchSize'],
      ['--cases', 'cases'],
      ['--minutes', 'minutes'],
    ];
    const settings = parseSettings(flags.flatMap(([flag], i) => [flag, String(1000 + i)]));
    expect(flags.map(([, key]) => settings[key])).toEqual(flags.map((_, i) => 1000 + i));
    for (const [flag] of flags)
      expect(() => parseSettings([flag, '-1'])).toThrow(`${flag} needs a whole number`);
  });

  it('soaks for 10 minutes unless --minutes says otherwise', () => {
    expect(DEFAULT_SETTINGS.minutes).toBe(10);
    expect(parseSettings(['--only', 'soak', '--minutes', '1'])).toMatchObject({ only: ['soak'], minutes: 1 });
    expect(() => parseSettings(['--minutes', '0.5'])).toThrow(/--minutes needs a whole number/);
  });

  it('refuses unknown flags and non-numbers with the usage text', () => {
    expect(() => parseSettings(['--fast'])).toThrow(/unknown option --fast\nusage: npm run bench/);
    expect(() => parseSettings(['constructor', '3'])).toThrow(/unknown option constructor/);
    expect(() => parseSettings(['--rounds', 'many'])).toThrow(/--rounds needs a whole number/);
    expect(() => parseSettings(['--rounds', '0'])).toThrow(/--rounds needs a whole number/);
  });
});
