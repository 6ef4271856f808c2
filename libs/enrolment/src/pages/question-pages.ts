import { moneyInputValue } from '@app/web';
import type { EnrolmentAnswersDto } from '../dto/enrolment-answers.dto';
import type { EnrolmentView } from '../enrolment-view';
import { SOCIAL_PLATFORMS } from '../entities/company.entity';
import { countryName, FormReader } from './form-parsing';

/** How many social-media rows the company page offers. */
export const SOCIAL_ROWS = 3;

/**
 * One question page of the web form: which answers it owns (their API field paths, for the required
 * check on "Save and continue"), how to read its form into the API's answers, and its current values.
 */
export interface QuestionPage {
  slug: string;
  fields: string[];
  read(form: FormReader): EnrolmentAnswersDto;
  values(view: EnrolmentView, lang: string): Record<string, unknown>;
}

/** A saved amount as its field shows it for editing (empty while unanswered). */
const amountValue = (minor: number | null, currency: string | null, lang: string): string =>
  minor === null ? '' : moneyInputValue(minor, currency ?? 'EUR', lang);

const names = (codes: string[], lang: string): string => codes.map((c) => countryName(c, lang)).join(', ');

export const QUESTION_PAGES: QuestionPage[] = [
  {
    slug: 'company',
    fields: [
      'company.legalName',
      'company.tradingName',
      'company.registrationNumber',
      'company.registrationCountry',
      'company.vatNumber',
      'company.yearFounded',
      'company.website',
      'company.socialProfiles',
    ],
    read: (f) => {
      const socialProfiles = [];
      for (let i = 0; i < SOCIAL_ROWS; i++) {
        const platform = f.text(`social-${i}-platform`);
        const url = f.text(`social-${i}-url`);
        if (url) socialProfiles.push({ platform: platform ?? 'other', url });
      }
      return {
        company: {
          legalName: f.text('company-legalName'),
          tradingName: f.text('company-tradingName'),
          registrationNumber: f.text('company-registrationNumber'),
          registrationCountry: f.text('company-registrationCountry'),
          vatNumber: f.text('company-vatNumber'),
          yearFounded: f.integer('company-yearFounded', 'company.yearFounded'),
          website: f.text('company-website'),
          socialProfiles,
        },
      };
    },
    values: (v) => ({
      ...v.company,
      social: Array.from(
        { length: SOCIAL_ROWS },
        (_, i) => v.company.socialProfiles[i] ?? { platform: '', url: '' },
      ),
      platforms: SOCIAL_PLATFORMS,
    }),
  },
  {
    slug: 'size',
    fields: ['company.employees', 'company.turnoverMinor', 'company.currency', 'company.balanceSheetMinor'],
    read: (f) => {
      const currency = f.text('company-currency');
      return {
        company: {
          employees: f.integer('company-employees', 'company.employees'),
          turnoverMinor: f.amount('company-turnoverMinor', 'company.turnoverMinor', currency ?? undefined),
          currency,
          balanceSheetMinor: f.amount(
            'company-balanceSheetMinor',
            'company.balanceSheetMinor',
            currency ?? undefined,
          ),
        },
      };
    },
    values: (v, lang) => ({
      employees: v.company.employees ?? '',
      turnover: amountValue(v.company.turnoverMinor, v.company.currency, lang),
      balanceSheet: amountValue(v.company.balanceSheetMinor, v.company.currency, lang),
      currency: v.company.currency ?? 'EUR',
    }),
  },
  {
    slug: 'sector-region',
    fields: ['company.naceCode', 'company.region'],
    read: (f) => ({ company: { naceCode: f.text('company-naceCode'), region: f.text('company-region') } }),
    values: (v) => ({ naceCode: v.company.naceCode ?? '', region: v.company.region }),
  },
  {
    slug: 'export-status',
    fields: [
      'exportStatus.exportedLast12Months',
      'exportStatus.exportSharePercent',
      'exportStatus.markets',
      'exportStatus.orderOrigin',
    ],
    read: (f) => {
      const exported = f.yesNo('exportStatus-exportedLast12Months');
      if (exported !== true) {
        // The follow-up questions only apply to exporters; a "no" clears them.
        return {
          exportStatus: {
            exportedLast12Months: exported,
            exportSharePercent: null,
            markets: null,
            orderOrigin: null,
          },
        };
      }
      return {
        exportStatus: {
          exportedLast12Months: true,
          exportSharePercent: f.integer('exportStatus-exportSharePercent', 'exportStatus.exportSharePercent'),
          markets: f.countries('exportStatus-markets', 'exportStatus.markets'),
          orderOrigin: f.text('exportStatus-orderOrigin'),
        },
      };
    },
    values: (v, lang) => ({
      exported:
        v.exportStatus.exportedLast12Months === null
          ? null
          : v.exportStatus.exportedLast12Months
            ? 'yes'
            : 'no',
      share: v.exportStatus.exportSharePercent ?? '',
      markets: names(v.exportStatus.markets, lang),
      orderOrigin: v.exportStatus.orderOrigin,
    }),
  },
  {
    slug: 'target-markets',
    fields: ['targetMarkets'],
    read: (f) => ({ targetMarkets: f.countries('targetMarkets', 'targetMarkets') }),
    values: (v, lang) => ({ markets: names(v.targetMarkets, lang) }),
  },
  {
    slug: 'barriers',
    fields: ['barriers.selected', 'barriers.note'],
    read: (f) => ({ barriers: { selected: f.list('barriers-selected'), note: f.text('barriers-note') } }),
    values: (v) => ({ selected: v.barriers.selected, note: v.barriers.note ?? '' }),
  },
  {
    slug: 'help',
    fields: ['helpWanted'],
    read: (f) => ({ helpWanted: f.list('helpWanted') }),
    values: (v) => ({ selected: v.helpWanted }),
  },
  {
    slug: 'consent',
    fields: ['consent.dataProcessing', 'consent.evaluationContact'],
    read: (f) => ({
      consent: {
        dataProcessing: f.checked('consent-dataProcessing'),
        evaluationContact: f.checked('consent-evaluationContact'),
      },
    }),
    values: (v) => ({
      dataProcessing: v.consent.dataProcessing === true,
      evaluationContact: v.consent.evaluationContact === true,
    }),
  },
];

export function questionPage(slug: string): QuestionPage | undefined {
  return QUESTION_PAGES.find((p) => p.slug === slug);
}

/** The page that asks for an answer (field path), for error links on the check-answers page. */
export function pageOfField(field: string): QuestionPage | undefined {
  return QUESTION_PAGES.find((p) => p.fields.some((f) => field === f || field.startsWith(`${f}.`)));
}

/** The form control id of an answer: the id error summaries link to. */
export function controlId(field: string): string {
  const social = /^company\.socialProfiles\.(\d+)\.(platform|url)$/.exec(field);
  if (social) return `social-${social[1]}-${social[2]}`;
  return field.replace(/\.\d+$/, '').replace(/\./g, '-');
}
