/**
 * The API's types, generated from the OpenAPI document by `npm run api:client` (openapi-typescript).
 * Do not edit: change the controllers' decorators and run it again. `npm run api:client -- --check`
 * (part of `npm run check`) fails when this file and the document differ.
 */
export interface paths {
  '/api/v1/enrolments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's enrolments (SME), or all enrolments by status (officer), newest first
     * @description Paged: `limit` (1–200, default 50) a page, `nextCursor` passed back as `cursor` for the next.
     */
    get: operations['EnrolmentsController_list'];
    put?: never;
    /** Start a draft enrolment (answers optional; validated in full on submit) */
    post: operations['EnrolmentsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolments/awaiting-decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Submitted enrolments with no eligibility decision yet, oldest first, with their age in days */
    get: operations['EnrolmentsController_awaitingDecision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (enrolments) */
    get: operations['EnrolmentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change answers of a draft (If-Match optional); a submitted enrolment answers 409 */
    patch: operations['EnrolmentsController_update'];
    trace?: never;
  };
  '/api/v1/enrolments/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit: full validation, duplicates, eligibility and (if eligible) the case */
    post: operations['EnrolmentsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolments/{id}/appeal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Appeal an ineligible decision, once, with a reason */
    post: operations['EnrolmentsController_appeal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolments/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw a draft or an ineligible application */
    post: operations['EnrolmentsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolments/{id}/appeal/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An officer's decision on an appeal: upheld opens the case */
    post: operations['EnrolmentsController_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolments/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decide a submitted enrolment left without a decision: the eligibility check of a submission */
    post: operations['EnrolmentsController_decideSubmitted'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/duplicate-flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Flags in one status (default open), oldest first
     * @description Paged: `limit` (1–200, default 50) a page, `nextCursor` passed back as `cursor` for the next.
     */
    get: operations['DuplicateFlagsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/duplicate-flags/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (duplicate flags) */
    get: operations['DuplicateFlagsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/duplicate-flags/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge the flagged company into the one it matches (moves its enrolments, cases, contacts and SME accounts); when both have an open case, continuingCaseId names the one that continues */
    post: operations['DuplicateFlagsController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/duplicate-flags/{id}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Not a duplicate: close the flag */
    post: operations['DuplicateFlagsController_dismiss'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search companies: name or trading name (fuzzy), registration or VAT number, postcode, contact email */
    get: operations['CompaniesController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies/prospects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a company staff met (event, referral, phone) with a draft enrolment on its behalf, and invite its contact */
    post: operations['CompaniesController_createProspect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (companies) */
    get: operations['CompaniesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct the company's details (If-Match: the version read) */
    patch: operations['CompaniesController_update'];
    trace?: never;
  };
  '/api/v1/companies/{id}/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One feed across the company's cases, emails and records, newest first, paged */
    get: operations['CompaniesController_activity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add contact (companies) */
    post: operations['CompaniesController_addContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies/{id}/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Edit contact (companies) */
    put: operations['CompaniesController_editContact'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies/{id}/contacts/{contactId}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive contact (companies) */
    post: operations['CompaniesController_archiveContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/companies/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge this company into another (enrolments, cases, contacts and SME accounts move); when both have an open case, continuingCaseId names the one that continues and the other closes as a duplicate */
    post: operations['CompaniesController_merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data-protection/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (data protection) */
    get: operations['DataProtectionController_list'];
    put?: never;
    /** Create (data protection) */
    post: operations['DataProtectionController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data-protection/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (data protection) */
    get: operations['DataProtectionController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data-protection/requests/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Preview (data protection) */
    get: operations['DataProtectionController_preview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data-protection/requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (data protection) */
    post: operations['DataProtectionController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/data-protection/requests/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Archive (data protection) */
    get: operations['DataProtectionController_archive'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Register (auth) */
    post: operations['AuthController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/register/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm registration (auth) */
    post: operations['AuthController_confirmRegistration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Token (auth) */
    post: operations['AuthController_token'];
    /** Revoke (auth) */
    delete: operations['AuthController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Me (auth) */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/csrf-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Csrf token (auth) */
    get: operations['AuthController_csrfToken'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (audit events) */
    get: operations['AuditEventsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (cases) */
    get: operations['CasesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (cases) */
    get: operations['CasesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/assignments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Assignments (cases) */
    get: operations['CasesController_assignments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/interactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log interaction (cases) */
    post: operations['CasesController_logInteraction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/interactions/{interactionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Correct interaction (cases) */
    put: operations['CasesController_correctInteraction'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/interactions/{interactionId}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void interaction (cases) */
    post: operations['CasesController_voidInteraction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Update summary (cases) */
    put: operations['CasesController_updateSummary'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close (cases) */
    post: operations['CasesController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen (cases) */
    post: operations['CasesController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/assignment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign (cases) */
    post: operations['CasesController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline (cases) */
    post: operations['CasesController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/advisers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (advisers) */
    get: operations['AdvisersController_list'];
    put?: never;
    /** Create (advisers) */
    post: operations['AdvisersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/advisers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (advisers) */
    get: operations['AdvisersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update (advisers) */
    patch: operations['AdvisersController_update'];
    trace?: never;
  };
  '/api/v1/advisers/{id}/redistribute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Redistribute (advisers) */
    post: operations['AdvisersController_redistribute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training/modules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (training modules) */
    get: operations['TrainingModulesController_list'];
    put?: never;
    /** Create (training modules) */
    post: operations['TrainingModulesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training/modules/{code}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sessions (training modules) */
    get: operations['TrainingModulesController_sessions'];
    put?: never;
    /** Add session (training modules) */
    post: operations['TrainingModulesController_addSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training/modules/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update (training modules) */
    patch: operations['TrainingModulesController_update'];
    trace?: never;
  };
  '/api/v1/cases/{id}/training': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List for case (training bookings) */
    get: operations['TrainingBookingsController_listForCase'];
    put?: never;
    /** Book (training bookings) */
    post: operations['TrainingBookingsController_book'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (training bookings) */
    get: operations['TrainingBookingsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update (training bookings) */
    patch: operations['TrainingBookingsController_update'];
    trace?: never;
  };
  '/api/v1/training/bookings/{id}/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Feedback (training bookings) */
    post: operations['TrainingBookingsController_feedback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training/bookings/{id}/certificate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Certificate (training bookings) */
    get: operations['TrainingBookingsController_certificate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training/sessions/{id}/attendance.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Attendance csv (training bookings) */
    get: operations['TrainingBookingsController_attendanceCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/readiness/questionnaire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Questionnaire (readiness) */
    get: operations['ReadinessController_questionnaire'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/audits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (readiness) */
    get: operations['ReadinessController_list'];
    put?: never;
    /** Create (readiness) */
    post: operations['ReadinessController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/audits/{auditId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (readiness) */
    get: operations['ReadinessController_get'];
    /** Update (readiness) */
    put: operations['ReadinessController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List recommendations (readiness) */
    get: operations['ReadinessController_listRecommendations'];
    put?: never;
    /** Add recommendation (readiness) */
    post: operations['ReadinessController_addRecommendation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/recommendations/{recommendationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Decide recommendation (readiness) */
    patch: operations['ReadinessController_decideRecommendation'];
    trace?: never;
  };
  '/api/v1/cases/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** View (progress) */
    get: operations['ProgressController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/outcomes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record outcome (progress) */
    post: operations['ProgressController_recordOutcome'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/stage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decide stage (progress) */
    post: operations['ProgressController_decideStage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/opportunities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's export opportunities, newest first (its SME, adviser and officers) */
    get: operations['OpportunitiesController_list'];
    put?: never;
    /** Record an export opportunity on a case (its adviser or an officer) */
    post: operations['OpportunitiesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/opportunities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The pipeline: an adviser's own cases' opportunities, every case's for officers, a page at a time by expected date, with totals per currency and in the reporting currency at dated rates */
    get: operations['OpportunitiesController_pipeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/opportunities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (opportunities) */
    get: operations['OpportunitiesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct or move an opportunity (If-Match: the version read) */
    patch: operations['OpportunitiesController_update'];
    trace?: never;
  };
  '/api/v1/cases/{id}/export-wins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The case's export wins, newest first (its SME, adviser and officers) */
    get: operations['ExportWinsController_list'];
    put?: never;
    /** Record an export win, from a won opportunity of the case or directly */
    post: operations['ExportWinsController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/export-wins/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (export wins) */
    get: operations['ExportWinsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct an export win and ask the company again with a new link (If-Match: the version read) */
    patch: operations['ExportWinsController_correct'];
    trace?: never;
  };
  '/api/v1/export-wins/{id}/resend-verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the company a new link to confirm the win; the earlier one stops working (If-Match optional) */
    post: operations['ExportWinsController_resend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/export-wins/{id}/sign-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign off a confirmed win: it then counts as confirmed export value (officers) */
    post: operations['ExportWinsController_signOff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tasks (follow ups) */
    get: operations['FollowUpsController_tasks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbox (follow ups) */
    get: operations['FollowUpsController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all read (follow ups) */
    post: operations['FollowUpsController_markAllRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark read (follow ups) */
    post: operations['FollowUpsController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/kpis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kpi report (reports) */
    get: operations['ReportsController_kpiReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (report exports) */
    get: operations['ReportExportsController_list'];
    put?: never;
    /** Start (report exports) */
    post: operations['ReportExportsController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (report exports) */
    get: operations['ReportExportsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/exports/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download (report exports) */
    get: operations['ReportExportsController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (webhooks) */
    get: operations['WebhooksController_list'];
    put?: never;
    /** Register (webhooks) */
    post: operations['WebhooksController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/endpoints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (webhooks) */
    get: operations['WebhooksController_get'];
    put?: never;
    post?: never;
    /** Remove (webhooks) */
    delete: operations['WebhooksController_remove'];
    options?: never;
    head?: never;
    /** Update (webhooks) */
    patch: operations['WebhooksController_update'];
    trace?: never;
  };
  '/api/v1/webhooks/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deliveries page (webhooks) */
    get: operations['WebhooksController_deliveriesPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/deliveries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery (webhooks) */
    get: operations['WebhooksController_delivery'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/deliveries/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay (webhooks) */
    post: operations['WebhooksController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in expert's own profile */
    get: operations['ExpertSelfController_profile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change their own profile (If-Match: the version read); not name or email */
    patch: operations['ExpertSelfController_update'];
    trace?: never;
  };
  '/api/v1/experts/me/introductions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The introductions asked of them: waiting for an answer, and answered */
    get: operations['ExpertSelfController_requests'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/me/introductions/{id}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept or decline an introduction asked of them (counted once; 410 once it has expired) */
    post: operations['ExpertSelfController_answer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/me/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause: not suggested or asked for introductions until they resume */
    post: operations['ExpertSelfController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/me/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume after a pause */
    post: operations['ExpertSelfController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/me/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Leave the programme (send `{"confirm": "yes"}`) */
    post: operations['ExpertSelfController_leave'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The directory, by name; filter by heading, market, language, active or text
     * @description Paged: `limit` (1–200, default 50) a page, `nextCursor` passed back as `cursor` for the next.
     */
    get: operations['ExpertsController_list'];
    put?: never;
    /** Create (experts) */
    post: operations['ExpertsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (experts) */
    get: operations['ExpertsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Correct the expert's profile (If-Match: the version read) */
    patch: operations['ExpertsController_update'];
    trace?: never;
  };
  '/api/v1/cases/{id}/expert-suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Experts ranked for the case: weak headings of its latest audit, target markets, sector, language, less load (config/network.yaml); each score broken down, and who was left out and why */
    get: operations['CaseNetworkController_suggestions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/introductions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (case network) */
    get: operations['CaseNetworkController_list'];
    put?: never;
    /** Ask an expert for an introduction: they are emailed the purpose and signed accept / decline links */
    post: operations['CaseNetworkController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/introductions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (introductions) */
    get: operations['IntroductionsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Withdraw an introduction still waiting for the expert (If-Match: the version read) */
    patch: operations['IntroductionsController_update'];
    trace?: never;
  };
  '/api/v1/peers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every peer profile (active first), for staff */
    get: operations['PeersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/peers/visible': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The peers another SME may see: company name, sector, markets, topics (never contact details) */
    get: operations['PeersController_visible'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/peers/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The SME's own offer to help others, and whether its case lets it make one */
    get: operations['PeersController_mine'];
    /** Opt in (consent recorded with the time) or change the offer (If-Match or `version`: the one read). 422 while the case is below passive exporter */
    put: operations['PeersController_save'];
    post?: never;
    /** Withdraw the consent: no longer suggested or shown; waiting introductions withdrawn */
    delete: operations['PeersController_withdraw'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/peer-suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Peer SMEs ranked for the case like experts (weak headings, markets, sector, language, less load; config/network.yaml peers), each score broken down */
    get: operations['CasePeersController_suggestions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cases/{id}/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List (case referrals) */
    get: operations['CaseReferralsController_list'];
    put?: never;
    /** Refer the case to a partner (config/partners.yaml) with a reason and the company's recorded consent: the partner is emailed signed links to accept and report the result */
    post: operations['CaseReferralsController_refer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/referrals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get (referrals) */
    get: operations['ReferralsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/experts/{id}/invitation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email the expert an invitation to accept the terms and complete their profile
     * @description A signed link in the expert's first language, working once for 14 days; a new invitation replaces the one before. 409 `expert.joined` once they accepted one, `expert.left` after they left.
     */
    post: operations['ExpertInvitationsController_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    SocialProfileDto: {
      /** @enum {string} */
      platform: 'linkedin' | 'facebook' | 'instagram' | 'x' | 'xing' | 'youtube' | 'tiktok' | 'other';
      /** @example https://www.linkedin.com/company/example */
      url: string;
    };
    CompanyAnswersDto: {
      /** @example Acme Widgets Ltd */
      legalName?: string | null;
      tradingName?: string | null;
      /** @example SC123456 */
      registrationNumber?: string | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example GB
       */
      registrationCountry?: string | null;
      /** @example GB980780684 */
      vatNumber?: string | null;
      /**
       * @description a code from config/regions.yaml
       * @example north-west
       */
      region?: string | null;
      /**
       * @description NACE Rev. 2 code
       * @example 62.01
       */
      naceCode?: string | null;
      /** @example 12 */
      employees?: number | null;
      /**
       * @description annual turnover in minor units of currency
       * @example 250000000
       */
      turnoverMinor?: number | null;
      /** @description balance-sheet total in minor units of currency */
      balanceSheetMinor?: number | null;
      /**
       * @description ISO 4217
       * @example GBP
       */
      currency?: string | null;
      /** @example 2009 */
      yearFounded?: number | null;
      /** @example https://acme.example */
      website?: string | null;
      socialProfiles?: components['schemas']['SocialProfileDto'][] | null;
    };
    ExportStatusAnswersDto: {
      exportedLast12Months?: boolean | null;
      /**
       * @description whole percent of turnover from exports
       * @example 15
       */
      exportSharePercent?: number | null;
      /**
       * @description ISO 3166-1 alpha-2 codes
       * @example [
       *       "FR",
       *       "DE"
       *     ]
       */
      markets?: string[] | null;
      /** @enum {string|null} */
      orderOrigin?: 'unsolicited' | 'plan' | null;
    };
    BarrierAnswersDto: {
      selected?:
        ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[] | null;
      note?: string | null;
    };
    ConsentAnswersDto: {
      /** @description consent to data processing (required to submit) */
      dataProcessing?: boolean | null;
      /** @description consent to be contacted for the programme evaluation */
      evaluationContact?: boolean | null;
    };
    EnrolmentAnswersDto: {
      company?: components['schemas']['CompanyAnswersDto'];
      exportStatus?: components['schemas']['ExportStatusAnswersDto'];
      /**
       * @description 1 to 10 ISO 3166-1 alpha-2 codes
       * @example [
       *       "US",
       *       "JP"
       *     ]
       */
      targetMarkets?: string[] | null;
      barriers?: components['schemas']['BarrierAnswersDto'];
      /**
       * @description codes from config/support-measures.yaml
       * @example [
       *       "market-research"
       *     ]
       */
      helpWanted?: string[] | null;
      consent?: components['schemas']['ConsentAnswersDto'];
    };
    EligibilityResponse: {
      eligible: boolean;
      reasons: {
        /** @example sme_employees */
        rule: string;
        passed: boolean;
        /** @description Values for the explanation (the limit, the figure given) */
        params: {
          [key: string]: (string | null) | number | boolean;
        };
      }[];
      /** Format: date-time */
      evaluatedAt: string;
    };
    DecidedBy: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    AppealResponse: {
      reason: string;
      /** Format: date-time */
      appealedAt: string;
      /** @enum {string|null} */
      decision: 'upheld' | 'rejected' | null;
      /** Format: date-time */
      decidedAt: string | null;
      decidedBy: components['schemas']['DecidedBy'] | null;
    };
    EnrolmentCaseResponse: {
      /** Format: uuid */
      id: string;
      /** @example non_exporter */
      stage: string;
      /** @example awaiting_assignment */
      status: string;
      /** Format: date-time */
      openedAt: string;
      /** Format: uuid */
      adviserId: string | null;
    };
    EnrolmentResponse: {
      /** Format: uuid */
      id: string;
      /**
       * @example draft
       * @enum {string}
       */
      status: 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'appealed' | 'withdrawn';
      /** @description Send it back (If-Match or `version`) to change */
      version: number;
      company: {
        /** @example Acme Widgets Ltd */
        legalName: string | null;
        /** @example Acme */
        tradingName: string | null;
        /** @example 01234567 */
        registrationNumber: string | null;
        /**
         * @description ISO 3166-1 alpha-2
         * @example GB
         */
        registrationCountry: string | null;
        /** @example GB123456789 */
        vatNumber: string | null;
        /** @example north_east */
        region: string | null;
        /**
         * @description NACE Rev. 2
         * @example C10.1
         */
        naceCode: string | null;
        /** @example C */
        naceSection: string | null;
        /** @example 42 */
        employees: number | null;
        /**
         * @description In minor units of `currency`
         * @example 250000000
         */
        turnoverMinor: number | null;
        /**
         * @description In minor units of `currency`
         * @example 120000000
         */
        balanceSheetMinor: number | null;
        /**
         * @description ISO 4217
         * @example EUR
         */
        currency: string | null;
        /** @example 2009 */
        yearFounded: number | null;
        /**
         * Format: uri
         * @example https://acme.example
         */
        website: string | null;
        socialProfiles: {
          /** @example linkedin */
          platform: string;
          /** Format: uri */
          url: string;
        }[];
      };
      exportStatus: {
        exportedLast12Months: boolean | null;
        /** @example 15 */
        exportSharePercent: number | null;
        markets: string[];
        /** @example unsolicited */
        orderOrigin: string | null;
      };
      targetMarkets: string[];
      barriers: {
        selected: string[];
        /** @example Labelling rules */
        note: string | null;
      };
      helpWanted: string[];
      consent: {
        dataProcessing: boolean | null;
        evaluationContact: boolean | null;
        /** @example 2026-01 */
        privacyNoticeVersion: string | null;
      };
      /** Format: date-time */
      submittedAt: string | null;
      eligibility: components['schemas']['EligibilityResponse'] | null;
      appeal: components['schemas']['AppealResponse'] | null;
      case: components['schemas']['EnrolmentCaseResponse'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    EnrolmentList: {
      /** @description Newest first, then by id */
      items: components['schemas']['EnrolmentResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    AwaitingDecisionItem: {
      /** Format: uuid */
      id: string;
      /** @example Acme Widgets Ltd */
      companyName: string;
      /** @example north_east */
      region: string | null;
      /** Format: date-time */
      submittedAt: string;
      /** @description Whole days since it was submitted */
      ageDays: number;
    };
    AwaitingDecisionList: {
      items: components['schemas']['AwaitingDecisionItem'][];
    };
    SubmitEnrolmentDto: {
      /** @description refuse (409) if the draft changed since this version */
      version?: number;
    };
    AppealDto: {
      /** @description why the decision should be looked at again */
      reason: string;
    };
    AppealDecisionDto: {
      /** @enum {string} */
      decision: 'upheld' | 'rejected';
    };
    FlaggedCompany: {
      /** Format: uuid */
      id: string;
      legalName: string;
      registrationNumber: string;
      registrationCountry: string;
      region: string;
      vatNumber: string | null;
    };
    DuplicateFlagResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'open' | 'merged' | 'dismissed';
      /** @enum {string} */
      reason: 'same_vat' | 'similar_name';
      similarity: number;
      /** Format: uuid */
      enrolmentId: string;
      company: components['schemas']['FlaggedCompany'];
      matchCompany: components['schemas']['FlaggedCompany'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      resolvedAt: string | null;
    };
    DuplicateFlagList: {
      /** @description Oldest first, then by id */
      items: components['schemas']['DuplicateFlagResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    MergeCompaniesDto: {
      /** @description required when both companies have an open case */
      continuingCaseId?: string;
    };
    CompanySearchHitResponse: {
      /** Format: uuid */
      id: string;
      legalName: string;
      tradingName: string | null;
      registrationNumber: string;
      vatNumber: string | null;
      region: string;
      postcode: string | null;
      /** @enum {string} */
      status: 'prospect' | 'enrolled';
      openCases: number;
    };
    CompanySearchPage: {
      items: components['schemas']['CompanySearchHitResponse'][];
      /** @description Pass as `cursor` for the next page; absent on the last page */
      nextCursor?: string;
    };
    ContactDto: {
      name: string;
      /** @description job title or role */
      jobRole?: string | null;
      email: string;
      phone?: string | null;
      /** @enum {string} */
      preferredLanguage: 'en' | 'es' | 'de';
      /**
       * @description emails about the company go to the primary contact
       * @default false
       */
      isPrimary: boolean;
      /** @default false */
      consentToContact: boolean;
    };
    CreateProspectDto: {
      legalName: string;
      tradingName?: string | null;
      registrationNumber: string;
      /** @example GB */
      registrationCountry: string;
      /** @description a region code of config/regions.yaml */
      region: string;
      postcode?: string | null;
      /** @example 62.01 */
      naceCode: string;
      employees: number;
      website?: string | null;
      /** @enum {string} */
      source: 'event' | 'referral' | 'phone';
      contact: components['schemas']['ContactDto'];
    };
    ProspectCreated: {
      /** Format: uuid */
      companyId: string;
      /** Format: uuid */
      enrolmentId: string;
      /** Format: uuid */
      contactId: string;
    };
    SocialProfileResponse: {
      /** @enum {string} */
      platform: 'linkedin' | 'facebook' | 'instagram' | 'x' | 'xing' | 'youtube' | 'tiktok' | 'other';
      /** Format: uri */
      url: string;
    };
    MergedCompany: {
      /** Format: uuid */
      id: string;
      legalName: string;
    };
    ContactResponse: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description Their account, once invited
       */
      userId: string | null;
      /** @example Ana García */
      name: string;
      /** @example Export manager */
      jobRole: string | null;
      /** Format: email */
      email: string;
      /** @example +44 20 7946 0000 */
      phone: string | null;
      /** @example en */
      preferredLanguage: string;
      isPrimary: boolean;
      consentToContact: boolean;
      /** Format: date-time */
      invitedAt: string | null;
      /** Format: date-time */
      invitationAcceptedAt: string | null;
      /** Format: date-time */
      archivedAt: string | null;
      version: number;
    };
    CompanyCaseResponse: {
      /** Format: uuid */
      id: string;
      /** @example active */
      status: string;
      /** @example passive_exporter */
      stage: string;
      /** @example north-east */
      region: string;
      /** Format: date-time */
      openedAt: string;
      /** Format: date-time */
      closedAt: string | null;
      /** @example support-completed */
      closureReason: string | null;
      adviserName: string | null;
      /** Format: uuid */
      enrolmentUserId: string | null;
    };
    CompanyResponse: {
      /** Format: uuid */
      id: string;
      /** @example Acme Widgets Ltd */
      legalName: string;
      /** @example Acme */
      tradingName: string | null;
      /** @example 01234567 */
      registrationNumber: string;
      /**
       * @description ISO 3166-1 alpha-2
       * @example GB
       */
      registrationCountry: string;
      /** @example GB123456789 */
      vatNumber: string | null;
      /** @example north-east */
      region: string;
      /** @example NE1 4ST */
      postcode: string | null;
      /**
       * @description NACE Rev. 2
       * @example 62.01
       */
      naceCode: string;
      /** @example J */
      naceSection: string;
      employees: number;
      /** Format: uri */
      website: string | null;
      socialProfiles: components['schemas']['SocialProfileResponse'][];
      /** @enum {string} */
      status: 'prospect' | 'enrolled';
      /** @enum {string|null} */
      prospectSource: 'event' | 'referral' | 'phone' | null;
      /** Format: uuid */
      mergedIntoId: string | null;
      /** @description Companies merged into this one */
      mergedFrom: components['schemas']['MergedCompany'][];
      contacts: components['schemas']['ContactResponse'][];
      cases: components['schemas']['CompanyCaseResponse'][];
      /** Format: date-time */
      createdAt: string;
      version: number;
    };
    UpdateCompanyDto: {
      legalName?: string;
      tradingName?: string | null;
      registrationNumber?: string;
      vatNumber?: string | null;
      /** @description a region code of config/regions.yaml */
      region?: string;
      postcode?: string | null;
      /** @example 62.01 */
      naceCode?: string;
      employees?: number;
      website?: string | null;
      socialProfiles?: components['schemas']['SocialProfileDto'][];
      /** @description the version read (or the If-Match header) */
      version?: number;
    };
    ActivityItemResponse: {
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      source: 'timeline' | 'email' | 'record';
      /** @example case.opened */
      kind: string;
      /** Format: uuid */
      caseId: string | null;
      actorName: string | null;
      /** @description Free-form: what happened, with fields of its own for each `kind` (the timeline entry, email or record the item comes from) */
      data: {
        [key: string]: unknown;
      };
    };
    ActivityPageResponse: {
      items: components['schemas']['ActivityItemResponse'][];
      /** @description Pass as `cursor` for the next page; absent on the last page */
      nextCursor?: string;
    };
    UpdateContactDto: {
      name: string;
      /** @description job title or role */
      jobRole?: string | null;
      email: string;
      phone?: string | null;
      /** @enum {string} */
      preferredLanguage: 'en' | 'es' | 'de';
      /**
       * @description emails about the company go to the primary contact
       * @default false
       */
      isPrimary: boolean;
      /** @default false */
      consentToContact: boolean;
      /** @description the contact version read (or the If-Match header) */
      version?: number;
    };
    ArchiveContactDto: {
      /** @description the contact version read (or the If-Match header) */
      version?: number;
    };
    MergeIntoDto: {
      /** @description required when both companies have an open case */
      continuingCaseId?: string;
      /** @description the company that survives */
      intoCompanyId: string;
    };
    MergeResultResponse: {
      enrolmentsMoved: number;
      casesMoved: number;
      contactsMoved: number;
      /** Format: uuid */
      continuingCaseId: string | null;
      closedCaseIds: string[];
    };
    DataProtectionRequestResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'access' | 'erasure';
      /** @enum {string} */
      status: 'requested' | 'completed';
      /** @description The subject's email; after an erasure, its pseudonym */
      subjectEmail: string;
      /** Format: uuid */
      subjectUserId: string | null;
      /** Format: uuid */
      requestedById: string | null;
      reason: string | null;
      openCaseConfirmed: boolean;
      /** Format: uuid */
      decidedById: string | null;
      decisionReason: string | null;
      /** @description Records (access) or changes (erasure) per table, once completed */
      result: {
        [key: string]: number;
      } | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      completedAt: string | null;
    };
    DataProtectionRequestPage: {
      items: components['schemas']['DataProtectionRequestResponse'][];
      /** @description Pass as `cursor` for the next page */
      nextCursor: string | null;
    };
    CreateDataProtectionRequestDto: {
      /**
       * @example access
       * @enum {string}
       */
      kind: 'access' | 'erasure';
      /**
       * Format: email
       * @example ana@sme.example
       */
      email: string;
      /**
       * @description Required for a subject access request, and for erasing someone with an open case
       * @example Written request received 1 December
       */
      reason?: string;
      /** @description Erasure only: the subject has an open case and their data is to be erased anyway */
      confirmOpenCase?: boolean;
    };
    ErasureChangeResponse: {
      /** @description A table, or `bull:<queue>` for a queued job */
      table: string;
      /** @description The row's primary key values joined with `|`, or the job id */
      key: string;
      /** @description The column rewritten; null when deleted */
      column: string | null;
      /** @enum {string} */
      action: 'update' | 'delete';
    };
    ErasurePreviewResponse: {
      changes: components['schemas']['ErasureChangeResponse'][];
    };
    ApproveDataProtectionRequestDto: {
      /** @example Identity checked against the signed letter */
      decisionReason?: string;
    };
    ApprovalResponse: {
      request: components['schemas']['DataProtectionRequestResponse'];
      counts: {
        [key: string]: number;
      };
    };
    RegisterDto: {
      /** @example owner@acme.example */
      email: string;
      /** @example Ana García */
      name: string;
      password: string;
    };
    RegistrationSentResponse: {
      /** @enum {string} */
      status: 'confirmation_sent';
      /** @example An email has been sent to the address given */
      detail: string;
    };
    ConfirmRegistrationDto: {
      /** @description The `token` query parameter of the emailed link */
      token: string;
    };
    ActorResponse: {
      /** Format: uuid */
      id: string;
      /**
       * Format: email
       * @example ana@acme.example
       */
      email: string;
      /** @example Ana García */
      name: string;
      /**
       * @example sme
       * @enum {string}
       */
      role: 'sme' | 'adviser' | 'officer' | 'admin' | 'expert';
    };
    RegistrationConfirmedResponse: {
      user: components['schemas']['ActorResponse'];
    };
    TokenRequestDto: {
      email: string;
      password: string;
    };
    TokenResponse: {
      /** @description Send as `Authorization: Bearer <token>` */
      token: string;
      /** @enum {string} */
      tokenType: 'Bearer';
      /** Format: date-time */
      expiresAt: string;
    };
    CsrfTokenResponse: {
      /** @description Send as the `x-csrf-token` header with a cookie-authenticated write */
      csrfToken: string;
    };
    AuditEventResponse: {
      /**
       * @description Ordered identity, as a string
       * @example 1042
       */
      id: string;
      /** Format: date-time */
      occurredAt: string;
      /**
       * Format: uuid
       * @description Null: the system or anonymous
       */
      actorId: string | null;
      /** @example case.closed */
      action: string;
      /** @example case */
      entityType: string;
      /** @example b1f0c6de-3b8a-4c71-9a49-0f3f5f1d2c77 */
      entityId: string;
      /** @description Free-form snapshot of the fields that changed, as the action recorded them (each action has its own fields; secrets replaced); for case records, values only for those who read every case */
      before: {
        [key: string]: unknown;
      } | null;
      /** @description Free-form snapshot of the fields that changed, as the action recorded them (each action has its own fields; secrets replaced); for case records, values only for those who read every case */
      after: {
        [key: string]: unknown;
      } | null;
      requestId: string | null;
      ip: string | null;
    };
    AuditEventPage: {
      /** @description Newest first */
      items: components['schemas']['AuditEventResponse'][];
      /** @description Pass as `cursor`; null on the last page */
      nextCursor: string | null;
    };
    NextFollowUp: {
      /** @example first-contact */
      kind: string;
      /** Format: date-time */
      deadlineAt: string;
    };
    CaseloadRowResponse: {
      /** Format: uuid */
      caseId: string;
      /** @example Acme Widgets Ltd */
      companyName: string;
      /** @example 01234567 */
      registrationNumber: string;
      /** @example passive_exporter */
      stage: string;
      /** @example active */
      status: string;
      /** @example north-east */
      region: string;
      /**
       * @description NACE Rev. 2
       * @example 62.01
       */
      sector: string;
      /** Format: uuid */
      adviserId: string | null;
      adviserName: string | null;
      /** Format: date-time */
      openedAt: string;
      /** Format: date */
      lastContactOn: string | null;
      nextStep: string | null;
      /** Format: date */
      nextStepDue: string | null;
      /** @description The open follow-up with the earliest deadline */
      nextFollowUp: components['schemas']['NextFollowUp'] | null;
      /** @description Some open follow-up is past its deadline */
      overdue: boolean;
      /** @description Latest submitted readiness audit score */
      readinessScore: number | null;
      version: number;
    };
    CaseloadCounts: {
      total: number;
      byStage: {
        [key: string]: number;
      };
      byStatus: {
        [key: string]: number;
      };
      overdue: number;
      neverContacted: number;
    };
    CaseloadPageResponse: {
      items: components['schemas']['CaseloadRowResponse'][];
      /** @description Pass as `cursor` for the next page; absent on the last page */
      nextCursor?: string;
      /** @description Over every page of this filter (first page only) */
      counts?: components['schemas']['CaseloadCounts'];
      /**
       * Format: date-time
       * @description When the counts were taken
       */
      countsAsOf?: string;
    };
    CaseCompany: {
      /** Format: uuid */
      id: string;
      name: string;
      registrationNumber: string;
      /** @example GB */
      registrationCountry: string;
      /** @example C */
      naceSection: string;
    };
    CaseAdviser: {
      /** Format: uuid */
      id: string;
      name: string | null;
    };
    CaseWork: {
      summary: string;
      /**
       * @example [
       *       "DE"
       *     ]
       */
      targetMarkets: string[];
      /** Format: date */
      firstContactOn: string | null;
      /** Format: date */
      lastContactOn: string | null;
      nextStep: string | null;
      /** Format: date */
      nextStepDue: string | null;
    };
    ScoreBreakdownResponse: {
      /** @example 40 */
      region: number;
      /** @example 30 */
      sector: number;
      /** @example 20 */
      market: number;
      /** @example 10 */
      language: number;
    };
    RunnerUp: {
      /** Format: uuid */
      adviserId: string;
      adviserName: string | null;
      score: number;
      breakdown: components['schemas']['ScoreBreakdownResponse'];
      /** @description Their active cases then */
      load: number;
    };
    AssignmentResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      adviserId: string;
      adviserName: string | null;
      /** @example automatic */
      method: string;
      reason: string | null;
      score: number | null;
      breakdown: components['schemas']['ScoreBreakdownResponse'] | null;
      runnersUp: components['schemas']['RunnerUp'][];
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      endedAt: string | null;
      endReason: string | null;
      endNote: string | null;
    };
    InteractionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** Format: uuid */
      loggedById: string;
      /** @enum {string} */
      kind: 'call' | 'meeting' | 'email' | 'visit' | 'trade_mission' | 'webinar';
      /** Format: date */
      occurredOn: string;
      notes: string;
      barriers: string[];
      supportMeasures: string[];
      nextStep: string | null;
      /** Format: date */
      nextStepDue: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      correctedAt: string | null;
      /** Format: uuid */
      correctedById: string | null;
      correctionReason: string | null;
      /** Format: date-time */
      voidedAt: string | null;
      /** Format: uuid */
      voidedById: string | null;
      voidReason: string | null;
    };
    CaseDetailResponse: {
      /** Format: uuid */
      id: string;
      version: number;
      /** @example passive_exporter */
      stage: string;
      /** @example active */
      status: string;
      /** @example north-east */
      region: string;
      /** @example 62.01 */
      sector: string;
      /** Format: date-time */
      openedAt: string;
      company: components['schemas']['CaseCompany'];
      adviser: components['schemas']['CaseAdviser'] | null;
      work: components['schemas']['CaseWork'];
      currentAssignment: components['schemas']['AssignmentResponse'] | null;
      interactions: components['schemas']['InteractionResponse'][];
    };
    AssignmentList: {
      items: components['schemas']['AssignmentResponse'][];
    };
    LogInteractionDto: {
      /** @enum {string} */
      kind: 'call' | 'meeting' | 'email' | 'visit' | 'trade_mission' | 'webinar';
      /**
       * Format: date
       * @example 2026-11-20
       */
      occurredOn: string;
      notes: string;
      /** @description null means none */
      barriers?:
        ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[] | null;
      /** @description codes from config/support-measures.yaml; null means none */
      supportMeasures?: string[] | null;
      nextStep?: string | null;
      /**
       * Format: date
       * @example 2026-12-01
       */
      nextStepDue?: string | null;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    LoggedInteraction: {
      interaction: components['schemas']['InteractionResponse'];
      /** @description The case's new version (also the ETag) */
      version: number;
      /** @description This was the first contact with the SME */
      firstContact: boolean;
    };
    CorrectInteractionDto: {
      /** @enum {string} */
      kind: 'call' | 'meeting' | 'email' | 'visit' | 'trade_mission' | 'webinar';
      /**
       * Format: date
       * @example 2026-11-20
       */
      occurredOn: string;
      notes: string;
      /** @description null means none */
      barriers?:
        ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[] | null;
      /** @description codes from config/support-measures.yaml; null means none */
      supportMeasures?: string[] | null;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
      reason: string;
    };
    InteractionChange: {
      interaction: components['schemas']['InteractionResponse'];
      /** @description The case's new version (also the ETag) */
      version: number;
    };
    VoidInteractionDto: {
      reason: string;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    UpdateCaseSummaryDto: {
      summary: string;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    CaseVersionResponse: {
      /** @description The case's new version (also the ETag) */
      version: number;
    };
    CloseCaseDto: {
      /** @description a reason code of config/case-closure.yaml, e.g. support-completed */
      reason: string;
      summary: string;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    ClosedCaseResponse: {
      /** Format: uuid */
      id: string;
      /** @example closed */
      status: string;
      /** @example proactive_exporter */
      stage: string;
      /** @example support-completed */
      closureReason: string | null;
      closureSummary: string | null;
      /** Format: date-time */
      closedAt: string | null;
      version: number;
    };
    ReopenCaseDto: {
      reason: string;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    ReopenedCaseResponse: {
      /** Format: uuid */
      id: string;
      /**
       * @description Given back to its adviser, or awaiting assignment
       * @example active
       */
      status: string;
      /** Format: uuid */
      assignedAdviserId: string | null;
      version: number;
    };
    AssignCaseDto: {
      /** Format: uuid */
      adviserId: string;
      reason: string;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    StoredRunnerUp: {
      /** Format: uuid */
      adviserId: string;
      score: number;
      breakdown: components['schemas']['ScoreBreakdownResponse'];
      /** @description active cases ÷ capacity when scored */
      load: number;
      /** Format: date-time */
      lastAssignedAt: string | null;
    };
    StartedAssignment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** Format: uuid */
      adviserId: string;
      /**
       * @example officer
       * @enum {string}
       */
      method: 'automatic' | 'officer' | 'redistributed' | 'reopened';
      /** Format: uuid */
      assignedById: string | null;
      reason: string | null;
      score: number | null;
      breakdown: components['schemas']['ScoreBreakdownResponse'] | null;
      /** @description Empty: an officer chose the adviser */
      runnersUp: components['schemas']['StoredRunnerUp'][];
      /** Format: date-time */
      startedAt: string;
      /** Format: date-time */
      endedAt?: string | null;
      /** @enum {string|null} */
      endReason?: 'declined' | 'reassigned' | 'redistributed' | 'closed' | null;
      endNote?: string | null;
      /** Format: uuid */
      endedById?: string | null;
    };
    ManualAssignmentResponse: {
      /** @enum {string} */
      outcome: 'assigned';
      assignment: components['schemas']['StartedAssignment'];
      /**
       * @description Assigned all the same: adviser.over_capacity when the adviser was already at capacity
       * @example [
       *       "adviser.over_capacity"
       *     ]
       */
      warnings: string[];
    };
    DeclineCaseDto: {
      reason: string;
      /** @description the case version you saw (or send If-Match) */
      version?: number;
    };
    DeclineResponse: {
      /**
       * @description What became of the case: assigned to the next adviser, or left awaiting assignment
       * @enum {string}
       */
      outcome: 'assigned' | 'already_assigned' | 'unassigned' | 'not_open';
    };
    AdviserLoadResponse: {
      /**
       * Format: uuid
       * @description The adviser's user id
       */
      userId: string;
      /**
       * @description Regions whose new cases they take
       * @example [
       *       "north-east"
       *     ]
       */
      regions: string[];
      /**
       * @description Regions whose cases they may see
       * @example [
       *       "north-east"
       *     ]
       */
      visibleRegions: string[];
      /**
       * @description NACE sections
       * @example [
       *       "C"
       *     ]
       */
      naceSections: string[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE"
       *     ]
       */
      markets: string[];
      /**
       * @example [
       *       "en"
       *     ]
       */
      languages: string[];
      /** @example 25 */
      capacity: number;
      activeCases: number;
      /** Format: date */
      absentFrom: string | null;
      /** Format: date */
      absentTo: string | null;
      active: boolean;
      /** Format: date-time */
      lastAssignedAt: string | null;
      /** @example Sam Adviser */
      name: string;
      /** Format: email */
      email: string;
      /** @description Active cases whose next step is overdue */
      overdue: number;
    };
    AdviserList: {
      items: components['schemas']['AdviserLoadResponse'][];
    };
    CreateAdviserProfileDto: {
      /**
       * @description null or [] clears the list
       * @example [
       *       "london",
       *       "south-east"
       *     ]
       */
      regions?: string[] | null;
      /**
       * @description Regions whose cases the adviser may also see, read-only (officers widen an adviser's view)
       * @example [
       *       "scotland"
       *     ]
       */
      visibleRegions?: string[] | null;
      /**
       * @description NACE Rev. 2 section letters
       * @example [
       *       "C",
       *       "J"
       *     ]
       */
      naceSections?: string[] | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "FR"
       *     ]
       */
      markets?: string[] | null;
      /**
       * @example [
       *       "en",
       *       "de"
       *     ]
       */
      languages?: ('en' | 'es' | 'de')[] | null;
      /**
       * @description maximum active cases
       * @example 40
       */
      capacity?: number;
      /**
       * Format: date
       * @example 2026-12-20
       */
      absentFrom?: string | null;
      /**
       * Format: date
       * @example 2027-01-05
       */
      absentTo?: string | null;
      active?: boolean;
      /**
       * Format: uuid
       * @description the adviser's user id
       */
      userId: string;
    };
    AdviserProfileResponse: {
      /**
       * Format: uuid
       * @description The adviser's user id
       */
      userId: string;
      /**
       * @description Regions whose new cases they take
       * @example [
       *       "north-east"
       *     ]
       */
      regions: string[];
      /**
       * @description Regions whose cases they may see
       * @example [
       *       "north-east"
       *     ]
       */
      visibleRegions: string[];
      /**
       * @description NACE sections
       * @example [
       *       "C"
       *     ]
       */
      naceSections: string[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE"
       *     ]
       */
      markets: string[];
      /**
       * @example [
       *       "en"
       *     ]
       */
      languages: string[];
      /** @example 25 */
      capacity: number;
      activeCases: number;
      /** Format: date */
      absentFrom: string | null;
      /** Format: date */
      absentTo: string | null;
      active: boolean;
      /** Format: date-time */
      lastAssignedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    SavedAdviserProfile: {
      profile: components['schemas']['AdviserProfileResponse'];
      /**
       * @description Allowed, but the officer should know
       * @example [
       *       "adviser.capacity_below_load"
       *     ]
       */
      warnings: string[];
    };
    UpdateAdviserProfileDto: {
      /**
       * @description null or [] clears the list
       * @example [
       *       "london",
       *       "south-east"
       *     ]
       */
      regions?: string[] | null;
      /**
       * @description Regions whose cases the adviser may also see, read-only (officers widen an adviser's view)
       * @example [
       *       "scotland"
       *     ]
       */
      visibleRegions?: string[] | null;
      /**
       * @description NACE Rev. 2 section letters
       * @example [
       *       "C",
       *       "J"
       *     ]
       */
      naceSections?: string[] | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "FR"
       *     ]
       */
      markets?: string[] | null;
      /**
       * @example [
       *       "en",
       *       "de"
       *     ]
       */
      languages?: ('en' | 'es' | 'de')[] | null;
      /**
       * @description maximum active cases
       * @example 40
       */
      capacity?: number;
      /**
       * Format: date
       * @example 2026-12-20
       */
      absentFrom?: string | null;
      /**
       * Format: date
       * @example 2027-01-05
       */
      absentTo?: string | null;
      active?: boolean;
    };
    RedistributeDto: {
      /** @description handover note for the new advisers */
      note: string;
    };
    MovedCase: {
      /** Format: uuid */
      caseId: string;
      /** Format: uuid */
      adviserId: string;
    };
    RedistributionResponse: {
      moved: components['schemas']['MovedCase'][];
      /** @description Cases nobody had room for: they await assignment */
      unassigned: string[];
    };
    LocalisedTextResponse: {
      en: string;
      es: string;
      de: string;
    };
    PublicQuestion: {
      question: components['schemas']['LocalisedTextResponse'];
      options: components['schemas']['LocalisedTextResponse'][];
    };
    TrainingModuleResponse: {
      /** @example export-basics */
      code: string;
      title: components['schemas']['LocalisedTextResponse'];
      summary: components['schemas']['LocalisedTextResponse'];
      /** @enum {string} */
      format: 'self_paced' | 'webinar' | 'workshop' | 'clinic';
      /** @enum {string} */
      completionCriterion: 'attendance' | 'assessment' | 'sign_off';
      /** @description For assessed modules */
      passMark: number | null;
      /** @description The questions, without their answers */
      assessment: components['schemas']['PublicQuestion'][];
      durationMinutes: number;
      /** @enum {string} */
      level: 'foundation' | 'intermediate' | 'advanced';
      barriers: string[];
      /** @description Readiness questions it helps with */
      questionIds: string[];
      /** @description Module codes to complete first */
      prerequisites: string[];
      platforms: string[];
      retired: boolean;
      /** Format: date-time */
      retiredAt: string | null;
    };
    TrainingModuleList: {
      items: components['schemas']['TrainingModuleResponse'][];
    };
    TrainingSessionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      /**
       * @description IANA time zone
       * @example Europe/London
       */
      timeZone: string;
      capacity: number;
      location: string | null;
      /** Format: uri */
      joinUrl: string | null;
      /** @example en */
      language: string;
      booked?: number;
      waitlisted?: number;
      seatsLeft?: number;
    };
    TrainingSessionList: {
      /** @description Upcoming, with seats left */
      items: components['schemas']['TrainingSessionResponse'][];
    };
    LocalisedTextDto: {
      en: string;
      es: string;
      de: string;
    };
    CreateModuleDto: {
      passMark?: number;
      barriers?: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      questionIds?: string[];
      /** @description codes of modules to complete first */
      prerequisites?: string[];
      platforms?: string[];
      /** @example instagram-for-export */
      code: string;
      title: components['schemas']['LocalisedTextDto'];
      summary: components['schemas']['LocalisedTextDto'];
      /** @enum {string} */
      format: 'self_paced' | 'webinar' | 'workshop' | 'clinic';
      /**
       * @description Self-paced only: assessment or sign_off
       * @enum {string}
       */
      completionCriterion?: 'attendance' | 'assessment' | 'sign_off';
      durationMinutes: number;
      /** @enum {string} */
      level: 'foundation' | 'intermediate' | 'advanced';
    };
    UpdateModuleDto: {
      title?: components['schemas']['LocalisedTextDto'];
      summary?: components['schemas']['LocalisedTextDto'];
      durationMinutes?: number;
      /** @enum {string} */
      level?: 'foundation' | 'intermediate' | 'advanced';
      passMark?: number;
      barriers?: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      questionIds?: string[];
      /** @description codes of modules to complete first */
      prerequisites?: string[];
      platforms?: string[];
      /** @description true retires the module (kept for history); false brings it back */
      retired?: boolean;
    };
    CreateSessionDto: {
      /**
       * Format: date-time
       * @example 2027-01-15T10:00:00Z
       */
      startsAt: string;
      /**
       * Format: date-time
       * @example 2027-01-15T11:30:00Z
       */
      endsAt: string;
      /** @example Europe/London */
      timeZone: string;
      capacity: number;
      location?: string;
      /**
       * Format: uri
       * @example https://meet.example/session
       */
      joinUrl?: string;
      /** @enum {string} */
      language: 'en' | 'es' | 'de';
    };
    BookTrainingDto: {
      /** @example linkedin-b2b-prospecting */
      moduleCode: string;
      /**
       * Format: uuid
       * @description Required for webinars, workshops and clinics
       */
      sessionId?: string;
      /** @description Join the waitlist when the session is full (otherwise 409) */
      waitlist?: boolean;
      /**
       * Format: uuid
       * @description The readiness recommendation this booking answers
       */
      recommendationId?: string;
      /** @description Advisers and officers only: book although the case has not completed the module's prerequisites; the reason is recorded in the audit trail. Without it a missing prerequisite is a 422. */
      prerequisiteOverrideReason?: string;
    };
    TrainingBookingResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @example export-basics */
      moduleCode: string;
      /** Format: uuid */
      sessionId: string | null;
      /** @enum {string} */
      status: 'booked' | 'waitlisted' | 'cancelled' | 'no_show' | 'completed';
      /** @description Booked by staff for the SME */
      onBehalf: boolean;
      /** Format: uuid */
      recommendationId: string | null;
      /** Format: date-time */
      dueAt: string;
      /** @enum {string|null} */
      attendance: 'attended' | 'no_show' | null;
      assessmentScore: number | null;
      /** Format: date-time */
      promotedAt: string | null;
      /** Format: date-time */
      cancelledAt: string | null;
      /** Format: date-time */
      completedAt: string | null;
      certificateCode: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    TrainingBookingList: {
      items: components['schemas']['TrainingBookingResponse'][];
    };
    UpdateBookingDto: {
      /** @enum {string} */
      action: 'cancel' | 'attend' | 'no_show' | 'complete';
      /** @description Assessment modules (SME): the chosen option index for each question, in order */
      answers?: number[];
      /** @description Assessment modules (staff only): a score 0-100 from an assessment taken outside the service */
      assessmentScore?: number;
    };
    TrainingFeedbackDto: {
      satisfaction: number;
      /** @description How useful for exporting */
      usefulness: number;
      comment?: string;
    };
    TrainingFeedbackResponse: {
      /** Format: uuid */
      bookingId: string;
      satisfaction: number;
      usefulness: number;
      comment: string | null;
    };
    QuestionnaireText: {
      /** @example We have a written export plan */
      en: string;
      /** @example Tenemos un plan de exportación escrito */
      es: string;
      /** @example Wir haben einen schriftlichen Exportplan */
      de: string;
    };
    QuestionResponse: {
      /** @example org-export-plan */
      code: string;
      text: components['schemas']['QuestionnaireText'];
      /** @description What 1 to 5 mean, from "not at all" to "fully" */
      anchors: components['schemas']['QuestionnaireText'][];
    };
    HeadingResponse: {
      /** @enum {string} */
      code: 'psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media';
      /** @description The heading's weight in the overall score */
      weight: number;
      title: components['schemas']['QuestionnaireText'];
      questions: components['schemas']['QuestionResponse'][];
    };
    QuestionnaireResponse: {
      /** @example 1 */
      version: number;
      headings: components['schemas']['HeadingResponse'][];
    };
    ClassificationReasonResponse: {
      /** @example noRecentExport */
      code: string;
      /** @description The values the reason names (e.g. a heading and its score) */
      params?: {
        [key: string]: string | number;
      };
    };
    ClassificationResponse: {
      /**
       * @description The stage concluded (behaviour first)
       * @enum {string}
       */
      stage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /**
       * @description The stage the recorded behaviour shows
       * @enum {string}
       */
      behaviourStage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /**
       * @description The stage the overall score band shows
       * @enum {string}
       */
      scoreStage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /** @description Behaviour and score disagree, or a heading is weak */
      flaggedForReview: boolean;
      readyForNextStage: boolean;
      reasons: components['schemas']['ClassificationReasonResponse'][];
    };
    ReadinessAuditResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @enum {string} */
      kind: 'self' | 'adviser';
      /** @enum {string} */
      status: 'draft' | 'submitted';
      questionnaireVersion: number;
      /** @description Question code → 0..4 */
      answers: {
        [key: string]: number;
      };
      /** @description Question code → note */
      evidence: {
        [key: string]: string;
      };
      /** @example en */
      language: string | null;
      /** Format: uuid */
      baseAuditId: string | null;
      /** @description Heading → score, once submitted */
      headingScores: {
        [key: string]: number;
      } | null;
      /** @description Once submitted */
      overallScore: number | null;
      /** @description Set on submit: the stage, cross-check, review flag, readiness and every reason */
      classification: components['schemas']['ClassificationResponse'] | null;
      /** Format: uuid */
      createdById: string | null;
      /** Format: uuid */
      submittedById: string | null;
      /** Format: date-time */
      submittedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    TrendPoint: {
      /** Format: uuid */
      auditId: string;
      /** @enum {string} */
      kind: 'self' | 'adviser';
      /** Format: date-time */
      submittedAt: string;
      overall: number;
      change: number | null;
    };
    AuditListResponse: {
      audits: components['schemas']['ReadinessAuditResponse'][];
      /** @description Submitted audits, oldest first */
      trend: components['schemas']['TrendPoint'][];
    };
    HeadingChangeResponse: {
      /** @example strategy */
      heading: string;
      score: number;
      previous: number | null;
      /** @description Points up (+) or down (-) */
      change: number | null;
    };
    AuditViewResponse: {
      audit: components['schemas']['ReadinessAuditResponse'];
      /** @description Against the previous submitted audit */
      comparison: components['schemas']['HeadingChangeResponse'][];
    };
    SaveAuditDto: {
      /**
       * @description The questionnaire version the answers were given on
       * @example 1
       */
      questionnaireVersion: number;
      /**
       * @description Question code → 0..4
       * @example {
       *       "org-export-plan": 3
       *     }
       */
      answers?: {
        [key: string]: number;
      };
      /** @description Question code → evidence note (adviser audits) */
      evidence?: {
        [key: string]: string;
      };
      /**
       * Format: uuid
       * @description Start an adviser audit from this submitted self-assessment
       */
      baseAuditId?: string;
      /** @description Submit now (validated in full); otherwise saved as a draft */
      submit?: boolean;
    };
    RecommendationViewResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'measure' | 'training';
      /** @example export-plan */
      code: string;
      /** @enum {string} */
      origin: 'rule' | 'adviser';
      /** @enum {string} */
      status: 'proposed' | 'accepted' | 'done' | 'dropped' | 'superseded';
      /** @description The recommendation, in words */
      text: string;
      /** @description Why: each answer or heading score, in words */
      because: string[];
      note: string | null;
      /** Format: date-time */
      decidedAt: string | null;
    };
    RecommendationViewList: {
      recommendations: components['schemas']['RecommendationViewResponse'][];
    };
    AddRecommendationDto: {
      /** @enum {string} */
      kind: 'measure' | 'training';
      /** @description Support-measure or training-module code */
      code: string;
      /** @description Why the adviser adds it */
      note: string;
    };
    Because: {
      /** @example strategy */
      heading?: string;
      /** @example org-export-plan */
      question?: string;
      /** @description The answer (0–4) or heading score */
      value: number;
    };
    RecommendationRecord: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** Format: uuid */
      auditId: string | null;
      /** @enum {string} */
      kind: 'measure' | 'training';
      /** @example export-plan */
      code: string;
      /** @enum {string} */
      origin: 'rule' | 'adviser';
      /** @enum {string} */
      status: 'proposed' | 'accepted' | 'done' | 'dropped' | 'superseded';
      because: components['schemas']['Because'][];
      note: string | null;
      /** Format: uuid */
      decidedById: string | null;
      /** Format: date-time */
      decidedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    RecommendationAnswer: {
      recommendation: components['schemas']['RecommendationRecord'];
    };
    DecideRecommendationDto: {
      /** @enum {string} */
      decision: 'accepted' | 'dropped';
      note?: string;
    };
    EvidenceOutcomeResponse: {
      /** @enum {string} */
      kind:
        | 'first_export_order'
        | 'new_market_entered'
        | 'distributor_signed'
        | 'export_win'
        | 'trade_visit_attended';
      /** @example DE */
      country?: string | null;
      /** @description In minor units of `currency` */
      valueMinor?: number | null;
      /** @example EUR */
      currency?: string | null;
      /** Format: date */
      occurredOn: string;
      confirmed: boolean;
    };
    EvidenceRuleResponse: {
      /** @enum {string} */
      kind:
        | 'first_export_order'
        | 'new_market_entered'
        | 'distributor_signed'
        | 'export_win'
        | 'trade_visit_attended';
      /** @enum {string} */
      to: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      confirmedOnly?: boolean;
      /**
       * @example [
       *       "export-plan"
       *     ]
       */
      requiresMilestones?: string[];
    };
    StageEvidenceResponse: {
      /** @description `audit`: the overall score */
      overall?: number;
      /** @description `audit`: heading → score */
      headings?: {
        [key: string]: number;
      };
      /** @description `audit`: the classification's reasons */
      reasons?: {
        code: string;
        params?: {
          [key: string]: string | number;
        };
      }[];
      /** @description Milestone codes reached (`audit`: those this audit ticked; `outcome`: all so far) */
      milestones?: string[];
      outcome?: components['schemas']['EvidenceOutcomeResponse'];
      rule?: components['schemas']['EvidenceRuleResponse'];
      /**
       * @description `outcome`: the event after which recorded outcomes were applied again
       * @example training.completed
       */
      reevaluatedAfter?: string;
      /**
       * @description `adviser_decision`
       * @enum {string}
       */
      direction?: 'forward' | 'backward';
    };
    StageTransitionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @enum {string} */
      fromStage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /** @enum {string} */
      toStage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /** @enum {string} */
      cause: 'audit' | 'adviser_decision' | 'outcome';
      reason: string | null;
      /** @description What showed the change (by `cause`) */
      evidence: components['schemas']['StageEvidenceResponse'];
      /** @example readiness_audit */
      refType: string | null;
      /** Format: uuid */
      refId: string | null;
      /** Format: uuid */
      actorId: string | null;
      /** Format: date-time */
      occurredAt: string;
      /** Format: date-time */
      createdAt: string;
    };
    ExportOutcomeResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @enum {string} */
      kind:
        | 'first_export_order'
        | 'new_market_entered'
        | 'distributor_signed'
        | 'export_win'
        | 'trade_visit_attended';
      /**
       * Format: uuid
       * @description The export opportunity of the case it came from
       */
      opportunityId: string | null;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      country: string | null;
      /** @description In minor units of `currency` */
      valueMinor: number | null;
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency: string | null;
      /** Format: date */
      occurredOn: string;
      /** @description Confirmed by the SME (or reported by it) */
      confirmed: boolean;
      note: string | null;
      /** Format: uuid */
      recordedById: string | null;
      idempotencyKey: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    MilestoneResponse: {
      /** @example first-export-order */
      code: string;
      /** @enum {string} */
      stage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /**
       * Format: date-time
       * @description Null: not reached yet
       */
      achievedAt: string | null;
    };
    ProgressResponse: {
      /** @enum {string} */
      stage: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      version: number;
      transitions: components['schemas']['StageTransitionResponse'][];
      outcomes: components['schemas']['ExportOutcomeResponse'][];
      milestones: components['schemas']['MilestoneResponse'][];
    };
    RecordOutcomeDto: {
      /** @enum {string} */
      kind:
        | 'first_export_order'
        | 'new_market_entered'
        | 'distributor_signed'
        | 'export_win'
        | 'trade_visit_attended';
      /**
       * @description Market, ISO 3166-1 alpha-2
       * @example DE
       */
      country?: string;
      /** @description Value in minor units of currency (e.g. pence) */
      valueMinor?: number;
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency?: string;
      /**
       * Format: date
       * @description The day it happened, YYYY-MM-DD; not after tomorrow
       * @example 2026-03-31
       */
      occurredOn: string;
      /** @description Confirmed by the SME */
      confirmed?: boolean;
      /**
       * Format: uuid
       * @description An export opportunity of the same case this outcome came from (another case’s is refused)
       */
      opportunityId?: string;
      note?: string;
    };
    RecordedOutcome: {
      outcome: components['schemas']['ExportOutcomeResponse'];
      /** @description When it moved the stage */
      transition: components['schemas']['StageTransitionResponse'] | null;
      /** @description Milestone codes it ticked */
      milestones: string[];
      /** @description The outcome an earlier request with this Idempotency-Key recorded */
      replayed: boolean;
    };
    DecideStageDto: {
      /** @enum {string} */
      to: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /** @description Why; required */
      reason: string;
    };
    StageDecision: {
      transition: components['schemas']['StageTransitionResponse'] | null;
      /** @description The same stage, confirmed after review (no transition) */
      confirmed: boolean;
    };
    MoneyResponse: {
      /**
       * @description Minor units of currency
       * @example 250000000
       */
      amountMinor: number;
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency: string;
      /**
       * @description For people, in the caller's language (Accept-Language); compute with amountMinor only
       * @example €2,500,000.00
       */
      formatted: string;
    };
    OpportunityResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      market: string;
      /** @example Olive oil, 5 l tins */
      product: string;
      /** @enum {string} */
      buyerType: 'distributor' | 'direct_customer' | 'agent' | 'marketplace' | 'public_tender';
      /** @enum {string} */
      source: 'trade_visit' | 'social_media' | 'referral' | 'event' | 'other';
      /** @description Estimated value (sent as valueMinor + currency) */
      value: components['schemas']['MoneyResponse'];
      /** @enum {string} */
      likelihood: 'low' | 'medium' | 'high';
      /**
       * Format: date
       * @example 2027-03-31
       */
      expectedOn: string;
      /** @enum {string} */
      status: 'prospect' | 'active' | 'won' | 'lost' | 'abandoned';
      /**
       * @description Why it was lost or abandoned
       * @example null
       */
      closeReason: string | null;
      notes: string | null;
      /** @example 1 */
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    OpportunityList: {
      /** @description Newest first */
      items: components['schemas']['OpportunityResponse'][];
    };
    CreateOpportunityDto: {
      /**
       * @description Market, ISO 3166-1 alpha-2
       * @example DE
       */
      market: string;
      /** @description The product or service sold */
      product: string;
      /** @enum {string} */
      buyerType: 'distributor' | 'direct_customer' | 'agent' | 'marketplace' | 'public_tender';
      /** @enum {string} */
      source: 'trade_visit' | 'social_media' | 'referral' | 'event' | 'other';
      /** @description Estimated value in minor units of currency (e.g. cents) */
      valueMinor: number;
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency: string;
      /** @enum {string} */
      likelihood: 'low' | 'medium' | 'high';
      /**
       * Format: date
       * @description When the business is expected
       * @example 2027-03-31
       */
      expectedOn: string;
      /**
       * @default prospect
       * @enum {string}
       */
      status: 'prospect' | 'active';
      notes?: string;
    };
    PipelineRowResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @example Acme Exports SL */
      companyName: string;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      market: string;
      /** @example Olive oil, 5 l tins */
      product: string;
      /** @enum {string} */
      status: 'prospect' | 'active' | 'won' | 'lost' | 'abandoned';
      /** @enum {string} */
      likelihood: 'low' | 'medium' | 'high';
      /**
       * Format: date
       * @example 2027-03-31
       */
      expectedOn: string;
      /** @description Estimated value */
      value: components['schemas']['MoneyResponse'];
      /** @description The value weighted by likelihood (config/opportunities.yaml) */
      weighted: components['schemas']['MoneyResponse'];
    };
    PipelineTotalResponse: {
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency: string;
      /** @example 3 */
      count: number;
      value: components['schemas']['MoneyResponse'];
      weighted: components['schemas']['MoneyResponse'];
    };
    AppliedRateResponse: {
      /** @example GBP */
      currency: string;
      /**
       * @description Units of the reporting currency per unit of currency
       * @example 1.17
       */
      rate: number;
      /**
       * Format: date
       * @description The rate date: it applies from this day
       * @example 2026-01-01
       */
      from: string;
    };
    PipelineReportingTotalResponse: {
      /**
       * Format: date
       * @description The day converted at (today)
       * @example 2026-12-07
       */
      on: string;
      /** @description Every currency in the reporting currency; null when a rate is missing (missingRates) */
      value: components['schemas']['MoneyResponse'] | null;
      /** @description Weighted, likewise */
      weighted: components['schemas']['MoneyResponse'] | null;
      /** @description The dated rates used (config/exchange-rates.yaml), one per converted currency */
      rates: components['schemas']['AppliedRateResponse'][];
      /**
       * @description Currencies with no rate on that day: the converted totals are then null, never a partial sum
       * @example []
       */
      missingRates: string[];
    };
    PipelineResponse: {
      /** @description One page, by expected date */
      items: components['schemas']['PipelineRowResponse'][];
      /** @description Pass back as cursor for the next page; null on the last one */
      nextCursor: string | null;
      /**
       * @description The page size used
       * @example 50
       */
      limit: number;
      /** @description How many opportunities match (every page) */
      total: number;
      /** @description Per currency, over every match (never added across currencies) */
      totals: components['schemas']['PipelineTotalResponse'][];
      /** @description The totals over every match in the reporting currency, at the rates in effect on `on` */
      inReportingCurrency: components['schemas']['PipelineReportingTotalResponse'];
    };
    UpdateOpportunityDto: {
      /**
       * @description Market, ISO 3166-1 alpha-2
       * @example DE
       */
      market?: string;
      product?: string;
      /** @enum {string} */
      buyerType?: 'distributor' | 'direct_customer' | 'agent' | 'marketplace' | 'public_tender';
      /** @enum {string} */
      source?: 'trade_visit' | 'social_media' | 'referral' | 'event' | 'other';
      valueMinor?: number;
      /** @description ISO 4217 */
      currency?: string;
      /** @enum {string} */
      likelihood?: 'low' | 'medium' | 'high';
      /** Format: date */
      expectedOn?: string;
      /** @enum {string} */
      status?: 'prospect' | 'active' | 'won' | 'lost' | 'abandoned';
      /** @description Why it was lost or abandoned */
      closeReason?: string | null;
      notes?: string | null;
      /** @description the opportunity version you saw (or send If-Match) */
      version?: number;
    };
    WinYearResponse: {
      /** @example 2027 */
      year: number;
      value: components['schemas']['MoneyResponse'];
    };
    WinReportingTotalResponse: {
      /**
       * Format: date
       * @description The day converted at: the day recorded
       * @example 2026-12-07
       */
      on: string;
      /** @description The total in the reporting currency; null when no rate is known that day (missingRate) */
      value: components['schemas']['MoneyResponse'] | null;
      /** @description The dated rate used; null for a win in the reporting currency or without a rate */
      rate: components['schemas']['AppliedRateResponse'] | null;
      /** @description config/exchange-rates.yaml has no rate of the currency on that day */
      missingRate: boolean;
    };
    WinVerificationResponse: {
      /** @enum {string} */
      state: 'not_sent' | 'awaiting' | 'expired' | 'confirmed' | 'disputed';
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      answeredAt: string | null;
      /** @description What the company said (required when it disputes the win) */
      companyComment: string | null;
      companyRating: number | null;
      /** Format: date-time */
      signedOffAt: string | null;
    };
    ExportWinResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /**
       * Format: uuid
       * @description The won opportunity it came from
       */
      opportunityId: string | null;
      /** @example Müller Feinkost GmbH */
      customerName: string;
      /**
       * @description ISO 3166-1 alpha-2
       * @example DE
       */
      customerCountry: string;
      /** @enum {string} */
      goodsOrServices: 'goods' | 'services' | 'both';
      /** @example Olive oil for 40 delicatessen shops */
      description: string;
      /** @enum {string} */
      winType: 'first_export' | 'new_market' | 'new_customer' | 'larger_contract';
      /**
       * @description The calendar year of the first value
       * @example 2027
       */
      firstYear: number;
      supportDecisive: boolean;
      /** @description Codes of config/support-measures.yaml */
      supportMeasures: string[];
      /** @description Codes of training modules booked on the case */
      trainingModules: string[];
      notes: string | null;
      /** @description The value of each year from firstYear (sent as valuesMinor + currency) */
      years: components['schemas']['WinYearResponse'][];
      /** @description The sum of the years */
      total: components['schemas']['MoneyResponse'];
      /** @description The total in the reporting currency, dated */
      totalInReportingCurrency: components['schemas']['WinReportingTotalResponse'];
      /** @description The company's confirmation */
      verification: components['schemas']['WinVerificationResponse'];
      /** @description Confirmed by the company and signed off by an officer */
      confirmedValue: boolean;
      /** @example 1 */
      version: number;
      /** Format: date-time */
      createdAt: string;
    };
    ExportWinList: {
      /** @description Newest first */
      items: components['schemas']['ExportWinResponse'][];
    };
    RecordExportWinDto: {
      /**
       * Format: uuid
       * @description A won opportunity of the same case
       */
      opportunityId?: string;
      customerName: string;
      /**
       * @description The customer's country, ISO 3166-1 alpha-2
       * @example DE
       */
      customerCountry: string;
      /** @enum {string} */
      goodsOrServices: 'goods' | 'services' | 'both';
      /** @description What was sold */
      description: string;
      /** @enum {string} */
      winType: 'first_export' | 'new_market' | 'new_customer' | 'larger_contract';
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency: string;
      /** @description The year of the first value */
      firstYear: number;
      /** @description Value per year in minor units, first year first */
      valuesMinor: number[];
      /** @description The company says the programme's support was decisive */
      supportDecisive: boolean;
      /** @description codes from config/support-measures.yaml */
      supportMeasures?: string[];
      /** @description codes of training modules booked on the case */
      trainingModules?: string[];
      notes?: string;
    };
    CorrectExportWinDto: {
      customerName?: string;
      /**
       * @description The customer's country, ISO 3166-1 alpha-2
       * @example DE
       */
      customerCountry?: string;
      /** @enum {string} */
      goodsOrServices?: 'goods' | 'services' | 'both';
      /** @description What was sold */
      description?: string;
      /** @enum {string} */
      winType?: 'first_export' | 'new_market' | 'new_customer' | 'larger_contract';
      /**
       * @description ISO 4217
       * @example EUR
       */
      currency?: string;
      /** @description The year of the first value */
      firstYear?: number;
      /** @description Value per year in minor units, first year first */
      valuesMinor?: number[];
      /** @description The company says the programme's support was decisive */
      supportDecisive?: boolean;
      /** @description codes from config/support-measures.yaml */
      supportMeasures?: string[];
      /** @description codes of training modules booked on the case */
      trainingModules?: string[];
      notes?: string;
      /** @description the export win version you saw (or send If-Match) */
      version?: number;
    };
    FollowUpTask: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /**
       * @description The rule's code: the kind of task
       * @example first-contact
       */
      kind: string;
      /** @enum {string} */
      status: 'scheduled' | 'due' | 'sent' | 'done' | 'cancelled' | 'escalated';
      /** @description Reminder steps fired so far */
      step: number;
      /**
       * Format: date-time
       * @description When the task is due
       */
      dueAt: string;
      /**
       * Format: date-time
       * @description While scheduled
       */
      nextReminderAt: string | null;
      assignedToYou: boolean;
      escalatedToYou: boolean;
      /** @description Values for the wording (company name, dates) */
      context: {
        [key: string]: string;
      };
    };
    FollowUpTaskList: {
      items: components['schemas']['FollowUpTask'][];
    };
    InboxMessage: {
      /** Format: uuid */
      id: string;
      /** @example case-assigned.adviser */
      kind: string;
      /** Format: uuid */
      caseId: string | null;
      subject: string;
      /** @description Plain text */
      body: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      readAt: string | null;
      /**
       * @description The email's fate
       * @enum {string}
       */
      emailStatus: 'created' | 'sending' | 'sent' | 'failed_temporary' | 'failed_permanent';
    };
    Inbox: {
      /** @description Newest first */
      items: components['schemas']['InboxMessage'][];
      unreadCount: number;
    };
    MarkedAllRead: {
      /** @description How many were unread */
      marked: number;
      unreadCount: number;
    };
    UnreadCount: {
      unreadCount: number;
    };
    KpiFiltersResponse: {
      /**
       * Format: date
       * @example 2026-01-01
       */
      from: string;
      /**
       * Format: date
       * @example 2026-12-31
       */
      to: string;
      /** @example north-east */
      region?: string;
      /**
       * @description NACE Rev. 2 section letter
       * @example C
       */
      sector?: string;
      /** Format: uuid */
      adviserId?: string;
      /** @enum {string} */
      sizeBand?: 'micro' | 'small' | 'medium';
      /** @enum {string} */
      stageAtEnrolment?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
    };
    KpiScopeResponse: {
      /** @enum {string} */
      kind: 'programme' | 'adviser';
      /**
       * Format: uuid
       * @description The adviser's id, when the scope is one caseload
       */
      adviserId?: string;
    };
    KpiBreakdownRowResponse: {
      /**
       * @description Stable machine key (country, module, adviser id, currency…)
       * @example DE
       */
      key: string;
      /** @example Germany */
      label: string;
      value: number | null;
      /**
       * @example {
       *       "confirmed": 3,
       *       "unconfirmed": 1
       *     }
       */
      extra?: {
        [key: string]: (number | null) | (string | null);
      };
      /** @example EUR */
      currency?: string;
    };
    KpiBreakdownResponse: {
      /** @example By market */
      title: string;
      /** @enum {string} */
      unit:
        'count' | 'percent' | 'working_days' | 'days' | 'score' | 'score_change' | 'rating' | 'money_minor';
      rows: components['schemas']['KpiBreakdownRowResponse'][];
    };
    KpiValueResponse: {
      /** @example reach.enrolments_received */
      key: string;
      /** @enum {string} */
      group: 'reach' | 'responsiveness' | 'engagement' | 'progression' | 'outcomes' | 'barriers' | 'network';
      /** @example Enrolments received */
      name: string;
      /** @description Plain-language definition, in the requester’s language */
      definition: string;
      /** @enum {string} */
      unit:
        'count' | 'percent' | 'working_days' | 'days' | 'score' | 'score_change' | 'rating' | 'money_minor';
      /** @description null: no data (a median of nothing) */
      value: number | null;
      /** @description The preceding period of equal length */
      previous: number | null;
      /**
       * @description For money_minor: the currency every row shares
       * @example EUR
       */
      currency?: string;
      breakdown?: components['schemas']['KpiBreakdownResponse'];
    };
    KpiGroupResponse: {
      /** @enum {string} */
      key: 'reach' | 'responsiveness' | 'engagement' | 'progression' | 'outcomes' | 'barriers' | 'network';
      /** @example Reach */
      title: string;
      kpis: components['schemas']['KpiValueResponse'][];
    };
    KpiReportResponse: {
      filters: components['schemas']['KpiFiltersResponse'];
      scope: components['schemas']['KpiScopeResponse'];
      /** Format: date-time */
      generatedAt: string;
      /**
       * @description 'live', or the time of the summary the figures were read from
       * @example live
       */
      dataAsOf: string;
      groups: components['schemas']['KpiGroupResponse'][];
    };
    ReportExportFilters: {
      /** @enum {string} */
      format: 'csv' | 'xlsx';
      /**
       * Format: date
       * @description first day (with `to`; not with financialYear)
       */
      from?: string;
      /**
       * Format: date
       * @description last day (with `from`)
       */
      to?: string;
      /** @description a code from config/regions.yaml */
      region?: string;
      /** @description a NACE Rev. 2 section letter */
      sector?: string;
      /**
       * Format: uuid
       * @description The adviser whose caseload (an adviser's own export always carries their id)
       */
      adviserId?: string;
      /** @enum {string} */
      sizeBand?: 'micro' | 'small' | 'medium';
      /** @enum {string} */
      stageAtEnrolment?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
      /** @description Whether the SMEs' contact details are included */
      includeContact: boolean;
      /** @description Why contact details are needed (with includeContact) */
      purpose?: string;
      /**
       * @description The column headers' language; absent: English
       * @enum {string}
       */
      language?: 'en' | 'es' | 'de';
      /**
       * @description `keys`: stable column codes; absent: words
       * @enum {string}
       */
      headers?: 'keys';
    };
    StartedReportExport: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'ready' | 'failed' | 'expired';
      /** @enum {string} */
      format: 'csv' | 'xlsx';
      /** @example Cases opened 2026-04-01 to 2026-06-30, north-east */
      description: string;
      /** @description The request as validated and stored */
      filters: components['schemas']['ReportExportFilters'];
      rowsWritten: number;
      rowsExpected: number | null;
      /** @description Null until counted */
      percent: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: date-time */
      expiresAt: string | null;
      fileBytes: number | null;
      error: string | null;
      /**
       * Format: uri-reference
       * @description Once ready
       */
      downloadUrl: string | null;
      /** @description An identical export of yours, still running or ready, answered instead */
      reused: boolean;
    };
    ReportExportResponse: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'ready' | 'failed' | 'expired';
      /** @enum {string} */
      format: 'csv' | 'xlsx';
      /** @example Cases opened 2026-04-01 to 2026-06-30, north-east */
      description: string;
      /** @description The request as validated and stored */
      filters: components['schemas']['ReportExportFilters'];
      rowsWritten: number;
      rowsExpected: number | null;
      /** @description Null until counted */
      percent: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      finishedAt: string | null;
      /** Format: date-time */
      expiresAt: string | null;
      fileBytes: number | null;
      error: string | null;
      /**
       * Format: uri-reference
       * @description Once ready
       */
      downloadUrl: string | null;
    };
    ReportExportList: {
      /** @description Your 20 most recent, newest first */
      items: components['schemas']['ReportExportResponse'][];
    };
    WebhookEndpointResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uri */
      url: string;
      description: string;
      events: ('case.opened' | 'case.closed' | 'stage.changed')[];
      active: boolean;
      /** Format: uuid */
      createdById: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WebhookEndpointList: {
      items: components['schemas']['WebhookEndpointResponse'][];
    };
    CreateWebhookEndpointDto: {
      /**
       * Format: uri
       * @description https:// (plain http:// only to 127.0.0.1 or localhost, and never in production)
       * @example https://crm.agency.example/webhooks/sme
       */
      url: string;
      /**
       * @example [
       *       "case.opened",
       *       "stage.changed"
       *     ]
       */
      events: ('case.opened' | 'case.closed' | 'stage.changed')[];
      /** @example Finance system */
      description?: string;
    };
    RegisteredWebhookEndpointResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uri */
      url: string;
      description: string;
      events: ('case.opened' | 'case.closed' | 'stage.changed')[];
      active: boolean;
      /** Format: uuid */
      createdById: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description The signing secret (Standard Webhooks `whsec_…`), shown this once: store it now
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
    };
    UpdateWebhookEndpointDto: {
      /**
       * Format: uri
       * @description https:// (plain http:// only to 127.0.0.1 or localhost, and never in production)
       * @example https://crm.agency.example/webhooks/sme
       */
      url?: string;
      /**
       * @example [
       *       "case.opened",
       *       "stage.changed"
       *     ]
       */
      events?: ('case.opened' | 'case.closed' | 'stage.changed')[];
      /** @example Finance system */
      description?: string;
      /** @description false pauses it: no new deliveries are recorded for it */
      active?: boolean;
    };
    WebhookDeliveryResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      endpointId: string;
      /**
       * Format: uuid
       * @description The event id: `Webhook-Id` and the body’s `id`
       */
      eventId: string;
      /** @enum {string} */
      eventType: 'case.opened' | 'case.closed' | 'stage.changed';
      /** @enum {string} */
      status: 'pending' | 'delivering' | 'delivered' | 'failed';
      /** @description Sending attempts so far, replays included */
      attempts: number;
      replays: number;
      /** @description The receiver's HTTP status at the last attempt */
      lastResponseCode: number | null;
      lastError: string | null;
      /** Format: date-time */
      lastAttemptAt: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description The JSON body as signed and sent (see the webhook payload schemas) */
      body: string;
    };
    WebhookDeliveryPage: {
      items: components['schemas']['WebhookDeliveryResponse'][];
      /** @description Pass as `cursor` for the next page */
      nextCursor: string | null;
    };
    ExpertResponse: {
      /** Format: uuid */
      id: string;
      /** @example Ana Ruiz */
      name: string;
      /**
       * @description Empty when none was given
       * @example Mentores del Sur
       */
      organisation: string;
      /** @example ana.ruiz@mentors.example */
      email: string;
      /** @example +34 600 000 000 */
      phone: string | null;
      /**
       * @example [
       *       "es",
       *       "en"
       *     ]
       */
      languages: ('en' | 'es' | 'de')[];
      /**
       * @description Readiness headings the expert can help with
       * @example [
       *       "product_market",
       *       "social_media"
       *     ]
       */
      expertise: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "AT"
       *     ]
       */
      markets: string[];
      /**
       * @description NACE Rev. 2 section letters
       * @example [
       *       "C"
       *     ]
       */
      naceSections: string[];
      /** @description Codes of config/support-measures.yaml */
      supportMeasures: string[];
      /** @example 4 */
      capacityPerMonth: number;
      /**
       * @description Introductions asked of them this calendar month (not withdrawn)
       * @example 1
       */
      introductionsThisMonth: number;
      /**
       * Format: date
       * @example null
       */
      absentFrom: string | null;
      /**
       * Format: date
       * @example null
       */
      absentTo: string | null;
      active: boolean;
      /** @description The expert agreed to be contacted about SMEs */
      consentToContact: boolean;
      /** Format: date-time */
      consentRecordedAt: string | null;
      /** @description They accepted an invitation and have their own expert account */
      hasAccount: boolean;
      /**
       * @description The terms they accepted
       * @example 2026-12
       */
      termsVersion: string | null;
      /** Format: date-time */
      termsAcceptedAt: string | null;
      /**
       * Format: date-time
       * @description When they left the programme (profile inactive, consent withdrawn, account deactivated)
       */
      leftAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** @example 1 */
      version: number;
    };
    OwnExpertProfileDto: {
      /** @example Chamber of Commerce Madrid */
      organisation?: string;
      /** @example +34 600 000 000 */
      phone?: string | null;
      /**
       * @example [
       *       "es",
       *       "en"
       *     ]
       */
      languages?: ('en' | 'es' | 'de')[];
      /**
       * @description readiness headings the expert can help with
       * @example [
       *       "product_market",
       *       "social_media"
       *     ]
       */
      expertise?: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "AT"
       *     ]
       */
      markets?: string[];
      /**
       * @description NACE Rev. 2 section letters
       * @example [
       *       "C"
       *     ]
       */
      naceSections?: string[];
      /**
       * @description support measure codes of config/support-measures.yaml
       * @example [
       *       "agents-distributors"
       *     ]
       */
      supportMeasures?: string[];
      /**
       * @description introductions a month
       * @example 3
       */
      capacityPerMonth?: number;
      /**
       * Format: date
       * @example 2026-12-20
       */
      absentFrom?: string | null;
      /**
       * Format: date
       * @example 2027-01-05
       */
      absentTo?: string | null;
      /**
       * @description the expert agreed to be contacted about introductions
       * @default false
       */
      consentToContact: boolean;
      /** @description the expert version you saw (or send If-Match) */
      version?: number;
    };
    ExpertRequestResponse: {
      /** Format: uuid */
      id: string;
      /** @example Muebles Norte SL */
      companyName: string;
      /** @example NACE C – Manufacturing */
      sector: string;
      /** @example Advice on distributors in Germany */
      purpose: string;
      /**
       * @description `expired`: asked, and not answered before its link expired
       * @enum {string}
       */
      status: 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'unanswered' | 'expired';
      /**
       * Format: date-time
       * @description The answer is needed by then
       */
      expiresAt: string;
      /** Format: date-time */
      respondedAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    ExpertRequestList: {
      /** @description Waiting for an answer, newest first */
      waiting: components['schemas']['ExpertRequestResponse'][];
      /** @description The rest (history), newest first */
      answered: components['schemas']['ExpertRequestResponse'][];
    };
    ExpertDecisionDto: {
      /** @enum {string} */
      decision: 'accept' | 'decline';
    };
    ExpertAnswerResponse: {
      /** @description false when the introduction had been answered already (nothing changed) */
      changed: boolean;
    };
    LeaveProgrammeDto: {
      /** @enum {string} */
      confirm: 'yes';
    };
    ExpertList: {
      /** @description By name, then id */
      items: components['schemas']['ExpertResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last page */
      nextCursor: string | null;
    };
    CreateExpertDto: {
      /** @example Ana Ruiz */
      name: string;
      /** @example Chamber of Commerce Madrid */
      organisation?: string;
      /** @example ana.ruiz@mentors.example */
      email: string;
      /** @example +34 600 000 000 */
      phone?: string | null;
      /**
       * @example [
       *       "es",
       *       "en"
       *     ]
       */
      languages?: ('en' | 'es' | 'de')[];
      /**
       * @description readiness headings the expert can help with
       * @example [
       *       "product_market",
       *       "social_media"
       *     ]
       */
      expertise?: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "AT"
       *     ]
       */
      markets?: string[];
      /**
       * @description NACE Rev. 2 section letters
       * @example [
       *       "C"
       *     ]
       */
      naceSections?: string[];
      /**
       * @description support measure codes of config/support-measures.yaml
       * @example [
       *       "agents-distributors"
       *     ]
       */
      supportMeasures?: string[];
      /**
       * @description introductions a month
       * @example 3
       */
      capacityPerMonth: number;
      /**
       * Format: date
       * @example 2026-12-20
       */
      absentFrom?: string | null;
      /**
       * Format: date
       * @example 2027-01-05
       */
      absentTo?: string | null;
      /** @default true */
      active: boolean;
      /**
       * @description the expert agreed to be contacted about introductions
       * @default false
       */
      consentToContact: boolean;
    };
    UpdateExpertDto: {
      /** @example Ana Ruiz */
      name?: string;
      /** @example Chamber of Commerce Madrid */
      organisation?: string;
      /** @example ana.ruiz@mentors.example */
      email?: string;
      /** @example +34 600 000 000 */
      phone?: string | null;
      /**
       * @example [
       *       "es",
       *       "en"
       *     ]
       */
      languages?: ('en' | 'es' | 'de')[];
      /**
       * @description readiness headings the expert can help with
       * @example [
       *       "product_market",
       *       "social_media"
       *     ]
       */
      expertise?: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "AT"
       *     ]
       */
      markets?: string[];
      /**
       * @description NACE Rev. 2 section letters
       * @example [
       *       "C"
       *     ]
       */
      naceSections?: string[];
      /**
       * @description support measure codes of config/support-measures.yaml
       * @example [
       *       "agents-distributors"
       *     ]
       */
      supportMeasures?: string[];
      /**
       * @description introductions a month
       * @example 3
       */
      capacityPerMonth?: number;
      /**
       * Format: date
       * @example 2026-12-20
       */
      absentFrom?: string | null;
      /**
       * Format: date
       * @example 2027-01-05
       */
      absentTo?: string | null;
      /** @default true */
      active: boolean;
      /**
       * @description the expert agreed to be contacted about introductions
       * @default false
       */
      consentToContact: boolean;
      /** @description the expert version you saw (or send If-Match) */
      version?: number;
    };
    MatchedAudit: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      auditedAt: string;
      /** @description Heading code → score */
      headings: {
        [key: string]: number;
      };
    };
    MatchedCaseResponse: {
      /** Format: uuid */
      caseId: string;
      /** @example Acme Exports SL */
      companyName: string;
      /**
       * @description Headings the latest submitted audit scored below the threshold (empty without one)
       * @example [
       *       "social_media"
       *     ]
       */
      weakHeadings: string[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE"
       *     ]
       */
      targetMarkets: string[];
      /**
       * @description NACE section of the main activity (empty when unknown)
       * @example C
       */
      naceSection: string;
      /**
       * @description The SME's language
       * @example es
       */
      language: string;
      /** @description The latest submitted readiness audit, null when there is none */
      audit: components['schemas']['MatchedAudit'] | null;
    };
    MatchBreakdownResponse: {
      heading: number;
      market: number;
      sector: number;
      language: number;
      /** @description Taken off for the expert's load */
      load: number;
    };
    ExpertSummaryResponse: {
      /** Format: uuid */
      id: string;
      /** @example Ana Ruiz */
      name: string;
      /** @example Mentores del Sur */
      organisation: string;
      languages: ('en' | 'es' | 'de')[];
      capacityPerMonth: number;
      introductionsThisMonth: number;
    };
    ExpertSuggestion: {
      /** Format: uuid */
      expertId: string;
      /** @example 4.5 */
      score: number;
      breakdown: components['schemas']['MatchBreakdownResponse'];
      /** @description introductionsThisMonth ÷ capacityPerMonth */
      load: number;
      /** @description The case's weak headings the expert covers */
      headings: string[];
      /** @description The case's target markets the expert knows */
      markets: string[];
      expert: components['schemas']['ExpertSummaryResponse'];
    };
    ExcludedExpertResponse: {
      expert: components['schemas']['ExpertSummaryResponse'];
      /** @enum {string} */
      reason: 'inactive' | 'no_consent' | 'absent' | 'at_capacity' | 'already_introduced';
    };
    MatchWeightsResponse: {
      heading: number;
      market: number;
      sector: number;
      language: number;
      loadPenalty: number;
    };
    ExpertSuggestionsResponse: {
      /** @description The case as matching saw it */
      case: components['schemas']['MatchedCaseResponse'];
      /** @description Best first (config/network.yaml) */
      suggestions: components['schemas']['ExpertSuggestion'][];
      /** @description Who may not be asked now, and why */
      excluded: components['schemas']['ExcludedExpertResponse'][];
      /** @description The weights the scores were made with */
      weights: components['schemas']['MatchWeightsResponse'];
    };
    IntroducedExpert: {
      /** Format: uuid */
      id: string;
      /** @example Ana Ruiz */
      name: string;
      /** @example Mentores del Sur */
      organisation: string;
    };
    IntroducedPeer: {
      /** Format: uuid */
      id: string;
      /** @example Muebles Norte SL */
      companyName: string;
    };
    IntroductionRatingResponse: {
      /**
       * @description the SME's contact or the expert
       * @enum {string}
       */
      side: 'sme' | 'expert';
      /** @description null: not answered yet */
      rating: number | null;
      comment: string | null;
      /**
       * Format: date-time
       * @description When the question was sent
       */
      askedAt: string;
      /** Format: date-time */
      answeredAt: string | null;
    };
    IntroductionResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      /** @description The expert asked (null: a peer was) */
      expert: components['schemas']['IntroducedExpert'] | null;
      /** @description The peer SME asked (null: an expert was) */
      peer: components['schemas']['IntroducedPeer'] | null;
      /** Format: uuid */
      requestedById: string;
      /** @example Advice on distributors in Germany */
      purpose: string;
      /** @enum {string} */
      status: 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'unanswered';
      /**
       * Format: date-time
       * @description When the expert's links expire
       */
      expiresAt: string;
      /** Format: date-time */
      respondedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @example 1 */
      version: number;
      /** @description Each side asked whether it helped (ratingAfterWeeks after acceptance), SME first */
      ratings: components['schemas']['IntroductionRatingResponse'][];
    };
    IntroductionList: {
      /** @description Newest first */
      items: components['schemas']['IntroductionResponse'][];
    };
    RequestIntroductionDto: {
      /**
       * Format: uuid
       * @description the expert to ask (one of the case’s suggestions or any eligible one); or give `peerId`
       */
      expertId?: string;
      /**
       * Format: uuid
       * @description the peer SME to ask instead of an expert (one of the case’s peer suggestions)
       */
      peerId?: string;
      /**
       * @description shown to the expert; the SME's contact details are not, until they accept
       * @example Worried about choosing German furniture distributors; would value an exporter’s experience.
       */
      purpose: string;
    };
    UpdateIntroductionDto: {
      /**
       * @description staff may only withdraw an introduction still waiting
       * @enum {string}
       */
      status: 'withdrawn';
      /** @description the introduction version you saw (or send If-Match) */
      version?: number;
    };
    PeerResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      companyId: string;
      /** @example Muebles Norte SL */
      companyName: string;
      /**
       * Format: uuid
       * @description The case that qualified the company
       */
      caseId: string;
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE"
       *     ]
       */
      markets: string[];
      topics: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      languages: ('en' | 'es' | 'de')[];
      capacityPerMonth: number;
      /** @enum {string} */
      status: 'active' | 'withdrawn';
      /**
       * Format: date-time
       * @description When the company last consented
       */
      consentRecordedAt: string;
      /** Format: date-time */
      withdrawnAt: string | null;
      introductionsThisMonth: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    PeerList: {
      /** @description Active first, then by company name */
      items: components['schemas']['PeerResponse'][];
    };
    PublicPeerResponse: {
      /** Format: uuid */
      id: string;
      /** @example Muebles Norte SL */
      companyName: string;
      /** @example NACE C – Manufacturing */
      sector: string;
      /**
       * @example [
       *       "DE"
       *     ]
       */
      markets: string[];
      topics: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      languages: ('en' | 'es' | 'de')[];
    };
    PublicPeerList: {
      /** @description By company name */
      items: components['schemas']['PublicPeerResponse'][];
    };
    OwnPeerProfileResponse: {
      /** @description Whether the company's case is at passive or proactive exporter */
      eligible: boolean;
      /** @example passive_exporter */
      stage: string | null;
      /** @description Null until the company opts in */
      profile: components['schemas']['PeerResponse'] | null;
    };
    PeerProfileDto: {
      /**
       * @description ISO 3166-1 alpha-2
       * @example [
       *       "DE",
       *       "AT"
       *     ]
       */
      markets: string[];
      /**
       * @description readiness headings the company can talk about from experience
       * @example [
       *       "product_market"
       *     ]
       */
      topics: ('psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media')[];
      /**
       * @example [
       *       "es",
       *       "en"
       *     ]
       */
      languages: ('en' | 'es' | 'de')[];
      /**
       * @description introductions a month
       * @example 2
       */
      capacityPerMonth: number;
      /**
       * @description consent to be introduced to other SMEs of the programme (recorded with the time)
       * @enum {boolean}
       */
      consent: true;
      /** @description the profile version you saw (or send If-Match); omit when opting in */
      version?: number;
    };
    PeerSummaryResponse: {
      /** Format: uuid */
      id: string;
      /** @example Muebles Norte SL */
      companyName: string;
      /** @example C */
      naceSection: string;
      languages: ('en' | 'es' | 'de')[];
      capacityPerMonth: number;
      introductionsThisMonth: number;
    };
    PeerSuggestion: {
      /** Format: uuid */
      peerId: string;
      /** @example 70 */
      score: number;
      breakdown: components['schemas']['MatchBreakdownResponse'];
      load: number;
      /** @description The case's weak headings the peer talks about */
      headings: string[];
      /** @description The case's target markets the peer exports to */
      markets: string[];
      peer: components['schemas']['PeerSummaryResponse'];
    };
    ExcludedPeerResponse: {
      peer: components['schemas']['PeerSummaryResponse'];
      /** @enum {string} */
      reason: 'inactive' | 'no_consent' | 'absent' | 'at_capacity' | 'already_introduced';
    };
    PeerSuggestionsResponse: {
      case: components['schemas']['MatchedCaseResponse'];
      /** @description Best first (config/network.yaml peers) */
      suggestions: components['schemas']['PeerSuggestion'][];
      excluded: components['schemas']['ExcludedPeerResponse'][];
      weights: components['schemas']['MatchWeightsResponse'];
    };
    ReferredPartner: {
      /**
       * @description a partner code of config/partners.yaml
       * @example ahk-uk
       */
      code: string;
      /** @example German-British Chamber of Industry and Commerce */
      name: string;
      /** @enum {string} */
      kind: 'chamber_of_commerce' | 'export_credit_agency' | 'growth_hub' | 'overseas_post';
    };
    ReferralResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      caseId: string;
      partner: components['schemas']['ReferredPartner'];
      /** Format: uuid */
      referredById: string;
      /** @example Needs a German distributor for upholstered chairs */
      reason: string;
      /**
       * Format: date-time
       * @description When the company's consent to share was recorded
       */
      consentRecordedAt: string;
      /**
       * @description sent (waiting for the partner), accepted, completed (result reported)
       * @enum {string}
       */
      status: 'sent' | 'accepted' | 'completed';
      /**
       * Format: date-time
       * @description When the partner's link to accept expires
       */
      acceptExpiresAt: string;
      /** Format: date-time */
      acceptedAt: string | null;
      /**
       * @description What the partner reported
       * @enum {string|null}
       */
      result: 'helped' | 'not_able_to_help' | 'no_response_from_sme' | null;
      resultNote: string | null;
      /** Format: date-time */
      resultAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @example 1 */
      version: number;
    };
    ReferralList: {
      /** @description Newest first */
      items: components['schemas']['ReferralResponse'][];
    };
    CreateReferralDto: {
      /**
       * @description a partner code of config/partners.yaml
       * @example ahk-uk
       */
      partnerCode: string;
      /**
       * @description why the company is referred: shown to the partner
       * @example Needs a German distributor for upholstered chairs; has a price list in German.
       */
      reason: string;
      /**
       * @description the company agreed that its contact details and the reason go to this partner (required: without it nothing is sent)
       * @enum {boolean}
       */
      smeConsent: true;
    };
    ExpertInvitationResponse: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      expertId: string;
      /** @description The address it was sent to */
      email: string;
      /**
       * @description The expert's first language
       * @enum {string}
       */
      language: 'en' | 'es' | 'de';
      /**
       * Format: date-time
       * @description When its link stops working
       */
      expiresAt: string;
      /** Format: date-time */
      createdAt: string;
    };
    Problem: {
      /**
       * @description `urn:problem:<code>`, or `about:blank` when the status says it all
       * @example urn:problem:validation_failed
       */
      type: string;
      /**
       * @description The HTTP reason phrase
       * @example Bad Request
       */
      title: string;
      /** @example 400 */
      status: number;
      /** @example The request has invalid fields */
      detail?: string;
      /**
       * @description The request path
       * @example /api/v1/cases?limit=0
       */
      instance?: string;
      /** @example b1f0c6de-3b8a-4c71-9a49-0f3f5f1d2c77 */
      requestId?: string;
      /**
       * @description Stable error code: one of these, never reused with another meaning (docs/api.md)
       * @example validation_failed
       * @enum {string}
       */
      code?:
        | 'adviser.absent'
        | 'adviser.inactive'
        | 'adviser.not_an_adviser'
        | 'adviser.not_found'
        | 'adviser.profile_exists'
        | 'assignment.decline_after_contact'
        | 'assignment.same_adviser'
        | 'auth.confirmation_invalid'
        | 'auth.invalid_credentials'
        | 'auth.registration_throttled'
        | 'auth.throttled'
        | 'body_not_object'
        | 'case.closed'
        | 'case.not_closed'
        | 'case.not_found'
        | 'case.stale'
        | 'certificate.not_found'
        | 'company.exists'
        | 'company.not_found'
        | 'company.version_conflict'
        | 'company_contact.not_found'
        | 'company_contact.version_conflict'
        | 'csrf.invalid'
        | 'data_protection.awaiting_approval'
        | 'data_protection.not_party'
        | 'data_protection.own_account'
        | 'data_protection.second_person'
        | 'data_protection.staff_needs_admin'
        | 'data_protection_request.not_found'
        | 'duplicate_flag.not_found'
        | 'duplicate_flag.resolved'
        | 'enrolment.already_enrolled'
        | 'enrolment.appeal_not_allowed'
        | 'enrolment.company_already_enrolled'
        | 'enrolment.incomplete'
        | 'enrolment.not_awaiting_decision'
        | 'enrolment.not_editable'
        | 'enrolment.not_found'
        | 'enrolment.version_conflict'
        | 'exchange_rate.missing'
        | 'expert.joined'
        | 'expert.left'
        | 'expert.not_found'
        | 'expert.version_conflict'
        | 'export_win.already_recorded'
        | 'export_win.answered'
        | 'export_win.link_expired'
        | 'export_win.no_contact'
        | 'export_win.not_confirmed'
        | 'export_win.not_found'
        | 'export_win.signed_off'
        | 'export_win.version_conflict'
        | 'heading.not_found'
        | 'idempotency_key.reused'
        | 'interaction.not_found'
        | 'interaction.voided'
        | 'introduction.expert_absent'
        | 'introduction.expert_already_introduced'
        | 'introduction.expert_at_capacity'
        | 'introduction.expert_inactive'
        | 'introduction.expert_no_consent'
        | 'introduction.expert_unknown'
        | 'introduction.expired'
        | 'introduction.not_found'
        | 'introduction.not_waiting'
        | 'introduction.peer_already_introduced'
        | 'introduction.peer_at_capacity'
        | 'introduction.peer_no_contact'
        | 'introduction.peer_unknown'
        | 'introduction.version_conflict'
        | 'introduction_rating.expired'
        | 'introduction_request.decided'
        | 'introduction_request.not_found'
        | 'introduction_request.pending'
        | 'invalid_characters'
        | 'invitation.email_taken'
        | 'invitation.not_found'
        | 'mail.not_found'
        | 'malformed_body_encoding'
        | 'malformed_json'
        | 'notification.not_found'
        | 'opportunity.not_found'
        | 'opportunity.version_conflict'
        | 'payload_too_large'
        | 'peer.not_eligible'
        | 'peer.not_found'
        | 'peer.version_conflict'
        | 'questionnaire.not_found'
        | 'readiness_audit.incomplete'
        | 'readiness_audit.not_found'
        | 'readiness_audit.stale'
        | 'readiness_audit.submitted'
        | 'readiness_audit.version_mismatch'
        | 'recommendation.not_found'
        | 'referral.expired'
        | 'referral.not_found'
        | 'report.being_prepared'
        | 'report_export.expired'
        | 'report_export.not_found'
        | 'report_export.not_ready'
        | 'report_export.rate_limited'
        | 'resource.not_found'
        | 'service_busy'
        | 'survey.answered'
        | 'survey.expired'
        | 'survey.not_found'
        | 'too_deeply_nested'
        | 'too_many_fields'
        | 'training.already_booked'
        | 'training.answers_required'
        | 'training.assessment_failed'
        | 'training.assessment_locked'
        | 'training.assessment_not_passed'
        | 'training.assessment_score_required'
        | 'training.attendance_not_due'
        | 'training.attendance_required'
        | 'training.cancellation_closed'
        | 'training.feedback_exists'
        | 'training.module_code_taken'
        | 'training.module_retired'
        | 'training.module_unknown'
        | 'training.no_attendance'
        | 'training.no_sessions'
        | 'training.not_cancellable'
        | 'training.not_completable'
        | 'training.not_completed'
        | 'training.override_not_allowed'
        | 'training.prerequisites_missing'
        | 'training.recommendation_unknown'
        | 'training.session_full'
        | 'training.session_in_past'
        | 'training.session_required'
        | 'training.session_unknown'
        | 'training.sign_off_required'
        | 'training_booking.not_found'
        | 'training_module.not_found'
        | 'training_session.not_found'
        | 'unauthenticated'
        | 'unreadable_body'
        | 'unsupported_encoding'
        | 'unsupported_media_type'
        | 'user.email_taken'
        | 'user.not_found'
        | 'validation_failed'
        | 'webhook.delivery_in_flight'
        | 'webhook_delivery.not_found'
        | 'webhook_endpoint.not_found';
      /** @description The fields at fault (400 validation, some 422 rules) */
      errors?: {
        /** @example company.registrationNumber */
        field: string;
        /** @example registrationNumber must be 8 characters */
        message: string;
        /** @example isLength */
        code?: string;
      }[];
    } & {
      [key: string]: unknown;
    };
    WebhookCaseOpened: {
      /**
       * Format: uuid
       * @description The event id; equals the Webhook-Id header. De-duplicate on it.
       */
      id: string;
      /** @enum {string} */
      type: 'case.opened';
      /** @description The event contract's version */
      version: number;
      /** Format: date-time */
      occurredAt: string;
      data: {
        /** Format: uuid */
        caseId: string;
        /** Format: uuid */
        companyId: string;
        /** Format: uuid */
        enrolmentId: string;
        /**
         * @description Export stage at opening
         * @example non_exporter
         */
        stage: string;
        /** @example north_east */
        region: string;
        /**
         * @description NACE Rev. 2 code
         * @example C10
         */
        sector: string;
        /** @example C */
        naceSection: string;
        targetMarkets: string[];
        helpWanted: string[];
        /** @enum {string} */
        language: 'en' | 'es' | 'de';
      };
    };
    WebhookCaseClosed: {
      /**
       * Format: uuid
       * @description The event id; equals the Webhook-Id header. De-duplicate on it.
       */
      id: string;
      /** @enum {string} */
      type: 'case.closed';
      /** @description The event contract's version */
      version: number;
      /** Format: date-time */
      occurredAt: string;
      data: {
        /** Format: uuid */
        caseId: string;
        /** Format: uuid */
        companyId: string;
        /**
         * @description Closure reason code (config/case-closure.yaml)
         * @example support-completed
         */
        reason: string;
        /**
         * @description Export stage at closure
         * @example proactive_exporter
         */
        stage: string;
        /**
         * Format: uuid
         * @description The case's adviser as the closing left it
         */
        adviserId: string | null;
        /** Format: date-time */
        closedAt: string;
      };
    };
    WebhookStageChanged: {
      /**
       * Format: uuid
       * @description The event id; equals the Webhook-Id header. De-duplicate on it.
       */
      id: string;
      /** @enum {string} */
      type: 'stage.changed';
      /** @description The event contract's version */
      version: number;
      /** Format: date-time */
      occurredAt: string;
      data: {
        /** Format: uuid */
        caseId: string;
        /** @example passive_exporter */
        from: string;
        /** @example proactive_exporter */
        to: string;
        /**
         * @description What moved it: an audit, an outcome, an adviser’s decision
         * @example audit
         */
        cause: string;
        /** Format: uuid */
        transitionId: string;
        /** @example readiness_audit */
        refType: string | null;
        /** @example null */
        refId: string | null;
      };
    };
  };
  responses: {
    /** @description Invalid request: malformed JSON, unknown or invalid fields, query or headers (`validation_failed`) */
    Problem400: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No valid bearer token */
    Problem401: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Authenticated, but not allowed to do this (CSRF or a rule about who may act) */
    Problem403: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No such record, or not one the caller may see (never 403 for records of others) */
    Problem404: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Conflicts with the current state: a stale version (send the ETag you saw) or a request in flight */
    Problem409: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Gone: the link or token has expired or was used already */
    Problem410: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The body is larger than 100 kB (any route: bodies are read before routing) */
    Problem413: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The body is not JSON (any route: bodies are read before routing) */
    Problem415: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Well-formed, but a business rule refuses it (the `code` says which) */
    Problem422: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Too many requests: wait for Retry-After seconds */
    Problem429: {
      headers: {
        /** @description Seconds to wait before trying again */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Unexpected error (logged with the requestId) */
    Problem500: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The database is busy or out of reach (`service_busy`), or a report is being prepared in the background (`report.being_prepared`): retry after Retry-After seconds */
    Problem503: {
      headers: {
        /** @description Seconds to wait before trying again */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  EnrolmentsController_list: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
        status?: 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'appealed' | 'withdrawn';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnrolmentAnswersDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_awaitingDecision: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AwaitingDecisionList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnrolmentAnswersDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_submit: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitEnrolmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_appeal: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AppealDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_decide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AppealDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  EnrolmentsController_decideSubmitted: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrolmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DuplicateFlagsController_list: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
        status?: 'open' | 'merged' | 'dismissed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateFlagList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DuplicateFlagsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateFlagResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DuplicateFlagsController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeCompaniesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateFlagResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DuplicateFlagsController_dismiss: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DuplicateFlagResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_search: {
    parameters: {
      query?: {
        /** @description name or trading name (fuzzy), registration or VAT number, postcode, or a contact email */
        q?: string;
        /** @description a region code of config/regions.yaml */
        region?: string;
        /** @description nextCursor of the previous page */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanySearchPage'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_createProspect: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProspectDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProspectCreated'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCompanyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompanyResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_activity: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous (newer) page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityPageResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_addContact: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContactDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_editContact: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateContactDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_archiveContact: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ArchiveContactDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CompaniesController_merge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MergeIntoDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeResultResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DataProtectionController_list: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
        kind?: 'access' | 'erasure';
        status?: 'requested' | 'completed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataProtectionRequestPage'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DataProtectionController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDataProtectionRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataProtectionRequestResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DataProtectionController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataProtectionRequestResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DataProtectionController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErasurePreviewResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DataProtectionController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApproveDataProtectionRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  DataProtectionController_archive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subject access archive (JSON + HTML summary), zipped */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuthController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationSentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      403: components['responses']['Problem403'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuthController_confirmRegistration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmRegistrationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationConfirmedResponse'];
        };
      };
      400: components['responses']['Problem400'];
      409: components['responses']['Problem409'];
      410: components['responses']['Problem410'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuthController_token: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TokenRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuthController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The token no longer works */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActorResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuthController_csrfToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CsrfTokenResponse'];
        };
      };
      400: components['responses']['Problem400'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AuditEventsController_list: {
    parameters: {
      query?: {
        entityType?: string;
        entityId?: string;
        actorId?: string;
        /** @description ISO 8601, between 1900 and 9999; events at or after */
        from?: string;
        /** @description ISO 8601, between 1900 and 9999; events before */
        to?: string;
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventPage'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_list: {
    parameters: {
      query?: {
        /** @description officers only: one adviser’s cases */
        adviserId?: string;
        /** @description officers only: cases waiting for an adviser */
        unassigned?: boolean;
        /** @description advisers only: 'mine' (default) for their own caseload, 'regions' for the cases in the regions an officer lets them see */
        scope?: 'mine' | 'regions';
        region?: string;
        stage?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
        status?: 'awaiting_assignment' | 'active' | 'closed';
        /** @description NACE code or its prefix, e.g. 10 or 10.11 */
        sector?: string;
        /** @description ISO 3166-1 alpha-2 target market */
        market?: string;
        /** @description only cases whose agreed next step is past due */
        overdue?: boolean;
        /** @description no contact for at least this many days */
        noContactDays?: number;
        /** @description company name or registration number */
        q?: string;
        sort?: 'name' | 'stage' | 'lastContact' | 'nextDue';
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseloadPageResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseDetailResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_assignments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignmentList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_logInteraction: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogInteractionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoggedInteraction'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_correctInteraction: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
        interactionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectInteractionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InteractionChange'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_voidInteraction: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
        interactionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VoidInteractionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InteractionChange'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_updateSummary: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCaseSummaryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CaseVersionResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_close: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClosedCaseResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_reopen: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReopenCaseDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReopenedCaseResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_assign: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignCaseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ManualAssignmentResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasesController_decline: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeclineCaseDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeclineResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AdvisersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdviserList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AdvisersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAdviserProfileDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedAdviserProfile'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AdvisersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdviserLoadResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AdvisersController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAdviserProfileDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedAdviserProfile'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  AdvisersController_redistribute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RedistributeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RedistributionResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingModulesController_list: {
    parameters: {
      query?: {
        /** @description staff only: include retired modules */
        includeRetired?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingModuleList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingModulesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModuleDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingModuleResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingModulesController_sessions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingSessionList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingModulesController_addSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSessionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingSessionResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingModulesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateModuleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingModuleResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_listForCase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingBookingList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_book: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BookTrainingDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingBookingResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingBookingResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateBookingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingBookingResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_feedback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TrainingFeedbackDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingFeedbackResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_certificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The completion certificate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  TrainingBookingsController_attendanceCsv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The attendance list */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_questionnaire: {
    parameters: {
      query?: {
        /** @description A questionnaire version, digits only (default: the current one); 404 if no such version exists (0 included) */
        version?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditListResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveAuditDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditViewResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        auditId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditViewResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        auditId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveAuditDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditViewResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_listRecommendations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationViewList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_addRecommendation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddRecommendationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationAnswer'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReadinessController_decideRecommendation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        recommendationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecideRecommendationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecommendationAnswer'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ProgressController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgressResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ProgressController_recordOutcome: {
    parameters: {
      query?: never;
      header?: {
        /** @description a retry with the same key returns the outcome already recorded (1-200 visible ASCII) */
        'idempotency-key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordOutcomeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordedOutcome'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ProgressController_decideStage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecideStageDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StageDecision'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  OpportunitiesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpportunityList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  OpportunitiesController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOpportunityDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpportunityResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  OpportunitiesController_pipeline: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
        /** @description Market, ISO 3166-1 alpha-2 */
        market?: string;
        status?: 'prospect' | 'active' | 'won' | 'lost' | 'abandoned';
        /** @description Expected in this quarter, e.g. 2027-Q1 */
        quarter?: string;
        /** @description The case's NACE section, e.g. C */
        sector?: string;
        /** @description The case's region code */
        region?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PipelineResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  OpportunitiesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpportunityResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  OpportunitiesController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOpportunityDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpportunityResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExportWinsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportWinList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExportWinsController_record: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordExportWinDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportWinResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExportWinsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportWinResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExportWinsController_correct: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CorrectExportWinDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportWinResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExportWinsController_resend: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportWinResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExportWinsController_signOff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportWinResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  FollowUpsController_tasks: {
    parameters: {
      query?: {
        /** @description Whose tasks: only "me" (the default), the follow-ups assigned to you and those escalated to you as the officer */
        assignee?: 'me';
        /** @description "open": still waiting for their condition (the default, as on /tasks); "all": closed ones too */
        status?: 'open' | 'all';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpTaskList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  FollowUpsController_inbox: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Inbox'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  FollowUpsController_markAllRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every message of the inbox marked read */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkedAllRead'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  FollowUpsController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The message marked read (again: no change); 404 unless it is yours */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCount'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReportsController_kpiReport: {
    parameters: {
      query?: {
        /** @description first day (with `to`; not with financialYear) */
        from?: string;
        /** @description last day (with `from`) */
        to?: string;
        /** @description a financial year, e.g. 2025 */
        financialYear?: string;
        /** @description a quarter of financialYear */
        quarter?: '1' | '2' | '3' | '4';
        /** @description a code from config/regions.yaml */
        region?: string;
        /** @description a NACE Rev. 2 section letter */
        sector?: string;
        adviserId?: string;
        sizeBand?: 'micro' | 'small' | 'medium';
        stageAtEnrolment?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
        format?: 'json' | 'csv' | 'xlsx';
        /** @description CSV/XLSX column headers: `labels` in the requester’s language (Accept-Language, or a signed-in person’s language), `keys` the stable column codes (e.g. kpi_key, case_id) for programs */
        headers?: 'labels' | 'keys';
        /** @description KPI keys, comma-separated (as on /reports/definitions); every KPI when absent */
        kpi?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The KpiReport (format=json), or a CSV/XLSX download. Texts (group titles, KPI names, definitions, breakdown labels; the files’ cover, column headers and sheet names) are in the requester’s language (Accept-Language, or a signed-in person’s language); keys, units, codes and numbers never change. headers=keys heads the CSV/XLSX columns with stable codes (group, kpi_key, …) for programs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['KpiReportResponse'];
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReportExportsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's 20 most recent exports, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportExportList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReportExportsController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date
           * @description first day (with `to`; not with financialYear)
           */
          from?: string;
          /**
           * Format: date
           * @description last day (with `from`)
           */
          to?: string;
          /** @description a financial year, e.g. 2025 */
          financialYear?: string;
          /**
           * @description a quarter of financialYear
           * @enum {string}
           */
          quarter?: '1' | '2' | '3' | '4';
          /** @description a code from config/regions.yaml */
          region?: string;
          /** @description a NACE Rev. 2 section letter */
          sector?: string;
          /** Format: uuid */
          adviserId?: string;
          /** @enum {string} */
          sizeBand?: 'micro' | 'small' | 'medium';
          /** @enum {string} */
          stageAtEnrolment?: 'non_exporter' | 'passive_exporter' | 'proactive_exporter';
          /**
           * @default csv
           * @enum {string}
           */
          format?: 'csv' | 'xlsx';
          /**
           * @description CSV/XLSX column headers: `labels` in the requester’s language (Accept-Language, or a signed-in person’s language), `keys` the stable column codes (e.g. kpi_key, case_id) for programs
           * @default labels
           * @enum {string}
           */
          headers?: 'labels' | 'keys';
          /** @description include the SMEs' contact details */
          includeContact?: boolean;
          /** @description why contact details are needed (required with includeContact) */
          purpose?: string;
        };
      };
    };
    responses: {
      /** @description The same export as one of yours still running or ready (`reused: true`): no new one */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StartedReportExport'];
        };
      };
      /** @description The export, queued. Body fields: from, to, financialYear, quarter, region, sector, adviserId, sizeBand, stageAtEnrolment, format, includeContact, purpose, headers. The file's column headers are in the requester’s language (Accept-Language, or a signed-in person’s language), or the stable column codes with headers=keys; cell values (codes, numbers, ISO dates) are the same in every language. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StartedReportExport'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReportExportsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Status and progress; downloadUrl once ready */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportExportResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReportExportsController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The CSV or XLSX file (409 while running, 410 once expired) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      410: components['responses']['Problem410'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookEndpointDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisteredWebhookEndpointResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookEndpointDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_deliveriesPage: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
        endpointId?: string;
        status?: 'pending' | 'delivering' | 'delivered' | 'failed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryPage'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_delivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  WebhooksController_replay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_profile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OwnExpertProfileDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_requests: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertRequestList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_answer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExpertDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertAnswerResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_pause: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_resume: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertSelfController_leave: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LeaveProgrammeDto'];
      };
    };
    responses: {
      /** @description Left: profile inactive, consent withdrawn, account deactivated */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertsController_list: {
    parameters: {
      query?: {
        /** @description only active (true) or inactive (false) experts */
        active?: boolean;
        /** @description part of the name, organisation or email */
        q?: string;
        heading?: 'psychological' | 'organisational' | 'operational' | 'product_market' | 'social_media';
        market?: string;
        language?: 'en' | 'es' | 'de';
        /** @description nextCursor of the previous page (opaque) */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateExpertDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The expert */
          Location?: string;
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertsController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateExpertDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CaseNetworkController_suggestions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertSuggestionsResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CaseNetworkController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntroductionList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CaseNetworkController_request: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestIntroductionDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The introduction */
          Location?: string;
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntroductionResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  IntroductionsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntroductionResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  IntroductionsController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The version from the ETag you read, e.g. `"7"` (or the `version` body field) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateIntroductionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntroductionResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  PeersController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  PeersController_visible: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicPeerList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  PeersController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OwnPeerProfileResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  PeersController_save: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PeerProfileDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  PeersController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CasePeersController_suggestions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerSuggestionsResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CaseReferralsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralList'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  CaseReferralsController_refer: {
    parameters: {
      query?: never;
      header?: {
        /** @description Send the same key to retry safely: the first answer comes back (Idempotent-Replayed: true) */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateReferralDto'];
      };
    };
    responses: {
      201: {
        headers: {
          /** @description The referral */
          Location?: string;
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          /** @description `true` when this is the stored answer to an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ReferralsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description The record version, e.g. `"7"`: send it back as If-Match (or `version`) with a change */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferralResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
  ExpertInvitationsController_invite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          /** @description Where the created record is read, when it has its own address */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExpertInvitationResponse'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      415: components['responses']['Problem415'];
      422: components['responses']['Problem422'];
      500: components['responses']['Problem500'];
      503: components['responses']['Problem503'];
    };
  };
}
