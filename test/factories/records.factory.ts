import { randomUUID } from 'node:crypto';
import type { AuditContext } from '@app/audit-log';
import { DataProtectionService } from '@app/data-protection';
import type { Actor } from '@app/identity';
import {
  ExpertInvitationsService,
  ExpertsService,
  IntroductionsService,
  ReferralsService,
  type CreateExpertDto,
} from '@app/network';
import { ReadinessService, RecommendationsService } from '@app/readiness';
import {
  ExportWinsService,
  OpportunitiesService,
  type CreateOpportunityDto,
  type RecordExportWinDto,
} from '@app/opportunities';
import { ReportExportsService } from '@app/reporting';
import { TrainingBookingService, TrainingCatalogueService } from '@app/training';
import { WebhookEndpointsService } from '@app/webhooks';
import { DataSource, type EntityManager } from 'typeorm';
import { factoryContext, FactoryApp, inTransaction } from './context';

/** An opportunity: a prospect in Germany. */
const OPPORTUNITY: CreateOpportunityDto = {
  market: 'DE',
  product: 'test factory goods',
  buyerType: 'distributor',
  source: 'social_media',
  valueMinor: 1_000_000,
  currency: 'EUR',
  likelihood: 'medium',
  expectedOn: '2027-06-30',
};

/** A win recorded directly: a new market in Germany. */
const EXPORT_WIN: RecordExportWinDto = {
  customerName: 'Test Factory GmbH',
  customerCountry: 'DE',
  goodsOrServices: 'goods',
  description: 'test factory goods',
  winType: 'new_market',
  currency: 'EUR',
  firstYear: 2027,
  valuesMinor: [1_000_000, 2_000_000],
  supportDecisive: true,
};

/** A draft readiness self-assessment on the case, as the SME starts one (questionnaire v1). */
export async function buildSelfAudit(api: FactoryApp, caseId: string, sme: Actor): Promise<string> {
  const view = await inTransaction(api, (m) =>
    api.app
      .get(ReadinessService)
      .create(m, caseId, 'self', { questionnaireVersion: 1 }, { context: factoryContext(sme.id) }),
  );
  return view.audit.id;
}

/** A recommendation staff add to the case by hand. */
export async function buildRecommendation(
  api: FactoryApp,
  caseId: string,
  by: Actor,
  recommendation: { kind: 'measure' | 'training'; code: string; note?: string },
): Promise<string> {
  const saved = await inTransaction(api, (m) =>
    api.app
      .get(RecommendationsService)
      .add(m, caseId, { note: 'test factory', ...recommendation }, factoryContext(by.id)),
  );
  return saved.id;
}

/** A booking of a module for the case, by its SME or by staff on its behalf (a webinar needs a session). */
export async function buildBooking(
  api: FactoryApp,
  by: Actor,
  caseId: string,
  booking: { moduleCode: string; sessionId?: string },
): Promise<string> {
  const saved = await inTransaction(api, (m) =>
    api.app.get(TrainingBookingService).book(m, by, caseId, booking, factoryContext(by.id)),
  );
  return saved.id;
}

/** A session of a webinar or workshop module, two hours long, `daysAhead` from now. */
export async function buildSession(
  api: FactoryApp,
  moduleCode: string,
  options: { daysAhead?: number; capacity?: number } = {},
): Promise<string> {
  const startsAt = new Date(Date.now() + (options.daysAhead ?? 7) * 24 * 3600_000);
  const saved = await inTransaction(api, (m) =>
    api.app.get(TrainingCatalogueService).addSession(
      m,
      moduleCode,
      {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        timeZone: 'Europe/London',
        capacity: options.capacity ?? 10,
        joinUrl: 'https://meet.example.test/test-factory',
        language: 'en',
      },
      factoryContext(null),
    ),
  );
  return saved.id;
}

/** A row-level case export the actor asked for, still queued (no worker runs in e2e suites). */
export async function buildExport(
  api: FactoryApp,
  by: Actor,
  format: 'csv' | 'xlsx' = 'csv',
): Promise<string> {
  const { export: saved } = await api.app
    .get(ReportExportsService)
    .request(by, { format }, factoryContext(by.id));
  return saved.id;
}

/** A data-protection request (subject access or erasure) staff make about the person with this email. */
export async function buildDataProtectionRequest(
  api: FactoryApp,
  by: Actor,
  kind: 'access' | 'erasure',
  email: string,
): Promise<string> {
  const service = api.app.get(DataProtectionService);
  const input = { email, reason: 'test factory' };
  const saved =
    kind === 'access'
      ? await service.requestAccess(input, by, factoryContext(by.id))
      : await service.requestErasure(input, by, factoryContext(by.id));
  return saved.id;
}

