import { AuditContext, AuditLogService } from '@app/audit-log';
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { ApiTokenCache } from './api-token-cache';
import { ApiToken } from './entities/api-token.entity';
import { User } from './entities/user.entity';

export const TOKEN_LIFETIME_DAYS = 30;
const TOKEN_PREFIX = 'sme_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
    @Optional() private readonly cache?: ApiTokenCache,
  ) {}

  /** Mints an opaque token (256 random bits); only its hash is kept, so it is shown exactly once. */
  async issue(
    manager: EntityManager,
    userId: string,
    context: AuditContext,
  ): Promise<{ token: string; expiresAt: Date; id: string }> {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_DAYS * 24 * 3600 * 1000);
    const row = manager.create(ApiToken, { userId, tokenHash: hashToken(token), expiresAt, revokedAt: null });
    await manager.insert(ApiToken, row);
    await this.audit.record(manager, {
      action: 'api_token.issued',
      entityType: 'api_token',
      entityId: row.id,
      after: { userId, expiresAt },
      context,
    });
    return { token, expiresAt, id: row.id };
  }

  /**
   * The active user behind a live token, or null (unknown, expired, revoked, or user deactivated). A live
   * token's lookup is cached for a few seconds (ApiTokenCache); revocations drop it at once.
   */
  async authenticate(token: string): Promise<{ user: User; tokenId: string } | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const cached = this.cache?.get(tokenHash);
    if (cached) return { user: cached.user, tokenId: cached.tokenId };
    const row = await this.dataSource.getRepository(ApiToken).findOne({
      where: { tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      relations: { user: true },
    });
    if (!row?.user?.active) return null;
    this.cache?.set(tokenHash, { user: row.user, tokenId: row.id, expiresAt: row.expiresAt });
    return { user: row.user, tokenId: row.id };
  }

  /** Revokes the token presented (sign-out for API clients). */
  async revoke(manager: EntityManager, token: string, context: AuditContext): Promise<boolean> {
    const row = await manager.findOne(ApiToken, {
      where: { tokenHash: hashToken(token), revokedAt: IsNull() },
    });
    if (!row) return false;
    await manager.update(ApiToken, { id: row.id }, { revokedAt: new Date() });
    await this.cache?.revoked({ tokenHash: row.tokenHash });
    await this.audit.record(manager, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: row.id,
      before: { revoked: false },
      after: { revoked: true },
      context,
    });
    return true;
  }
}
