import type { FieldError } from '@app/errors';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toFieldErrors } from './validation';

/**
 * Validates a posted HTML form (or a query string) against the same DTO the JSON API uses, returning the
 * field errors instead of throwing, so the page can show them in a GOV.UK error summary. The CSRF field
 * belongs to the guard, not to the DTO.
 */
export async function validateForm<T extends object>(
  dto: new () => T,
  body: unknown,
): Promise<{ value: T; errors: FieldError[] }> {
  const fields = { ...((body ?? {}) as Record<string, unknown>) };
  delete fields._csrf;
  const value = plainToInstance(dto, fields);
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  return { value, errors: toFieldErrors(errors) };
}

export interface ErrorView {
  /** Items for govukErrorSummary: each links to its field's id. */
  errorSummary: { text: string; href: string }[];
  /** `errorMessage` for each field's component, keyed by field name. */
  fieldErrors: Record<string, { text: string }>;
}

/**
 * The GOV.UK error summary and per-field messages: the first error per field, in order, each worded by
 * `message` (e.g. a translation keyed by the error's code, falling back to the validator's text).
 */
export function errorView(
  errors: readonly FieldError[],
  message: (error: FieldError) => string = (error) => error.message,
): ErrorView {
  const fieldErrors: Record<string, { text: string }> = {};
  for (const error of errors) fieldErrors[error.field] ??= { text: message(error) };
  return {
    errorSummary: Object.entries(fieldErrors).map(([field, { text }]) => ({ text, href: `#${field}` })),
    fieldErrors,
  };
}
