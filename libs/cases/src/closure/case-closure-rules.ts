import { ConfigError, loadRulesFile, IntRange, ValidateNestedObject, ListOf } from '@app/config';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, Matches } from 'class-validator';

/** A closure reason's wording in each language the programme speaks. */
export class ClosureReasonLabel {
  @IsString()
  @IsNotEmpty()
  en!: string;

  @IsString()
  @IsNotEmpty()
  es!: string;

  @IsString()
  @IsNotEmpty()
  de!: string;
}

export class ClosureReason {
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: '$property must be lower-case letters, digits and "-"' })
  code!: string;

  @ValidateNestedObject()
  @Type(() => ClosureReasonLabel)
  label!: ClosureReasonLabel;
}

/** config/case-closure.yaml: why a case may close, and the limits of what is written with it. */
export class CaseClosureRules {
  @ListOf(() => ClosureReason, { min: 1 })
  reasons!: ClosureReason[];

  @IntRange(1, 10000)
  summaryMaxLength!: number;

  @IntRange(1, 10000)
  reopenReasonMaxLength!: number;

  static load(env: NodeJS.ProcessEnv = process.env): CaseClosureRules {
    const rules = loadRulesFile('case-closure.yaml', CaseClosureRules, env);
    const codes = rules.reasons.map((r) => r.code);
    const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (twice.length > 0)
      throw new ConfigError(
        [{ setting: 'reasons', message: `reason codes must be unique: ${twice.join(', ')}` }],
        'config/case-closure.yaml',
      );
    // A merge closes the case that does not continue with this reason (libs/enrolment).
    if (!codes.includes(DUPLICATE_REASON))
      throw new ConfigError(
        [
          {
            setting: 'reasons',
            message: `the reason "${DUPLICATE_REASON}" is required (company merges use it)`,
          },
        ],
        'config/case-closure.yaml',
      );
    return rules;
  }

  isReason(code: string): boolean {
    return this.reasons.some((r) => r.code === code);
  }

  /** The reason's wording in every language (its code when it is not a reason). */
  labels(code: string): Record<string, string> {
    const reason = this.reasons.find((r) => r.code === code);
    return reason ? { en: reason.label.en, es: reason.label.es, de: reason.label.de } : { en: code };
  }

  /** The reason's wording in `language` (English when the language has none). */
  label(code: string, language: string): string {
    const reason = this.reasons.find((r) => r.code === code);
    if (!reason) return code;
    return (reason.label as unknown as Record<string, string | undefined>)[language] ?? reason.label.en;
  }
}

/** The reason a company merge closes the case that does not continue. */
export const DUPLICATE_REASON = 'duplicate';
