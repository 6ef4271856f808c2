import type { FieldError } from '@app/errors';
import { translator } from '@app/web';
import type { EnrolmentAnswersDto } from '../dto/enrolment-answers.dto';
import type { Barrier, Enrolment, OrderOrigin } from '../entities/enrolment.entity';
import type { SocialProfile } from '../entities/company.entity';
import type { EnrolmentRules } from '../rules/enrolment-rules';
import { checkVatNumber, normaliseRegistrationNumber, vatPrefixCountry } from '../domain/normalise';

/** The answer fields of an enrolment (everything the SME fills in). */
export type EnrolmentAnswerFields = Pick<
  Enrolment,
  | 'legalName'
  | 'tradingName'
  | 'registrationNumber'
  | 'registrationCountry'
  | 'vatNumber'
  | 'region'
  | 'naceCode'
  | 'naceSection'
  | 'employees'
  | 'turnoverMinor'
  | 'balanceSheetMinor'
  | 'currency'
  | 'yearFounded'
  | 'website'
  | 'socialProfiles'
  | 'exportedLast12Months'
  | 'exportSharePercent'
  | 'exportMarkets'
  | 'orderOrigin'
  | 'targetMarkets'
  | 'barriers'
  | 'barriersNote'
  | 'helpWanted'
  | 'consentDataProcessing'
  | 'consentEvaluationContact'
  | 'privacyNoticeVersion'
>;

/**
 * A field error whose message comes from the locale files (`enrolment.errors.<field>.<code>`, falling back
 * to `enrolment.errors.generic.<code>`), so the API and every page say the same thing in each language.
 */
export function fieldError(
  field: string,
  code: string,
  lang: string = 'en',
  params: Record<string, unknown> = {},
): FieldError {
  const t = translator(lang === 'es' || lang === 'de' ? lang : 'en');
  // A list item's field (company.socialProfiles.0.url) shares the list's wording (company.socialProfiles.url).
  const listField = field.replace(/\.\d+(?=\.|$)/g, '');
  const message = t(
    [
      `enrolment.errors.${field}.${code}`,
      `enrolment.errors.${listField}.${code}`,
      `enrolment.errors.generic.${code}`,
    ],
    params,
  );
  return { field, code, message };
}

