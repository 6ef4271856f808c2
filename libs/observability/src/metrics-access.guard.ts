import { AppConfig, networkList } from '@app/config';
import { CanActivate, ExecutionContext, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { BlockList } from 'node:net';
import { isIPv4 } from 'node:net';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * /metrics names queues, routes and error rates: in production only configured scrapers read it — a client
 * address inside METRICS_ALLOWED_NETWORKS, or `Authorization: Bearer <METRICS_TOKEN>`. Anyone else gets the
 * ordinary 404, as if there were no such page. Development and test keep it open for local tools.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly networks: BlockList | null;
  private readonly token: Buffer | null;

  constructor(private readonly config: AppConfig) {
    this.networks = config.METRICS_ALLOWED_NETWORKS ? networkList(config.METRICS_ALLOWED_NETWORKS) : null;
    this.token = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.isProduction) return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (this.fromAllowedNetwork(req.ip) || this.hasToken(req.headers.authorization)) return true;
    throw new NotFoundException();
  }

  private fromAllowedNetwork(ip: string | undefined): boolean {
    if (!this.networks || !ip) return false;
    return this.networks.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
  }

  private hasToken(header: string | undefined): boolean {
    const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    // Digests of equal length, so the comparison takes the same time whatever was sent.
    return Boolean(this.token && given && timingSafeEqual(digest(given), this.token));
  }
}
