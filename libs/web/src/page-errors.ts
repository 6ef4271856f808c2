import type { FieldError } from '@app/errors';
import type { Response } from 'express';
import { errorView, type ErrorView, type ErrorViewOptions } from './form-validation';

type Translate = (key: string | string[], options?: Record<string, unknown>) => string;

/** How a page words and links its errors. */
export interface ErrorWording extends Omit<ErrorViewOptions, 'message'> {
  /**
   * The locale prefix of the page's messages: `<prefix>.errors.<field>.<code>`, then
   * `<prefix>.errors.<code>`, in the page's language; the error's own message where neither exists.
   */
  translations?: string;
}

/**
 * The GOV.UK error summary and field messages of a page, in the page's language (`res.locals.t`): each
 * field message carries the page's visually hidden "Error:" prefix, and a field the form does not have
 * (`unknownField`) is told in plain words rather than the API's developer message.
 */
export function pageErrors(
  res: Response,
  errors: readonly FieldError[],
  wording: ErrorWording = {},
): ErrorView {
  const { translations, ...links } = wording;
  const t = res.locals.t as Translate | undefined;
  if (!t) return errorView(errors, links);
  const code = (error: FieldError): string => error.code ?? 'invalid';
  const keys = (error: FieldError): string[] => [
    ...(translations
      ? [`${translations}.errors.${error.field}.${code(error)}`, `${translations}.errors.${code(error)}`]
      : []),
    `common.errors.${code(error)}`,
  ];
  const view = errorView(errors, {
    ...links,
    message: (error) => t(keys(error), { defaultValue: error.message, field: error.field }),
  });
  const prefix = t('common.errorPrefix');
  for (const message of Object.values(view.fieldErrors)) message.visuallyHiddenText = prefix;
  return view;
}
