import { ConfigError, IntRange, ListOf, loadRulesFile, ValidateNestedObject } from '@app/config';
import { EnrolmentRules } from '@app/enrolment';
import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  EXPERT_LANGUAGES,
  EXPERTISE_HEADINGS,
  writingLanguage,
  type ExpertLanguage,
} from '../domain/expertise';

export const PARTNER_KINDS = [
  'chamber_of_commerce',
  'export_credit_agency',
  'growth_hub',
  'overseas_post',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export class PartnerRule {
  @Matches(/^[a-z0-9-]{2,40}$/, { message: '$property must be 2-40 lower-case letters, digits and "-"' })
  code!: string;

  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsEmail()
  email!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(EXPERT_LANGUAGES, { each: true })
  languages!: ExpertLanguage[];

  @IsArray()
  @IsString({ each: true })
  helpsWith!: string[];

  @IsArray()
  @IsIn(EXPERTISE_HEADINGS, { each: true })
  headings!: string[];

  @IsArray()
  @IsString({ each: true })
  regions!: string[];
}

export class PartnerReferralSettings {
  @IntRange(1, 90)
  acceptLinkExpiresAfterDays!: number;

  @IntRange(1, 730)
  resultLinkExpiresAfterDays!: number;
}

export class PartnersFile {
  @ValidateNestedObject()
  @Type(() => PartnerReferralSettings)
  referrals!: PartnerReferralSettings;

  @ListOf(() => PartnerRule, { min: 1, max: 200 })
  partners!: PartnerRule[];
}

/**
 * config/partners.yaml: the partner organisations a case can be referred to (chambers of commerce, the
 * export credit agency, growth hubs, overseas posts). Loaded once; a partner naming an unknown region or
 * support measure, or a code used twice, stops start-up with a message naming it.
 */
@Injectable()
export class PartnerDirectory {
  readonly partners: readonly PartnerRule[];
  readonly referrals: PartnerReferralSettings;
  private readonly byCode: ReadonlyMap<string, PartnerRule>;

  constructor(file: PartnersFile, enrolment: EnrolmentRules) {
    const problems: { setting: string; message: string }[] = [];
    const seen = new Set<string>();
    file.partners.forEach((p, i) => {
      if (seen.has(p.code))
        problems.push({ setting: `partners.${i}.code`, message: `${p.code} is used twice` });
      seen.add(p.code);
      for (const region of p.regions)
        if (!enrolment.region(region))
          problems.push({
            setting: `partners.${i}.regions`,
            message: `${region} is not in config/regions.yaml`,
          });
      for (const measure of p.helpsWith)
        if (!enrolment.isSupportMeasure(measure))
          problems.push({
            setting: `partners.${i}.helpsWith`,
            message: `${measure} is not in config/support-measures.yaml`,
          });
    });
    if (problems.length) throw new ConfigError(problems, 'config/partners.yaml');
    this.partners = file.partners;
    this.referrals = file.referrals;
    this.byCode = new Map(file.partners.map((p) => [p.code, p]));
  }

  static load(enrolment: EnrolmentRules, env: NodeJS.ProcessEnv = process.env): PartnerDirectory {
    return new PartnerDirectory(loadRulesFile('partners.yaml', PartnersFile, env), enrolment);
  }

  find(code: string): PartnerRule | undefined {
    return this.byCode.get(code);
  }

  /** The language a partner is written to in: the first of its languages the service speaks. */
  language(partner: PartnerRule): ExpertLanguage {
    return writingLanguage(partner.languages);
  }
}