/** A second person's approval of a data-protection request (a subject access archive is then built). */
export async function approveDataProtectionRequest(
  api: FactoryApp,
  by: Actor,
  requestId: string,
): Promise<void> {
  await api.app.get(DataProtectionService).approve(requestId, null, by, factoryContext(by.id));
}

/** An integrator's webhook endpoint an admin registered (its secret is not kept by the factory). */
export async function buildWebhookEndpoint(api: FactoryApp, by: Actor): Promise<string> {
  const { endpoint } = await api.app
    .get(WebhookEndpointsService)
    .register(
      { url: 'https://crm.agency.example/webhooks', events: ['case.opened'], description: 'test factory' },
      by,
      factoryContext(by.id),
    );
  return endpoint.id;
}

/** An export opportunity staff record on the case (a prospect in Germany unless `overrides` say otherwise). */
export function buildOpportunity(
  api: FactoryApp,
  by: Actor,
  caseId: string,
  overrides: Partial<CreateOpportunityDto> = {},
): Promise<string> {
  return staffRecord(api, by, (m, context) =>
    api.app.get(OpportunitiesService).create(m, by, caseId, { ...OPPORTUNITY, ...overrides }, context),
  );
}

/** An export win staff record on the case directly (a new market in Germany unless `overrides` say otherwise). */
export function buildExportWin(
  api: FactoryApp,
  by: Actor,
  caseId: string,
  overrides: Partial<RecordExportWinDto> = {},
): Promise<string> {
  return staffRecord(api, by, (m, context) =>
    api.app.get(ExportWinsService).record(m, by, caseId, { ...EXPORT_WIN, ...overrides }, context),
  );
}

/** The id of a record `by` adds through a service, in a transaction of its own. */
async function staffRecord(
  api: FactoryApp,
  by: Actor,
  add: (m: EntityManager, context: AuditContext) => Promise<{ id: string }>,
): Promise<string> {
  return (await inTransaction(api, (m) => add(m, factoryContext(by.id)))).id;
}

/** An expert of the network, as an officer adds one (consenting to be contacted unless told otherwise). */
export async function buildExpert(
  api: FactoryApp,
  by: Actor,
  overrides: Partial<CreateExpertDto> = {},
): Promise<string> {
  const view = await api.app.get(ExpertsService).create(
    {
      name: 'Factory Expert',
      organisation: 'Test Mentors',
      email: `expert.${randomUUID().slice(0, 12)}@mentors.example`,
      languages: ['en'],
      expertise: ['product_market'],
      markets: ['DE'],
      naceSections: ['C'],
      supportMeasures: [],
      capacityPerMonth: 3,
      consentToContact: true,
      ...overrides,
    },
    factoryContext(by.id),
  );
  return view.id;
}

/** An introduction the adviser (or officer) asks an expert for on the case, as the case page does. */
export async function buildIntroduction(
  api: FactoryApp,
  by: Actor,
  caseId: string,
  expertId: string,
  purpose = 'Test factory introduction',
): Promise<string> {
  const view = await api.app
    .get(IntroductionsService)
    .request(by, caseId, { expertId, purpose }, factoryContext(by.id));
  return view.id;
}

/** A referral of the case to a partner of config/partners.yaml, with the company's consent, as the case page makes it. */
export async function buildReferral(
  api: FactoryApp,
  by: Actor,
  caseId: string,
  partnerCode = 'ahk-uk',
  reason = 'Test factory referral',
): Promise<string> {
  const view = await api.app
    .get(ReferralsService)
    .refer(by, caseId, { partnerCode, reason, smeConsent: true }, factoryContext(by.id));
  return view.id;
}

/**
 * The expert joins as the invitation page does: an officer (or admin) invites them and they accept the
 * terms, so their `expert` account is created with `password` or, when their address has one, linked.
 * Returns the account's id.
 */
export async function buildExpertAccount(
  api: FactoryApp,
  by: Actor,
  expertId: string,
  password?: string,
): Promise<string> {
  const invitations = api.app.get(ExpertInvitationsService);
  const invitation = await invitations.invite(by, expertId, factoryContext(by.id));
  await invitations.accept(invitation.id, { acceptTerms: 'yes', password }, factoryContext(null));
  const [row] = (await api.app
    .get(DataSource)
    .query(`SELECT user_id FROM experts WHERE id = $1`, [expertId])) as { user_id: string }[];
  return row.user_id;
}