const trimmedOrNull = (value: string | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * Copies the answers present in `dto` onto the enrolment (absent = unchanged, null = cleared), normalising
 * as it goes, and returns the problems with the values given. Missing answers are not problems here: a
 * draft may be incomplete. Rules that need the configuration (regions, NACE, currencies, support
 * measures, VAT formats) are checked here rather than in the DTO.
 */
export function applyAnswers(
  target: EnrolmentAnswerFields,
  dto: EnrolmentAnswersDto,
  rules: EnrolmentRules,
  lang = 'en',
  now: Date = new Date(),
): FieldError[] {
  const errors: FieldError[] = [];
  const company = dto.company ?? undefined;
  if (company) {
    if (company.legalName !== undefined) {
      target.legalName = trimmedOrNull(company.legalName);
      if (company.legalName !== null && target.legalName === null)
        errors.push(fieldError('company.legalName', 'blank', lang));
    }
    if (company.tradingName !== undefined) target.tradingName = trimmedOrNull(company.tradingName);
    if (company.registrationNumber !== undefined) {
      const value = trimmedOrNull(company.registrationNumber);
      target.registrationNumber = value === null ? null : normaliseRegistrationNumber(value);
    }
    if (company.registrationCountry !== undefined) {
      target.registrationCountry = company.registrationCountry?.toUpperCase() ?? null;
    }
    if (company.vatNumber !== undefined) target.vatNumber = trimmedOrNull(company.vatNumber);
    if (company.region !== undefined) {
      target.region = company.region;
      if (company.region !== null && !rules.region(company.region)) {
        errors.push(fieldError('company.region', 'unknown', lang));
      }
    }
    if (company.naceCode !== undefined) {
      const entry = company.naceCode === null ? undefined : rules.naceEntry(company.naceCode);
      target.naceCode = company.naceCode;
      target.naceSection = entry?.section ?? null;
      if (company.naceCode !== null && !entry) errors.push(fieldError('company.naceCode', 'unknown', lang));
    }
    if (company.employees !== undefined) target.employees = company.employees;
    if (company.turnoverMinor !== undefined) target.turnoverMinor = company.turnoverMinor;
    if (company.balanceSheetMinor !== undefined) target.balanceSheetMinor = company.balanceSheetMinor;
    if (company.currency !== undefined) {
      target.currency = company.currency;
      if (company.currency !== null && !rules.currencies.includes(company.currency)) {
        errors.push(
          fieldError('company.currency', 'unknown', lang, { currencies: rules.currencies.join(', ') }),
        );
      }
    }
    if (company.yearFounded !== undefined) {
      target.yearFounded = company.yearFounded;
      if (company.yearFounded !== null && company.yearFounded > now.getUTCFullYear()) {
        errors.push(fieldError('company.yearFounded', 'future', lang));
      }
    }
    if (company.website !== undefined) target.website = trimmedOrNull(company.website);
    if (company.socialProfiles !== undefined) {
      target.socialProfiles =
        company.socialProfiles?.map((p) => ({ platform: p.platform, url: p.url.trim() }) as SocialProfile) ??
        null;
    }
  }
  // Without a registration country yet, a VAT number is checked against the country its prefix names.
  const vatCountry =
    target.registrationCountry ?? (target.vatNumber ? vatPrefixCountry(target.vatNumber) : undefined);
  if (target.vatNumber && vatCountry) {
    const vat = checkVatNumber(target.vatNumber, vatCountry);
    if (vat.ok) target.vatNumber = vat.normalised;
    else if (company?.vatNumber !== undefined || company?.registrationCountry !== undefined) {
      errors.push(fieldError('company.vatNumber', 'invalid', lang));
    }
  }

  const exportStatus = dto.exportStatus ?? undefined;
  if (exportStatus) {
    if (exportStatus.exportedLast12Months !== undefined)
      target.exportedLast12Months = exportStatus.exportedLast12Months;
    if (exportStatus.exportSharePercent !== undefined)
      target.exportSharePercent = exportStatus.exportSharePercent;
    if (exportStatus.markets !== undefined) target.exportMarkets = upperAll(exportStatus.markets);
    if (exportStatus.orderOrigin !== undefined)
      target.orderOrigin = (exportStatus.orderOrigin as OrderOrigin) ?? null;
  }
  if (dto.targetMarkets !== undefined) target.targetMarkets = upperAll(dto.targetMarkets);
  const barriers = dto.barriers ?? undefined;
  if (barriers) {
    if (barriers.selected !== undefined) target.barriers = (barriers.selected as Barrier[] | null) ?? null;
    if (barriers.note !== undefined) target.barriersNote = trimmedOrNull(barriers.note);
  }
  if (dto.helpWanted !== undefined) {
    target.helpWanted = dto.helpWanted;
    const unknown = (dto.helpWanted ?? []).filter((code) => !rules.isSupportMeasure(code));
    if (unknown.length > 0)
      errors.push(fieldError('helpWanted', 'unknown', lang, { codes: unknown.join(', ') }));
  }
  const consent = dto.consent ?? undefined;
  if (consent) {
    if (consent.dataProcessing !== undefined) {
      target.consentDataProcessing = consent.dataProcessing;
      // The notice the SME agreed to is the one in force when it gave consent.
      target.privacyNoticeVersion = consent.dataProcessing ? rules.settings.privacyNoticeVersion : null;
    }
    if (consent.evaluationContact !== undefined) target.consentEvaluationContact = consent.evaluationContact;
  }
  return errors;
}

function upperAll(codes: string[] | null): string[] | null {
  return codes === null ? null : [...new Set(codes.map((c) => c.toUpperCase()))];
}

/** Every answer a submission still needs, as field errors in the given language. */
export function missingAnswers(e: EnrolmentAnswerFields, lang = 'en'): FieldError[] {
  const missing: string[] = [];
  const need = (field: string, present: boolean): void => {
    if (!present) missing.push(field);
  };
  need('company.legalName', !!e.legalName);
  need('company.registrationNumber', !!e.registrationNumber);
  need('company.registrationCountry', !!e.registrationCountry);
  need('company.region', !!e.region);
  need('company.naceCode', !!e.naceCode);
  need('company.employees', e.employees !== null);
  need('company.turnoverMinor', e.turnoverMinor !== null);
  need('company.currency', !!e.currency);
  need('company.yearFounded', e.yearFounded !== null);
  need('exportStatus.exportedLast12Months', e.exportedLast12Months !== null);
  if (e.exportedLast12Months) {
    need('exportStatus.exportSharePercent', e.exportSharePercent !== null);
    need('exportStatus.markets', (e.exportMarkets ?? []).length > 0);
    need('exportStatus.orderOrigin', e.orderOrigin !== null);
  }
  need('targetMarkets', (e.targetMarkets ?? []).length > 0);
  need('barriers.selected', (e.barriers ?? []).length > 0);
  need('helpWanted', (e.helpWanted ?? []).length > 0);
  need('consent.dataProcessing', e.consentDataProcessing === true);
  return missing.map((field) => fieldError(field, 'required', lang));
}
