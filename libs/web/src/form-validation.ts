import type { FieldError } from '@app/errors';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { inheritedKeyErrors, toFieldErrors } from './validation';

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
  return { value, errors: [...inheritedKeyErrors(fields), ...toFieldErrors(errors)] };
}

export interface ErrorView {
  /** Items for govukErrorSummary: each links to its field's id. */
  errorSummary: { text: string; href: string }[];
  /** `errorMessage` for each field's component, keyed by field name (with the page's "Error:" prefix). */
  fieldErrors: Record<string, { text: string; visuallyHiddenText?: string }>;
}

/** How a field error is shown: its wording, the id of its control, and where its summary item links. */
export interface ErrorViewOptions {
  /** The message shown (e.g. a translation keyed by the error's code); the validator's text by default. */
  message?: (error: FieldError) => string;
  /** The id of the field's control, when it is not the field's name (`company.name` → `company-name`). */
  fieldId?: (field: string) => string;
  /** Where the summary item links; `#<control id>` by default (another page's control, say). */
  href?: (field: string) => string;
}

/**
 * The GOV.UK error summary and per-field messages: the first error per field, in order, each worded by
 * `message` (e.g. a translation keyed by the error's code, falling back to the validator's text).
 */
export function errorView(
  errors: readonly FieldError[],
  options: ErrorViewOptions | ((error: FieldError) => string) = {},
): ErrorView {
  const {
    message = (error: FieldError) => error.message,
    fieldId = (field: string) => field,
    href,
  } = typeof options === 'function' ? { message: options } : options;
  const fieldErrors: ErrorView['fieldErrors'] = {};
  const errorSummary: { text: string; href: string }[] = [];
  let unknownFieldTold = false;
  for (const error of errors) {
    // A field the form does not have (a stale or tampered form) has no control to link to: one item for
    // all of them, linked to the page's main content, which every page has.
    if (error.code === 'unknownField') {
      if (!unknownFieldTold) errorSummary.push({ text: message(error), href: '#main-content' });
      unknownFieldTold = true;
      continue;
    }
    const id = fieldId(error.field);
    if (fieldErrors[id]) continue;
    fieldErrors[id] = { text: message(error) };
    errorSummary.push({ text: fieldErrors[id].text, href: href ? href(error.field) : `#${id}` });
  }
  return { errorSummary, fieldErrors };
}
