import { DomainError, type FieldError } from '@app/errors';
import type { Response } from 'express';
import type { ErrorView } from './form-validation';
import { validateForm } from './form-validation';
import { pageErrors, type ErrorWording } from './page-errors';

type Checked<T> = { value: T; errors: FieldError[] };

/** How a posted form is checked: against the API's DTO, or by hand for forms no DTO describes. */
export type FormCheck<T extends object> =
  | {
      /** The API's DTO for this change: the posted fields (in its shape) are validated against it. */
      dto: new () => T;
      fields: unknown;
    }
  | {
      /** For forms no DTO describes (a questionnaire page): the value and any field errors. */
      check: () => Checked<T> | Promise<Checked<T>>;
    }
  | {
      /** For forms the service checks itself (or with nothing to check): the value as posted. */
      value: T;
    };

/** One posted form: how it is checked, what it does, where the browser goes next, and how it is shown again. */
export type FormSubmission<T extends object, R> = FormCheck<T> & {
  /** The change itself, usually one UnitOfWork transaction. */
  run: (value: T) => Promise<R>;
  /** Where the browser goes once it is done (303 See Other: Post/Redirect/Get). */
  redirect: (result: R, value: T) => string;
  /**
   * Shows the same page again with the error summary: 400 for invalid fields, the refusal's own status
   * (409, 422, 429…) when a rule said no; `refusal` is that error, for pages that show more (what changed).
   */
  again: (status: number, errors: ErrorView, refusal?: DomainError) => unknown;
  /** How the errors are worded and linked; `refusal` turns a rule refusal into the field errors shown. */
  errors?: ErrorWording & { refusal?: (error: DomainError) => readonly FieldError[] };
};

/**
 * A rule refusal a form shows: a coded 4xx. A 404 is not one (the record is gone or not the caller's: the
 * not-found page), nor is anything else (the error filter answers it).
 */
function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.status >= 400 && error.status < 500 && error.status !== 404;
}

/**
 * The form cycle of every page: validate the posted form, show the same page again with the GOV.UK error
 * summary and field messages (in the page's language) when it is wrong, otherwise run the change and
 * redirect (Post/Redirect/Get). A rule refusal comes back to the form with its fields, or as one summary
 * item linking to the page's main content when it names none.
 */
export async function submitForm<T extends object, R>(
  res: Response,
  form: FormSubmission<T, R>,
): Promise<void> {
  const { errors: wording = {} } = form;
  const { value, errors } =
    'dto' in form
      ? await validateForm(form.dto, form.fields)
      : 'check' in form
        ? await form.check()
        : { value: form.value, errors: [] };
  if (errors.length) {
    await form.again(400, pageErrors(res, errors, wording));
    return;
  }
  let result: R;
  try {
    result = await form.run(value);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const fields = wording.refusal ? wording.refusal(error) : error.fields;
    const view = pageErrors(res, fields, wording);
    if (view.errorSummary.length === 0) view.errorSummary.push(generalItem(res, error, wording.translations));
    await form.again(error.status, view, error);
    return;
  }
  res.redirect(303, form.redirect(result, value));
}

/** A refusal that names no field: its message, translated as `<prefix>.errors.<code>` where there is one. */
function generalItem(
  res: Response,
  error: DomainError,
  translations?: string,
): { text: string; href: string } {
  const t = res.locals.t as ((key: string, options: { defaultValue: string }) => string) | undefined;
  const text =
    translations && t
      ? t(`${translations}.errors.${error.code}`, { defaultValue: error.message })
      : error.message;
  return { text, href: '#main-content' };
}
