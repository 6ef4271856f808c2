/**
 * The one set of test factories: every record is made through the services the API uses (validation,
 * audit rows, outbox events), never with raw SQL, so a record a suite starts from is one the service can
 * really be in. Pass a TestApi (or anything with a Nest `app`).
 */
export type { FactoryApp } from './context';
export { buildUser, buildToken, buildTokens, userDefaults } from './user.factory';
export type { TestUser, UserOverrides } from './user.factory';
export { completeAnswers, uniqueRegistration } from './enrolment-answers';
export {
  buildSubmittedEnrolment,
  buildSmeCase,
  buildCase,
  ensureAdviserProfile,
  existingUser,
  buildAdviser,
  buildAdviserProfile,
  assignCase,
} from './case.factory';
export type { SmeCase, SubmittedEnrolment, AdviserProfileInput, CaseOptions } from './case.factory';
export {
  buildSelfAudit,
  buildRecommendation,
  buildBooking,
  buildSession,
  buildExport,
  buildDataProtectionRequest,
  approveDataProtectionRequest,
  buildWebhookEndpoint,
  buildOpportunity,
  buildExportWin,
  buildExpert,
  buildIntroduction,
  buildReferral,
  buildExpertAccount,
} from './records.factory';
