import { AuditContext, AuditCtx } from '@app/audit-log';
import { DomainError } from '@app/errors';
import { CurrentUser, Roles, type Actor } from '@app/identity';
import { type ErrorView, pageErrors, RecordIdPipe, submitForm, validateForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { WEBHOOK_EVENTS } from '../domain/webhook-events';
import { CreateWebhookEndpointDto } from '../dto/webhook-endpoint.dto';
import { WebhookDeliveriesService } from '../webhook-deliveries.service';
import { WebhookEndpointsService } from '../webhook-endpoints.service';

const ERRORS = { translations: 'webhooks' };

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Admins' webhooks page: the endpoints, a form to register one (its secret is shown once, on the answer
 * to that form, never again), the latest deliveries with their status, and a replay button on each
 * settled one. The same services as /api/v1/webhooks, so the same rules and audit rows.
 */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/webhooks')
export class WebhooksPagesController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    await this.render(res, 200);
  }

  /** Registers an endpoint and shows its secret on this answer (no redirect: it is never shown again). */
  @Post()
  async register(
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const form = {
      url: text(body.url).trim(),
      description: text(body.description),
      events: list(body.events),
    };
    const { value, errors } = await validateForm(CreateWebhookEndpointDto, form);
    if (errors.length) return this.render(res, 400, form, pageErrors(res, errors, ERRORS));
    try {
      const { endpoint, secret } = await this.endpoints.register(value, actor, context);
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).render('webhooks/registered', { staffPage: true, endpoint, secret });
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 400) throw error;
      await this.render(res, 400, form, pageErrors(res, error.fields, ERRORS));
    }
  }

  @Post(':id/delete')
  remove(
    @Param('id', new RecordIdPipe('webhook_endpoint')) id: string,
    @Res() res: Response,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    return this.act(res, () => this.endpoints.remove(id, context), 'deleted');
  }

  @Post('deliveries/:id/replay')
  replay(
    @Param('id', new RecordIdPipe('webhook_delivery')) id: string,
    @Res() res: Response,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    return this.act(res, () => this.deliveries.replay(id, context), 'replayed');
  }

  /** A button with no fields: run it, then back to the page with its banner (or the refusal shown). */
  private act(res: Response, run: () => Promise<unknown>, banner: 'deleted' | 'replayed'): Promise<void> {
    return submitForm(res, {
      value: {},
      run,
      redirect: () => `/admin/webhooks?${banner}=1`,
      again: (status, errors) => this.render(res, status, undefined, errors),
      errors: ERRORS,
    });
  }

  private async render(
    res: Response,
    status: number,
    form: { url: string; description: string; events: string[] } = { url: '', description: '', events: [] },
    errors?: ErrorView,
  ): Promise<void> {
    const query = res.req.query;
    res.status(status).render('webhooks/index', {
      staffPage: true,
      endpoints: await this.endpoints.list(),
      deliveries: (await this.deliveries.page({ limit: 50 })).items,
      eventTypes: WEBHOOK_EVENTS,
      form,
      replayed: query.replayed === '1',
      deleted: query.deleted === '1',
      ...errors,
    });
  }
}
