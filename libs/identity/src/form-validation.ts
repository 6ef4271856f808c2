import type { FieldError } from '@app/errors';
import { errorView as webErrorView, ErrorView } from '@app/web';

export { validateForm } from '@app/web';

type Translate = (key: string, options: { defaultValue: string }) => string;

/** The GOV.UK error view with messages from `identity.errors.<field>.<code>` (the validator's text as fallback). */
export function errorView(errors: readonly FieldError[], translate: Translate): ErrorView {
  return webErrorView(errors, (error) =>
    translate(`identity.errors.${error.field}.${error.code ?? 'invalid'}`, { defaultValue: error.message }),
  );
}
