import { auditContextFrom, AuditLogService } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../actor';
import type { Role } from '../role';

/**
 * What a domain lib tells the policy about a record, without the policy knowing its tables:
 * - `sme-owned`: belongs to one SME account (company, enrolment, case, audits, training, outcomes);
 *   `adviserIds` are the advisers whose caseload it is on, `region` the company's region.
 * - `case-note`: an adviser's notes on a case: as `sme-owned` minus the SME and minus admins.
 * - `account`: a user account (admins manage them; everyone sees their own).
 */
export type Resource =
  | {
      kind: 'sme-owned';
      type: string;
      id: string;
      ownerId: string;
      adviserIds?: string[];
      region?: string | null;
    }
  | {
      kind: 'case-note';
      type: string;
      id: string;
      ownerId: string;
      adviserIds?: string[];
      region?: string | null;
    }
  | { kind: 'account'; type: string; id: string };

/** Things that are not about one record. */
export const ACTIONS = {
  'cases.view-all': ['officer'],
  'cases.assign': ['officer'],
  'advisers.manage': ['officer'],
  'rules.manage': ['officer'],
  'reports.export': ['officer'],
  'audit.read': ['officer', 'admin'],
  'accounts.manage': ['admin'],
  'queues.manage': ['admin'],
  'enrolment.create': ['sme'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

export interface PolicyOptions {
  /** Regions an officer has widened this adviser's view to (from the advisers lib). */
  adviserRegions?: readonly string[];
}

/**
 * "May this actor see/change this record?" in one place. Denials are 404s (NotFoundError), so a
 * caller cannot tell "not yours" from "does not exist". The rule table is in README "Roles and access".
 */
@Injectable()
export class PolicyService {
  constructor(private readonly audit: AuditLogService) {}

  can(actor: Actor, action: Action): boolean {
    return (ACTIONS[action] as readonly Role[]).includes(actor.role);
  }

  /** See and edit are the same rule here: nobody may edit a record they may not see, and everyone
   * who may see one of these records may work on it within their role. */
  canSee(actor: Actor, resource: Resource, options: PolicyOptions = {}): boolean {
    switch (resource.kind) {
      case 'account':
        return actor.role === 'admin' || resource.id === actor.id;
      case 'sme-owned':
      case 'case-note': {
        if (actor.role === 'officer') return true;
        if (actor.role === 'sme') return resource.kind === 'sme-owned' && resource.ownerId === actor.id;
        if (actor.role === 'adviser') {
          if (resource.adviserIds?.includes(actor.id)) return true;
          return Boolean(resource.region && options.adviserRegions?.includes(resource.region));
        }
        return false; // admin: accounts and queues, not case records
      }
    }
  }

  /** Throws 404 (and audits the denial when a request is given) unless the actor may see the record. */
  async assertCanSee(
    actor: Actor,
    resource: Resource,
    req?: Request,
    options: PolicyOptions = {},
  ): Promise<void> {
    if (this.canSee(actor, resource, options)) return;
    await this.recordDenial(actor, `${resource.type}`, resource.id, req);
    throw new NotFoundError(resource.type, resource.id);
  }

  /** Throws 404 unless the actor's role may do the action. */
  async assertCan(actor: Actor, action: Action, req?: Request): Promise<void> {
    if (this.can(actor, action)) return;
    await this.recordDenial(actor, 'action', action, req);
    throw new NotFoundError('resource');
  }

  private recordDenial(actor: Actor, entityType: string, entityId: string, req?: Request): Promise<void> {
    return this.audit.recordDenial({
      entityType,
      entityId,
      after: { role: actor.role },
      context: req ? auditContextFrom(req) : { actorId: actor.id },
    });
  }
}
