/** How a module is delivered. Sessions exist for every format except self-paced. */
export const TRAINING_FORMATS = ['self_paced', 'webinar', 'workshop', 'clinic'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

export const TRAINING_LEVELS = ['foundation', 'intermediate', 'advanced'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

/** What completes a module: attending its session, passing a short assessment, or the adviser's sign-off. */
export const COMPLETION_CRITERIA = ['attendance', 'assessment', 'sign_off'] as const;
export type CompletionCriterion = (typeof COMPLETION_CRITERIA)[number];

export const BOOKING_STATUSES = ['booked', 'waitlisted', 'cancelled', 'no_show', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that hold the module for the case: a second booking of the same module is refused. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['booked', 'waitlisted', 'completed'];

export const TRAINING_LANGUAGES = ['en', 'es', 'de'] as const;
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];

/** Text in every SME-facing language. */
export type LocalisedText = Record<TrainingLanguage, string>;

export const needsSession = (format: TrainingFormat): boolean => format !== 'self_paced';

export interface AssessmentQuestion {
  question: LocalisedText;
  options: LocalisedText[];
  /** Index of the right option. */
  answer: number;
}
