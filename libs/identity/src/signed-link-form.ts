import type { AuditContext } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { submitForm, type ErrorView } from '@app/web';
import type { Request, Response } from 'express';
import { csrfTokenFor } from './csrf';

/** What a signed link opens: the record behind it and where it stands. */
export interface OpenedLink {
  state: 'open' | 'answered' | 'expired' | string;
}

/** What is shown again, and with which status. */
export interface LinkPageState {
  status: number;
  values?: Record<string, unknown>;
  errors?: ErrorView;
}

/** One kind of emailed link that needs no sign-in and carries one form (a survey, a win to confirm, …). */
export interface SignedLinkForm<O extends OpenedLink, D extends object> {
  /** The record a token opens; null for a token that is not ours (made up, altered, replaced). */
  open(token: string): Promise<O | null>;
  /** The record's kind, for the not-found page. */
  entity: string;
  /** The page's template and the key of its title under `<titles>.<state>`. */
  view: string;
  titles: string;
  /** The DTO the answer is checked against, the fields taken from the posted form, and the change. */
  dto: new () => D;
  fields?: (body: Record<string, unknown>) => Record<string, unknown>;
  answer: (opened: O, value: D, context: AuditContext, token: string) => Promise<unknown>;
  /** Where the page lives (the answer redirects back to it). */
  path: (token: string) => string;
  /** The translations its errors are worded from. */
  translations: string;
  /** The status of a post to a link already answered: 409, or 200 where a second click is expected. */
  answeredStatus: number;
  /** The record's own part of the page. */
  model: (opened: O, res: Response) => Record<string, unknown>;
}

/**
 * The page cycle every emailed link shares: no sign-in (the signed token is the credential), CSRF by the
 * signed double-submit cookie of signed-out forms, "not found" for a token that is not ours, 410 for an
 * expired one, the answer counted once, and the GOV.UK error summary on a wrong answer.
 */
export class SignedLinkPages<O extends OpenedLink, D extends object> {
  constructor(private readonly form: SignedLinkForm<O, D>) {}

  async show(token: string, req: Request, res: Response, values?: Record<string, unknown>): Promise<void> {
    const opened = await this.find(token);
    this.render(req, res, token, opened, { status: opened.state === 'expired' ? 410 : 200, values });
  }

  async answer(
    token: string,
    body: Record<string, unknown>,
    context: AuditContext,
    req: Request,
    res: Response,
  ): Promise<void> {
    const opened = await this.find(token);
    if (opened.state !== 'open') {
      const status = opened.state === 'expired' ? 410 : this.form.answeredStatus;
      return this.render(req, res, token, opened, { status });
    }
    await submitForm(res, {
      dto: this.form.dto,
      fields: this.form.fields ? this.form.fields(body) : body,
      run: (value) => this.form.answer(opened, value, context, token),
      redirect: () => this.form.path(token),
      again: async (status, errors) => {
        const now = status === 400 ? opened : await this.find(token);
        this.render(req, res, token, now, { status, values: body, errors });
      },
      errors: { translations: this.form.translations },
    });
  }

  private async find(token: string): Promise<O> {
    const opened = await this.form.open(token);
    if (!opened) throw new NotFoundError(this.form.entity);
    return opened;
  }

  private render(req: Request, res: Response, token: string, opened: O, state: LinkPageState): void {
    res.status(state.status).render(this.form.view, {
      pageTitle: res.locals.t(`${this.form.titles}.${opened.state}`),
      state: opened.state,
      token,
      csrfToken: csrfTokenFor(req),
      values: state.values ?? {},
      ...this.form.model(opened, res),
      ...(state.errors ?? { errorSummary: [], fieldErrors: {} }),
    });
  }
}
