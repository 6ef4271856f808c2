/**
 * The five readiness headings an expert's expertise is tagged by: the heading codes of the readiness
 * questionnaire (config/readiness/questionnaire-v1.yaml), checked against it at start-up (NetworkRules).
 */
export const EXPERTISE_HEADINGS = [
  'psychological',
  'organisational',
  'operational',
  'product_market',
  'social_media',
] as const;
export type ExpertiseHeading = (typeof EXPERTISE_HEADINGS)[number];

/** The languages experts are written to in (the languages of the service's emails and pages). */
export const EXPERT_LANGUAGES = ['en', 'es', 'de'] as const;
export type ExpertLanguage = (typeof EXPERT_LANGUAGES)[number];

/** The language to write to an expert in: the first of theirs the service speaks. */
export function writingLanguage(languages: readonly string[]): ExpertLanguage {
  return (languages.find((l) => (EXPERT_LANGUAGES as readonly string[]).includes(l)) ??
    'en') as ExpertLanguage;
}

/** Whether someone with these absence dates (inclusive, YYYY-MM-DD; either may be open) is away on `today`. */
export function isAwayOn(
  absence: { absentFrom: string | null; absentTo: string | null },
  today: string,
): boolean {
  if (!absence.absentFrom && !absence.absentTo) return false;
  return (absence.absentFrom ?? '0000-01-01') <= today && today <= (absence.absentTo ?? '9999-12-31');
}
