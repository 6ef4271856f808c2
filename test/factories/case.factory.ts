import { AdviserProfile, AdviserProfilesService, AssignmentService } from '@app/advisers';
import { Case, CaseClosureService, type Stage } from '@app/cases';
import { EnrolmentAnswersDto, EnrolmentService } from '@app/enrolment';
import { toActor, UsersService, type Actor } from '@app/identity';
import { ProgressService } from '@app/progress';
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

export interface CaseOptions {
  /** The SME who enrols (a new one when absent). */
  sme?: TestUser;
  /** Assigns the case to this adviser, giving them a profile first if they have none. */
  adviserId?: string;
  /** Overrides of the enrolment's company block (legalName, region, naceCode, registrationNumber, ...). */
  company?: Record<string, unknown>;
  targetMarkets?: string[];
  /**
   * The language the SME enrols in, and so the preferred language of the company's primary contact (the
   * language of emails about the company); English by default.
   */
  lang?: 'en' | 'es' | 'de';
  /** False: a company that has not exported in the last 12 months (a non-exporter); true by default. */
  exportedLast12Months?: boolean;
  /**
   * The stage the case is at: `non_exporter` opens it for a company that has not exported lately,
   * `passive_exporter` (the default) for one that has, and `proactive_exporter` moves it on from there as
   * an adviser's decision does (ProgressService, with its transition, timeline and audit rows).
   */
  stage?: Stage;
  /** Closes the case (reason `support-completed`) through CaseClosureService, as an officer does. */
  closed?: boolean;
  /**
   * The case opened this many days ago (for suites that log interactions dated in the past, which may not
   * predate the case): the test's own time travel, which no service offers.
   */
  openedDaysAgo?: number;
  /**
   * Everything on the case's timeline (opening, assignment, closure) and its closure happened this many
   * days ago: with `openedDaysAgo`, a case whose whole life lies in the past (retention). Time travel too.
   */
  historyDaysAgo?: number;
}

/** The export-status answers of a company that has not exported in the last 12 months. */
const NOT_EXPORTING = {
  exportedLast12Months: false,
  exportSharePercent: null,
  markets: [],
  orderOrigin: null,
};

/**
 * An open case as an enrolment opens it (buildSmeCase), with the company facts a suite cares about and,
 * with `adviserId`, assigned to that adviser (so it is active): the suites' one way to start from a case.
 */
export async function buildCase(api: FactoryApp, options: CaseOptions = {}): Promise<SmeCase> {
  if (options.adviserId) await ensureAdviserProfile(api, options.adviserId);
  const built = await buildSmeCase(api, {
    sme: options.sme,
    adviserId: options.adviserId,
    lang: options.lang,
    answers: {
      // A company named by the test is shown by that name (no trading name in front of it).
      ...(options.company
        ? { company: { ...(options.company.legalName ? { tradingName: null } : {}), ...options.company } }
        : {}),
      ...(options.targetMarkets ? { targetMarkets: options.targetMarkets } : {}),
      ...(options.exportedLast12Months === false || options.stage === 'non_exporter'
        ? { exportStatus: NOT_EXPORTING }
        : {}),
    },
  });
  if (options.stage === 'proactive_exporter') await moveToProactive(api, built.caseId);
  if (options.closed) await closeCase(api, built.caseId);
  const db = api.app.get(DataSource);
  if (options.openedDaysAgo)
    await db.query(`UPDATE cases SET opened_at = opened_at - make_interval(days => $2) WHERE id = $1`, [
      built.caseId,
      options.openedDaysAgo,
    ]);
  if (options.historyDaysAgo) {
    const back = [built.caseId, options.historyDaysAgo];
    await db.query(
      `UPDATE case_timeline_events SET occurred_at = occurred_at - make_interval(days => $2) WHERE case_id = $1`,
      back,
    );
    await db.query(`UPDATE cases SET closed_at = closed_at - make_interval(days => $2) WHERE id = $1`, back);
  }
  return built;
}

/** A passive exporter's case moved on to proactive exporter, as an adviser's decision moves it. */
async function moveToProactive(api: FactoryApp, caseId: string): Promise<void> {
  await inTransaction(api, (m) =>
    api.app.get(ProgressService).moveStage(m, {
      caseId,
      to: 'proactive_exporter',
      cause: 'adviser_decision',
      reason: 'test factory',
      evidence: {},
      context: factoryContext(null),
    }),
  );
}

/** The case closed as support completed, as an officer closes it. */
async function closeCase(api: FactoryApp, caseId: string): Promise<void> {
  await inTransaction(api, (m) =>
    api.app
      .get(CaseClosureService)
      .close(
        m,
        caseId,
        { reason: 'support-completed', summary: 'Closed by the test factory' },
        { context: factoryContext(null) },
      ),
  );
}

/** Gives an adviser account a profile (capacity 10, English) unless it has one. */
export async function ensureAdviserProfile(api: FactoryApp, adviserId: string): Promise<void> {
  const existing = await api.app.get(DataSource).getRepository(AdviserProfile).countBy({ userId: adviserId });
  if (existing === 0) await buildAdviserProfile(api, { id: adviserId });
}

/** A factory's view of an existing user, to act as them (the password is not needed). */
export async function existingUser(api: FactoryApp, userId: string): Promise<TestUser> {
  const user = await api.app.get(UsersService).findById(userId);
  if (!user) throw new Error(`factory: no user ${userId}`);
  return { user: toActor(user), password: '' };
}

export interface AdviserProfileInput {
  capacity?: number;
  regions?: string[];
  naceSections?: string[];
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
