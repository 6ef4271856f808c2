import type { FieldError } from '@app/errors';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 copes with more, but a cap stops multi-megabyte "passwords" from costing CPU. */
export const PASSWORD_MAX_LENGTH = 256;

/** Why a new password is refused, or null when it is acceptable. Never echoes the password. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): FieldError | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return {
      field: 'password',
      code: 'password.tooShort',
      message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  if (password.length > PASSWORD_MAX_LENGTH)
    return {
      field: 'password',
      code: 'password.tooLong',
      message: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
    };
  const lower = password.toLowerCase();
  const emailLocal = context.email?.split('@')[0]?.toLowerCase();
  if (
    COMMON_PASSWORDS.has(lower) ||
    /^(.)\1+$/.test(password) ||
    (emailLocal && (lower === emailLocal || lower === context.email?.toLowerCase()))
  )
    return {
      field: 'password',
      code: 'password.common',
      message: 'Password is too easy to guess: choose a less common one',
    };
  return null;
}
