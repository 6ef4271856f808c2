import { randomBytes } from 'node:crypto';
import type { Json } from '../support/http';

/** A registration number no other test uses (registration numbers are unique per country). */
export function uniqueRegistration(): string {
  return `SC${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Every answer an eligible submission needs; override blocks per test. */
export function completeAnswers(
  overrides: { company?: Json; exportStatus?: Json; [key: string]: unknown } = {},
): Json {
  const { company, exportStatus, ...rest } = overrides;
  return {
    company: {
      legalName: `Acme Widgets ${randomBytes(3).toString('hex')} Ltd`,
      tradingName: 'Acme',
      registrationNumber: uniqueRegistration(),
      registrationCountry: 'GB',
      vatNumber: null,
      region: 'north-west',
      naceCode: '62.01',
      employees: 12,
      turnoverMinor: 250_000_000,
      currency: 'GBP',
      yearFounded: 2009,
      website: 'https://acme.example',
      socialProfiles: [{ platform: 'linkedin', url: 'https://www.linkedin.com/company/acme' }],
      ...company,
    },
    exportStatus: {
      exportedLast12Months: true,
      exportSharePercent: 15,
      markets: ['FR', 'DE'],
      orderOrigin: 'unsolicited',
      ...exportStatus,
    },
    targetMarkets: ['US', 'JP'],
    barriers: { selected: ['operational', 'social_media'], note: 'Customs paperwork' },
    helpWanted: ['market-research', 'social-media-training'],
    consent: { dataProcessing: true, evaluationContact: false },
    ...rest,
  };
}
