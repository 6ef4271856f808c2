import { AuditContext, AuditLogService } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { NotFoundError } from '@app/errors';
import type { Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { endpointUrlProblem } from './domain/endpoint-url';
import type { WebhookEventType } from './domain/webhook-events';
import { newWebhookSecret } from './domain/webhook-signature';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { endpointUrlRefused } from './webhooks.errors';

export interface EndpointInput {
  url: string;
  events: WebhookEventType[];
  description?: string;
}

export interface EndpointChange {
  url?: string;
  events?: WebhookEventType[];
  description?: string;
  active?: boolean;
}

/** What audit rows and answers show of an endpoint: everything but its secret. */
export type EndpointView = Omit<WebhookEndpoint, 'secret'>;

export function endpointView(endpoint: WebhookEndpoint): EndpointView {
  const { secret: _secret, ...view } = endpoint;
  return view;
}

const audited = (e: Pick<WebhookEndpoint, 'url' | 'events' | 'description' | 'active'>) => ({
  url: e.url,
  events: [...e.events],
  description: e.description,
  active: e.active,
});

/** Admins register, change and remove integrators' endpoints; every change writes an audit row. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  /** Registers an endpoint; its secret is returned this once (answers never show it again). */
  async register(
    input: EndpointInput,
    actor: Pick<Actor, 'id'>,
    context: AuditContext,
  ): Promise<{ endpoint: EndpointView; secret: string }> {
    this.checkUrl(input.url);
    const secret = newWebhookSecret();
    return this.uow.run(async (m) => {
      const endpoint = await m.save(
        m.create(WebhookEndpoint, {
          url: input.url,
          events: [...new Set(input.events)],
          description: input.description?.trim() ?? '',
          secret,
          active: true,
          createdById: actor.id,
        }),
      );
      await this.audit.record(m, {
        action: 'webhook.endpoint_registered',
        entityType: 'webhook_endpoint',
        entityId: endpoint.id,
        after: audited(endpoint),
        context,
      });
      return { endpoint: endpointView(endpoint), secret };
    });
  }

  async update(id: string, change: EndpointChange, context: AuditContext): Promise<EndpointView> {
    if (change.url !== undefined) this.checkUrl(change.url);
    return this.uow.run(async (m) => {
      const endpoint = await m.findOne(WebhookEndpoint, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!endpoint) throw new NotFoundError('webhook_endpoint', id);
      const before = audited(endpoint);
      if (change.url !== undefined) endpoint.url = change.url;
      if (change.events !== undefined) endpoint.events = [...new Set(change.events)];
      if (change.description !== undefined) endpoint.description = change.description.trim();
      if (change.active !== undefined) endpoint.active = change.active;
      await m.save(endpoint);
      await this.audit.record(m, {
        action: 'webhook.endpoint_updated',
        entityType: 'webhook_endpoint',
        entityId: id,
        before,
        after: audited(endpoint),
        context,
      });
      return endpointView(endpoint);
    });
  }

  /** Removes the endpoint and its delivery history; jobs still queued for it find nothing and stop. */
  async remove(id: string, context: AuditContext): Promise<void> {
    await this.uow.run(async (m) => {
      const endpoint = await m.findOne(WebhookEndpoint, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!endpoint) throw new NotFoundError('webhook_endpoint', id);
      await m.delete(WebhookEndpoint, { id });
      await this.audit.record(m, {
        action: 'webhook.endpoint_deleted',
        entityType: 'webhook_endpoint',
        entityId: id,
        before: audited(endpoint),
        context,
      });
    });
  }

  async list(): Promise<EndpointView[]> {
    const rows = await this.uow.run((m) =>
      m.find(WebhookEndpoint, { order: { createdAt: 'ASC', id: 'ASC' } }),
    );
    return rows.map(endpointView);
  }

  async find(id: string): Promise<EndpointView> {
    const endpoint = await this.uow.run((m) => m.findOne(WebhookEndpoint, { where: { id } }));
    if (!endpoint) throw new NotFoundError('webhook_endpoint', id);
    return endpointView(endpoint);
  }

  private checkUrl(url: string): void {
    const problem = endpointUrlProblem(url, this.config.isProduction);
    if (problem) throw endpointUrlRefused(problem);
  }
}
