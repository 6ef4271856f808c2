/** The languages emails are written in. */
export const LANGUAGE_CODES = ['en', 'es', 'de'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** Who to tell: copied onto the rows that need it, so delivery never depends on another lib's tables. */
export interface Contact {
  userId?: string | null;
  email: string;
  name: string;
  language?: LanguageCode;
}
