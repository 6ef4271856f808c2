import { ConflictError, DomainError, UnprocessableError } from '@app/errors';

/** What a failed assessment attempt may tell the SME: the score and review only once revealed. */
export interface AttemptReport {
  attemptsLeft: number;
  retryAt: string | null;
  score?: number;
  passMark?: number;
  review?: { question: number; correct: boolean }[];
}

/** Coded refusals of the training rules; the global filter maps them to problem+json or a GOV.UK page. */
export const TrainingErrors = {
  moduleRetired: (code: string) =>
    new UnprocessableError('training.module_retired', `Module ${code} is retired and cannot be booked`, [
      { field: 'moduleCode', message: 'This module is no longer offered', code: 'training.module_retired' },
    ]),
  unknownModule: (code: string) =>
    new UnprocessableError('training.module_unknown', `There is no module ${code}`, [
      { field: 'moduleCode', message: 'Choose a module from the catalogue', code: 'training.module_unknown' },
    ]),
  unknownRecommendation: () =>
    new UnprocessableError(
      'training.recommendation_unknown',
      'That recommendation is not one for this module on this case',
      [
        {
          field: 'recommendationId',
          message: 'Not a recommendation of this module for this case',
          code: 'training.recommendation_unknown',
        },
      ],
    ),
  sessionRequired: () =>
    new UnprocessableError('training.session_required', 'Choose a session for this module', [
      { field: 'sessionId', message: 'Choose a session', code: 'training.session_required' },
    ]),
  noSessions: () =>
    new UnprocessableError('training.no_sessions', 'A self-paced module has no sessions', [
      {
        field: 'sessionId',
        message: 'Self-paced modules are not booked into a session',
        code: 'training.no_sessions',
      },
    ]),
  unknownSession: () =>
    new UnprocessableError('training.session_unknown', 'That session is not one of this module', [
      { field: 'sessionId', message: 'Choose a session of this module', code: 'training.session_unknown' },
    ]),
  sessionInPast: () =>
    new UnprocessableError('training.session_in_past', 'That session has already started', [
      {
        field: 'sessionId',
        message: 'Choose a session that has not started yet',
        code: 'training.session_in_past',
      },
    ]),
  prerequisitesMissing: (missing: string[]) =>
    new UnprocessableError(
      'training.prerequisites_missing',
      `Complete ${missing.join(', ')} first, or ask your adviser to book it for you`,
      [
        {
          field: 'moduleCode',
          message: `Complete these modules first: ${missing.join(', ')}`,
          code: 'training.prerequisites_missing',
        },
      ],
    ),
  overrideNotAllowed: () =>
    new UnprocessableError(
      'training.override_not_allowed',
      'Only an adviser can book without the prerequisites',
      [
        {
          field: 'prerequisiteOverrideReason',
          message: 'Only an adviser can book without the prerequisites',
          code: 'training.override_not_allowed',
        },
      ],
    ),
  alreadyBooked: (code: string) =>
    new ConflictError('training.already_booked', `This case already has module ${code} booked or completed`),
  sessionFull: (sessionId: string, waitlisted: number) =>
    new ConflictError('training.session_full', 'The session is full: you can join the waitlist', {
      sessionId,
      waitlistAvailable: true,
      waitlisted,
    }),
  notCancellable: (status: string) =>
    new ConflictError('training.not_cancellable', `A ${status} booking cannot be cancelled`),
  cancellationClosed: (hours: number) =>
    new UnprocessableError(
      'training.cancellation_closed',
      `Bookings can be cancelled up to ${hours} hours before the session starts`,
    ),
  attendanceNotDue: () =>
    new ConflictError('training.attendance_not_due', 'Attendance can be marked once the session has started'),
  attendanceNotApplicable: () =>
    new UnprocessableError('training.no_attendance', 'Only booked session places have attendance to mark'),
  attendanceRequired: () =>
    new UnprocessableError(
      'training.attendance_required',
      'This module is completed by attending its session',
    ),
  assessmentScoreRequired: () =>
    new UnprocessableError('training.assessment_score_required', 'Give the assessment score (0-100)', [
      {
        field: 'assessmentScore',
        message: 'Enter the assessment score',
        code: 'training.assessment_score_required',
      },
    ]),
  answersRequired: () =>
    new UnprocessableError('training.answers_required', 'Answer every question of the assessment', [
      { field: 'answers', message: 'Answer every question', code: 'training.answers_required' },
    ]),
  scoreBelowPassMark: (score: number, passMark: number) =>
    new UnprocessableError(
      'training.assessment_failed',
      `A score of ${score} does not pass this module's assessment (pass mark ${passMark})`,
    ),
  assessmentNotPassed: (report: AttemptReport) =>
    new DomainError(
      'training.assessment_not_passed',
      report.attemptsLeft > 0
        ? `Not passed. ${report.attemptsLeft} attempt(s) left in this period`
        : `Not passed, and no attempts are left in this period: the score was ${report.score} (pass mark ${report.passMark}); the next attempt opens at ${report.retryAt}`,
      422,
      [],
      { ...report },
    ),
  assessmentLocked: (report: AttemptReport, retryAfter: number) =>
    new DomainError(
      'training.assessment_locked',
      `No attempts are left in this period: the next one opens at ${report.retryAt}`,
      429,
      [],
      { ...report, retryAfter },
    ),
  signOffRequired: () =>
    new UnprocessableError(
      'training.sign_off_required',
      'This module is completed by the adviser signing it off',
    ),
  notCompletable: (status: string) =>
    new ConflictError('training.not_completable', `A ${status} booking cannot be completed`),
  notCompleted: () =>
    new ConflictError('training.not_completed', 'Feedback is given after completing the module'),
  feedbackGiven: () =>
    new ConflictError('training.feedback_exists', 'Feedback for this booking was already given'),
  duplicateModuleCode: (code: string) =>
    new ConflictError('training.module_code_taken', `A module with code ${code} already exists`),
  sessionForSelfPaced: () =>
    new UnprocessableError('training.no_sessions', 'Self-paced modules have no sessions', [
      { field: 'code', message: 'Self-paced modules have no sessions', code: 'training.no_sessions' },
    ]),
};
