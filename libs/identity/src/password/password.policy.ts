import type { FieldError } from '@app/errors';
import { passwordStrength, type PasswordLanguage } from './password-strength';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 copes with more, but a cap stops multi-megabyte "passwords" from costing CPU. */
export const PASSWORD_MAX_LENGTH = 256;

const TOO_SHORT: Record<PasswordLanguage, string> = {
  en: `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  es: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres`,
  de: `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein`,
};
const TOO_LONG: Record<PasswordLanguage, string> = {
  en: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  es: `La contraseña debe tener como máximo ${PASSWORD_MAX_LENGTH} caracteres`,
  de: `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein`,
};
const TOO_EASY: Record<PasswordLanguage, string> = {
  en: 'Password is too easy to guess.',
  es: 'La contraseña es demasiado fácil de adivinar.',
  de: 'Das Passwort ist zu leicht zu erraten.',
};

/**
 * Why a new password is refused, or null when it is acceptable, with the reason in the reader's language.
 * Guessability is zxcvbn's estimate (see password-strength.ts), which also counts the person's own email
 * and name as easy guesses. Never echoes the password.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string; language?: PasswordLanguage } = {},
): FieldError | null {
  const language = context.language ?? 'en';
  if (password.length < PASSWORD_MIN_LENGTH)
    return { field: 'password', code: 'password.tooShort', message: TOO_SHORT[language] };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { field: 'password', code: 'password.tooLong', message: TOO_LONG[language] };
  const email = context.email?.toLowerCase();
  const userInputs = [
    email,
    email?.split('@')[0],
    ...(email?.split('@')[0]?.split(/[._+-]/) ?? []),
    context.name,
  ].filter((v): v is string => !!v && v.length > 1);
  const verdict = passwordStrength(password, userInputs, language);
  if (verdict.strongEnough) return null;
  return {
    field: 'password',
    code: 'password.common',
    message: [TOO_EASY[language], ...verdict.explanation].join(' '),
  };
}
