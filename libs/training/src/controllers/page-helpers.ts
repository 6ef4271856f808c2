import { DomainError, type FieldError } from '@app/errors';
import { csrfTokenFor } from '@app/identity';
import { errorView as sharedErrorView } from '@app/web';
import type { Request, Response } from 'express';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** GOV.UK error summary and per-field messages, translated under `training.errors`. */
export function errorView(
  res: Response,
  errors: readonly FieldError[],
  general?: DomainError,
): { errorSummary: { text: string; href: string }[]; fieldErrors: Record<string, { text: string }> } {
  const t = res.locals.t as Translate;
  const { errorSummary, fieldErrors } = sharedErrorView(errors, (error) =>
    t(`training.errors.${error.code ?? 'invalid'}`, { defaultValue: error.message }),
  );
  if (general && errorSummary.length === 0)
    errorSummary.push({
      text: t(`training.errors.${general.code}`, { defaultValue: general.message }),
      href: '#main-content',
    });
  return { errorSummary, fieldErrors };
}

/** Runs a page action; a rule refusal (4xx DomainError) comes back for the page to show, anything else throws. */
export async function attempt<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError && error.status < 500 && error.status !== 404)
      return { ok: false, error };
    throw error;
  }
}

export function pageBase(req: Request, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { csrfToken: csrfTokenFor(req), ...extra };
}
