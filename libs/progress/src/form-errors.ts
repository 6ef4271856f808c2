import type { FieldError } from '@app/errors';
import { errorView, type ErrorView } from '@app/web';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The GOV.UK error view with each message translated as `<prefix>.errors.<field>.<code>`, else the validator's. */
export function translatedErrorView(errors: readonly FieldError[], t: Translate, prefix: string): ErrorView {
  return errorView(errors, (error) =>
    t(`${prefix}.errors.${error.field}.${error.code ?? 'invalid'}`, { defaultValue: error.message }),
  );
}
