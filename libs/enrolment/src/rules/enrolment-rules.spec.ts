import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDir } from '@app/config';
import { EnrolmentRules } from './enrolment-rules';

function configWith(file: string, content: string): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'enrolment-rules-'));
  for (const name of readdirSync(configDir())) {
    if (name.endsWith('.yaml')) writeFileSync(join(dir, name), readFileSync(join(configDir(), name)));
  }
  writeFileSync(join(dir, file), content);
  return { ...process.env, CONFIG_DIR: dir };
}

describe('EnrolmentRules', () => {
  const rules = EnrolmentRules.load();

  it('ships the whole NACE Rev. 2 list: 21 sections, 88 divisions, 272 groups, 615 classes', () => {
    expect(rules.naceSections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    const levels = { division: 0, group: 0, class: 0 };
    for (const section of rules.naceSections) {
      for (const division of section.divisions) {
        expect(rules.naceEntry(division)?.section).toBe(section.code);
      }
    }
    for (const code of ['01', '01.1', '01.11', '62.01', '99.00']) expect(rules.naceEntry(code)).toBeDefined();
    expect(rules.naceEntry('62.01')).toEqual({
      code: '62.01',
      name: 'Computer programming activities',
      section: 'J',
      level: 'class',
    });
    expect(rules.naceEntry('62.1')).toBeUndefined();
    expect(rules.naceEntry('04')).toBeUndefined();
    for (const entry of rules.naceEntries()) levels[entry.level]++;
    expect(levels).toEqual({ division: 88, group: 272, class: 615 });
  });

  it('knows the regions, support measures and currencies', () => {
    expect(rules.region('london')).toEqual({ code: 'london', name: 'London', programme: true });
    expect(rules.region('outside')?.programme).toBe(false);
    expect(rules.isSupportMeasure('market-research')).toBe(true);
    expect(rules.isSupportMeasure('free-money')).toBe(false);
    expect(rules.currencies).toContain('GBP');
  });

  it('refuses a rules file with a bad threshold, naming file and field', () => {
    const env = configWith(
      'eligibility.yaml',
      readFileSync(join(configDir(), 'eligibility.yaml'), 'utf8').replace(
        'employeesBelow: 250',
        'employeesBelow: many',
      ),
    );
    expect(() => EnrolmentRules.load(env)).toThrow(/config\/eligibility\.yaml[\s\S]*sme\.employeesBelow/);
  });

  it('refuses a negative exchange rate and a duplicated region', () => {
    const eligibility = readFileSync(join(configDir(), 'eligibility.yaml'), 'utf8');
    expect(() =>
      EnrolmentRules.load(configWith('eligibility.yaml', eligibility.replace('GBP: 1.17', 'GBP: -1'))),
    ).toThrow(/exchangeRatesToEur\.GBP/);
    const regions = readFileSync(join(configDir(), 'regions.yaml'), 'utf8');
    expect(() =>
      EnrolmentRules.load(configWith('regions.yaml', regions.replace('code: wales', 'code: london'))),
    ).toThrow(/regions\.london[\s\S]*twice|config\/regions\.yaml[\s\S]*london/);
  });
});
