import { ConfigError, loadRulesFile } from '@app/config';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  EligibilityRulesFile,
  EnrolmentSettingsFile,
  ExchangeRate,
  NaceFile,
  NaceSectionRule,
  RegionRule,
  RegionsFile,
  SupportMeasureRule,
  SupportMeasuresFile,
} from './rules-files';

export interface NaceEntry {
  code: string;
  name: string;
  section: string;
  level: 'division' | 'group' | 'class';
}

/**
 * The programme rules that enrolment reads from `config/`: eligibility thresholds, regions, support
 * measures and the NACE Rev. 2 list. Loaded and cross-checked once; any inconsistency stops start-up with
 * a message naming the file and field.
 */
export class EnrolmentRules {
  readonly regions: readonly RegionRule[];
  readonly supportMeasures: readonly SupportMeasureRule[];
  readonly naceSections: readonly NaceSectionRule[];
  private readonly nace = new Map<string, NaceEntry>();
  private readonly rates = new Map<string, number>();

  constructor(
    readonly eligibility: EligibilityRulesFile,
    readonly settings: EnrolmentSettingsFile,
    regions: RegionsFile,
    measures: SupportMeasuresFile,
    nace: NaceFile,
  ) {
    this.regions = regions.regions;
    this.supportMeasures = measures.measures;
    this.naceSections = nace.sections;
    unique(
      'config/regions.yaml',
      'regions',
      this.regions.map((r) => r.code),
    );
    unique(
      'config/support-measures.yaml',
      'measures',
      this.supportMeasures.map((m) => m.code),
    );
    unique(
      'config/nace.yaml',
      'sections',
      this.naceSections.map((s) => s.code),
    );
    unique(
      'config/nace.yaml',
      'codes',
      nace.codes.map((c) => c.code),
    );

    const sectionOfDivision = new Map<string, string>();
    for (const section of this.naceSections) {
      for (const division of section.divisions) sectionOfDivision.set(division, section.code);
    }
    for (const { code, name } of nace.codes) {
      const section = sectionOfDivision.get(code.slice(0, 2));
      if (!section) {
        throw new ConfigError(
          [{ setting: `codes.${code}`, message: 'its division belongs to no section' }],
          'config/nace.yaml',
        );
      }
      const level = code.length === 2 ? 'division' : code.length === 4 ? 'group' : 'class';
      this.nace.set(code, { code, name, section, level });
    }

    for (const [currency, rate] of Object.entries(eligibility.exchangeRatesToEur ?? {})) {
      const entry = plainToInstance(ExchangeRate, { currency, rate });
      const errors = validateSync(entry);
      if (errors.length > 0) {
        throw new ConfigError(
          [
            {
              setting: `exchangeRatesToEur.${currency}`,
              message: 'must be a positive rate for an ISO 4217 code',
            },
          ],
          'config/eligibility.yaml',
        );
      }
      this.rates.set(currency, rate);
    }
    if (this.rates.get(eligibility.sme.currency) !== 1) {
      throw new ConfigError(
        [{ setting: 'exchangeRatesToEur', message: `must give ${eligibility.sme.currency} the rate 1` }],
        'config/eligibility.yaml',
      );
    }
  }

  static load(env: NodeJS.ProcessEnv = process.env): EnrolmentRules {
    return new EnrolmentRules(
      loadRulesFile('eligibility.yaml', EligibilityRulesFile, env),
      loadRulesFile('enrolment.yaml', EnrolmentSettingsFile, env),
      loadRulesFile('regions.yaml', RegionsFile, env),
      loadRulesFile('support-measures.yaml', SupportMeasuresFile, env),
      loadRulesFile('nace.yaml', NaceFile, env),
    );
  }

  region(code: string): RegionRule | undefined {
    return this.regions.find((r) => r.code === code);
  }

  isSupportMeasure(code: string): boolean {
    return this.supportMeasures.some((m) => m.code === code);
  }

  naceEntry(code: string): NaceEntry | undefined {
    return this.nace.get(code);
  }

  naceEntries(): NaceEntry[] {
    return [...this.nace.values()];
  }

  /** Currencies a turnover may be given in: those the eligibility rules can convert. */
  get currencies(): string[] {
    return [...this.rates.keys()];
  }

  /** Converts minor units of `currency` to minor units of the threshold currency; undefined if unknown. */
  toThresholdCurrency(amountMinor: number, currency: string): number | undefined {
    const rate = this.rates.get(currency);
    return rate === undefined ? undefined : Math.round(amountMinor * rate);
  }
}

function unique(file: string, field: string, codes: string[]): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) {
      throw new ConfigError([{ setting: `${field}.${code}`, message: 'appears twice' }], file);
    }
    seen.add(code);
  }
}
