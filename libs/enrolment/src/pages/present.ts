import { formatMoney, translator, type Language } from '@app/web';
import type { EligibilityReason } from '../domain/eligibility';
import type { EnrolmentView } from '../enrolment-view';
import type { EnrolmentRules } from '../rules/enrolment-rules';
import { countryName } from './form-parsing';

const asLanguage = (lang: string): Language => (lang === 'es' || lang === 'de' ? lang : 'en');

/** Minor units as money for the SME, in its language (the one helper every page uses; JPY has no cents). */
export function money(minor: number | null, currency: string | null, lang: string): string {
  return minor === null || !currency ? '' : formatMoney(minor, currency, lang);
}

/** One eligibility reason in plain words, in the SME's language. */
export function reasonText(reason: EligibilityReason, lang: string, rules: EnrolmentRules): string {
  const t = translator(asLanguage(lang));
  const p = reason.params;
  const params: Record<string, unknown> = { ...p };
  if (reason.rule === 'sme_financials') {
    params.maxTurnover = money(Number(p.maxTurnoverMinor), String(p.currency), lang);
    params.maxBalanceSheet = money(Number(p.maxBalanceSheetMinor), String(p.currency), lang);
  }
  if (reason.rule === 'region') params.region = regionName(String(p.region), lang, rules);
  if (reason.rule === 'sector') params.sector = `${p.naceCode}`;
  return t(`enrolment.reasons.${reason.rule}.${reason.passed ? 'passed' : 'failed'}`, params);
}

export function regionName(code: string | null, lang: string, rules: EnrolmentRules): string {
  if (!code) return '';
  const region = rules.region(code);
  return translator(asLanguage(lang))(`enrolment.regions.${code}`, { defaultValue: region?.name ?? code });
}

export function measureName(code: string, lang: string, rules: EnrolmentRules): string {
  const measure = rules.supportMeasures.find((m) => m.code === code);
  return translator(asLanguage(lang))(`enrolment.supportMeasures.${code}`, {
    defaultValue: measure?.name ?? code,
  });
}

/** The check-your-answers rows: [label key, value, page slug, field]. */
export function answerRows(
  v: EnrolmentView,
  lang: string,
  rules: EnrolmentRules,
): { key: string; value: string; page: string; id: string }[] {
  const t = translator(asLanguage(lang));
  const yesNo = (b: boolean | null): string => (b === null ? '' : t(b ? 'enrolment.yes' : 'enrolment.no'));
  const nace = v.company.naceCode ? rules.naceEntry(v.company.naceCode) : undefined;
  return [
    { key: 'company.legalName', value: v.company.legalName ?? '', page: 'company', id: 'company-legalName' },
    {
      key: 'company.tradingName',
      value: v.company.tradingName ?? '',
      page: 'company',
      id: 'company-tradingName',
    },
    {
      key: 'company.registrationNumber',
      value: v.company.registrationNumber ?? '',
      page: 'company',
      id: 'company-registrationNumber',
    },
    {
      key: 'company.registrationCountry',
      value: v.company.registrationCountry ? countryName(v.company.registrationCountry, lang) : '',
      page: 'company',
      id: 'company-registrationCountry',
    },
    { key: 'company.vatNumber', value: v.company.vatNumber ?? '', page: 'company', id: 'company-vatNumber' },
    {
      key: 'company.yearFounded',
      value: v.company.yearFounded?.toString() ?? '',
      page: 'company',
      id: 'company-yearFounded',
    },
    { key: 'company.website', value: v.company.website ?? '', page: 'company', id: 'company-website' },
    {
      key: 'company.socialProfiles',
      value: v.company.socialProfiles
        .map((s) => `${t(`enrolment.platforms.${s.platform}`)}: ${s.url}`)
        .join('\n'),
      page: 'company',
      id: 'social-0-url',
    },
    {
      key: 'company.employees',
      value: v.company.employees?.toString() ?? '',
      page: 'size',
      id: 'company-employees',
    },
    {
      key: 'company.turnoverMinor',
      value: money(v.company.turnoverMinor, v.company.currency, lang),
      page: 'size',
      id: 'company-turnoverMinor',
    },
    {
      key: 'company.balanceSheetMinor',
      value: money(v.company.balanceSheetMinor, v.company.currency, lang),
      page: 'size',
      id: 'company-balanceSheetMinor',
    },
    {
      key: 'company.naceCode',
      value: nace ? `${nace.code} – ${nace.name}` : (v.company.naceCode ?? ''),
      page: 'sector-region',
      id: 'company-naceCode',
    },
    {
      key: 'company.region',
      value: regionName(v.company.region, lang, rules),
      page: 'sector-region',
      id: 'company-region',
    },
    {
      key: 'exportStatus.exportedLast12Months',
      value: yesNo(v.exportStatus.exportedLast12Months),
      page: 'export-status',
      id: 'exportStatus-exportedLast12Months',
    },
    ...(v.exportStatus.exportedLast12Months
      ? [
          {
            key: 'exportStatus.exportSharePercent',
            value: v.exportStatus.exportSharePercent === null ? '' : `${v.exportStatus.exportSharePercent}%`,
            page: 'export-status',
            id: 'exportStatus-exportSharePercent',
          },
          {
            key: 'exportStatus.markets',
            value: v.exportStatus.markets.map((c) => countryName(c, lang)).join(', '),
            page: 'export-status',
            id: 'exportStatus-markets',
          },
          {
            key: 'exportStatus.orderOrigin',
            value: v.exportStatus.orderOrigin
              ? t(`enrolment.orderOrigins.${v.exportStatus.orderOrigin}`)
              : '',
            page: 'export-status',
            id: 'exportStatus-orderOrigin',
          },
        ]
      : []),
    {
      key: 'targetMarkets',
      value: v.targetMarkets.map((c) => countryName(c, lang)).join(', '),
      page: 'target-markets',
      id: 'targetMarkets',
    },
    {
      key: 'barriers.selected',
      value: v.barriers.selected.map((b) => t(`enrolment.barrierNames.${b}`)).join('\n'),
      page: 'barriers',
      id: 'barriers-selected',
    },
    { key: 'barriers.note', value: v.barriers.note ?? '', page: 'barriers', id: 'barriers-note' },
    {
      key: 'helpWanted',
      value: v.helpWanted.map((c) => measureName(c, lang, rules)).join('\n'),
      page: 'help',
      id: 'helpWanted',
    },
    {
      key: 'consent.dataProcessing',
      value: yesNo(v.consent.dataProcessing),
      page: 'consent',
      id: 'consent-dataProcessing',
    },
    {
      key: 'consent.evaluationContact',
      value: yesNo(v.consent.evaluationContact),
      page: 'consent',
      id: 'consent-evaluationContact',
    },
  ];
}
