import { ConfigError, configDir } from '@app/config';
import { EnrolmentRules } from '@app/enrolment';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnerDirectory } from './partner-directory';

const shipped = readFileSync(join(configDir(), 'partners.yaml'), 'utf8');

/** A config directory holding only this partners.yaml (the directory reads no other file). */
function partnersFile(content: string): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'partners-'));
  writeFileSync(join(dir, 'partners.yaml'), content);
  return { ...process.env, CONFIG_DIR: dir };
}

describe('config/partners.yaml', () => {
  const enrolment = EnrolmentRules.load();

  it('loads the shipped partners: each kind, regions and languages, written to in its first language', () => {
    const directory = PartnerDirectory.load(enrolment);
    expect(new Set(directory.partners.map((p) => p.kind))).toEqual(
      new Set(['chamber_of_commerce', 'export_credit_agency', 'growth_hub', 'overseas_post']),
    );
    const ahk = directory.find('ahk-uk')!;
    expect(directory.language(ahk)).toBe('de');
    expect(directory.find('growth-hub-west-midlands')?.regions).toEqual(['west-midlands', 'east-midlands']);
    expect(directory.find('nobody')).toBeUndefined();
    expect(directory.referrals.acceptLinkExpiresAfterDays).toBeGreaterThan(0);
  });

  it('stops start-up on an unknown region or support measure, or a code used twice, naming the field', () => {
    const bad = shipped
      .replace('regions: [north-west]', 'regions: [atlantis]')
      .replace('helpsWith: [export-finance]', 'helpsWith: [free-money]')
      .replace('code: post-madrid', 'code: ahk-uk');
    let error: unknown;
    try {
      PartnerDirectory.load(enrolment, partnersFile(bad));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('config/partners.yaml');
    expect(message).toContain('atlantis is not in config/regions.yaml');
    expect(message).toContain('free-money is not in config/support-measures.yaml');
    expect(message).toContain('ahk-uk is used twice');
  });

  it('refuses a partner without a valid email address or language', () => {
    const bad = shipped
      .replace('email: smes@export-credit.example', 'email: not-an-address')
      .replace('languages: [es, en]', 'languages: [fr]');
    expect(() => PartnerDirectory.load(enrolment, partnersFile(bad))).toThrow(
      /partners\.\d+\.(email|languages)/,
    );
  });
});
