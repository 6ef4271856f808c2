import { AdviserProfilesService, AssignmentService } from '@app/advisers';
import { Case } from '@app/cases';
import { EnrolmentAnswersDto, EnrolmentService } from '@app/enrolment';
import type { Actor } from '@app/identity';
import { DataSource } from 'typeorm';
import { factoryContext, FactoryApp, inTransaction } from './context';
import { completeAnswers } from './enrolment-answers';
import { buildUser, TestUser } from './user.factory';

export interface SmeCase {
  /** The SME whose enrolment opened the case (its company's primary contact). */
  sme: TestUser;
  enrolmentId: string;
  companyId: string;
  caseId: string;
}

export interface SubmittedEnrolment {
  sme: TestUser;
  enrolmentId: string;
  /** The case the submission opened; null when it was not eligible. */
  caseId: string | null;
}

/**
 * An SME's submitted enrolment, through EnrolmentService as the enrolment API makes it (audit rows, outbox
 * events, timeline, duplicate flags). `answers` overrides `completeAnswers`' blocks.
 */
export async function buildSubmittedEnrolment(
  api: FactoryApp,
  options: { sme?: TestUser; answers?: Parameters<typeof completeAnswers>[0]; lang?: string } = {},
): Promise<SubmittedEnrolment> {
  const sme = options.sme ?? (await buildUser(api, 'sme'));
  const context = factoryContext(sme.user.id);
  const enrolments = api.app.get(EnrolmentService);
  const answers = completeAnswers(options.answers) as unknown as EnrolmentAnswersDto;
  const draft = await enrolments.createDraft(sme.user, answers, context);
  const submitted = await enrolments.submit(sme.user, draft.id, context, { lang: options.lang });
  return { sme, enrolmentId: submitted.id, caseId: submitted.case?.id ?? null };
}

/**
 * An SME with a submitted, eligible enrolment and the open case it opened (buildSubmittedEnrolment);
 * `adviserId` assigns the case to that adviser (who needs a profile, see buildAdviser).
 */
export async function buildSmeCase(
  api: FactoryApp,
  options: {
    sme?: TestUser;
    answers?: Parameters<typeof completeAnswers>[0];
    adviserId?: string;
    /** The language the SME submits in (their emails' language); English by default. */
    lang?: string;
  } = {},
): Promise<SmeCase> {
  const { sme, enrolmentId, caseId } = await buildSubmittedEnrolment(api, options);
  if (!caseId) throw new Error('factory: the enrolment was not eligible, so no case was opened');
  const kase = await api.app.get(DataSource).getRepository(Case).findOneByOrFail({ id: caseId });
  if (options.adviserId) await assignCase(api, kase.id, options.adviserId);
  return { sme, enrolmentId, companyId: kase.companyId, caseId };
}

export interface AdviserProfileInput {
  capacity?: number;
  regions?: string[];
  visibleRegions?: string[];
  languages?: string[];
}

/** A profile for an adviser account (capacity 10, English, no regions unless given), as an officer makes it. */
export async function buildAdviserProfile(
  api: FactoryApp,
  adviser: Pick<Actor, 'id'>,
  profile: AdviserProfileInput = {},
): Promise<void> {
  await inTransaction(api, (m) =>
    api.app
      .get(AdviserProfilesService)
      .create(m, { userId: adviser.id, capacity: 10, languages: ['en'], ...profile }, factoryContext(null)),
  );
}

/** An adviser account with a profile. */
export async function buildAdviser(api: FactoryApp, profile: AdviserProfileInput = {}): Promise<TestUser> {
  const adviser = await buildUser(api, 'adviser');
  await buildAdviserProfile(api, adviser.user, profile);
  return adviser;
}

/** An officer's assignment of the case to the adviser, as POST /api/v1/cases/:id/assignment makes it. */
export async function assignCase(api: FactoryApp, caseId: string, adviserId: string): Promise<void> {
  await inTransaction(api, (m) =>
    api.app
      .get(AssignmentService)
      .assignTo(m, caseId, adviserId, { reason: 'test factory', context: factoryContext(null) }),
  );
}
