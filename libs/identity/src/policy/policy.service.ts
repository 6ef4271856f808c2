import { AuditContext, AuditLogService } from '@app/audit-log';
import { NotFoundError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../actor';
import type { Role } from '../role';

/**
 * What a domain lib tells the policy about a record: facts, never its entity, so identity knows no
 * domain tables (`type` is the record's audit entity type, e.g. `case`, `training_booking`).
 * - `case`: a case, or a record of one (readiness audit, recommendation, outcome, training booking and its
 *   certificate): the facts of its case. `ownerIds` are the SME accounts it belongs to (the SME whose
 *   enrolment opened it: after a merge, another SME of the same company does not own it); `region` is the
 *   company's region.
 * - `application`: an SME's enrolment or company before and beside its case, reviewed by officers and
 *   admins (the enrolment review queue).
 * - `personal`: something one person made for themselves (a report export): theirs alone, whatever the role.
 * - `account`: a user account, managed by admins.
 * - `company`: a company record seen whole (its identity, contacts, every case): staff only. `adviserIds` are
 *   the advisers of its cases and the one who recorded it; `region` is its region.
 */
export type Resource =
  | {
      kind: 'case';
      type: string;
      id: string;
      /** Empty when not looked up: only an SME's answer turns on it (see CaseAccessService). */
      ownerIds: readonly string[];
      assignedAdviserId: string | null;
      region: string | null;
    }
  | { kind: 'application'; type: string; id: string; ownerId: string | null }
  | { kind: 'personal'; type: string; id: string; ownerId: string }
  | { kind: 'account'; type: string; id: string }
  | { kind: 'company'; type: string; id: string; adviserIds: readonly string[]; region: string | null };

/**
 * What the actor wants to do with the record:
 * - `see`: read it;
 * - `own`: what only its SME (or, for an account or an export, its person) does: edit the enrolment, fill
 *   in the self-assessment, rate a training module;
 * - `work`: what staff do on records they work: change a case (its assigned adviser, officers), review an
 *   enrolment (officers, admins);
 * - `act`: either of those: an SME books training on its own case, its adviser books on its behalf.
 * Everyone who may `own` or `work` a record may `see` it.
 */
export type Intent = 'see' | 'own' | 'work' | 'act';

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
  'enrolments.review': ['officer', 'admin'],
  'companies.search': ['adviser', 'officer'],
  'companies.create': ['adviser', 'officer'],
  'companies.merge': ['officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

/** Who is asking, as far as the policy cares (an Actor fits; so does a domain's own acting-user type). */
export type Asking = Pick<Actor, 'id' | 'role'>;

export interface PolicyOptions {
  /** Regions an officer has widened this adviser's view to (read-only; from the advisers lib). */
  adviserRegions?: readonly string[];
}

/**
 * "May this actor see / act on this record?" for every record kind, in one place: every route (API, page,
 * download, CSV) that names a record asks here, through its lib's loader (`CaseAccessService` for cases and
 * their records). Denials are 404s (NotFoundError) with an `access.denied` audit row, so a caller cannot
 * tell "not yours" from "does not exist". The rule table is in README "Roles and access".
 *
 * Facts only ever widen access (more owners, more regions: more people may see), so a loader may ask
 * first without the facts that cost a query and look them up only when the answer is no.
 */
@Injectable()
export class PolicyService {
  constructor(private readonly audit: AuditLogService) {}

  can(actor: Asking, action: Action): boolean {
    return (ACTIONS[action] as readonly Role[]).includes(actor.role);
  }

  /** The answer, never audited: for pages deciding what to show (a form, a link). */
  allows(actor: Asking, intent: Intent, resource: Resource, options: PolicyOptions = {}): boolean {
    const owns = this.owns(actor, resource);
    const works = this.works(actor, resource);
    switch (intent) {
      case 'own':
        return owns;
      case 'work':
        return works;
      case 'act':
        return owns || works;
      case 'see':
        return owns || works || this.readsOnly(actor, resource, options);
    }
  }

  /** Throws 404, and audits the denial, unless the actor may do this with the record. */
  async assert(
    actor: Asking,
    intent: Intent,
    resource: Resource,
    options: PolicyOptions & { context?: AuditContext } = {},
  ): Promise<void> {
    if (this.allows(actor, intent, resource, options)) return;
    await this.deny(actor, resource, options.context);
  }

  /**
   * The refusal itself: an `access.denied` row (written outside the caller's transaction, which the 404
   * rolls back) with the caller's role, then "not found".
   */
  async deny(actor: Asking, resource: Pick<Resource, 'type' | 'id'>, context?: AuditContext): Promise<never> {
    await this.audit.recordDenial({
      entityType: resource.type,
      entityId: resource.id,
      after: { role: actor.role },
      context: context ?? { actorId: actor.id },
    });
    throw new NotFoundError(resource.type, resource.id);
  }

  /** The record's own side: its SME, or the one person a personal record or account belongs to. */
  private owns(actor: Asking, resource: Resource): boolean {
    switch (resource.kind) {
      case 'case':
        return actor.role === 'sme' && resource.ownerIds.includes(actor.id);
      case 'application':
        return actor.role === 'sme' && resource.ownerId === actor.id;
      case 'personal':
        return resource.ownerId === actor.id;
      case 'account':
        return resource.id === actor.id;
      case 'company':
        return false;
    }
  }

  /** Staff who work the record: a case's assigned adviser and officers; officers and admins review
   * applications; admins manage accounts. Admins run accounts and queues, not cases. */
  private works(actor: Asking, resource: Resource): boolean {
    switch (resource.kind) {
      case 'case':
        return (
          actor.role === 'officer' || (actor.role === 'adviser' && resource.assignedAdviserId === actor.id)
        );
      case 'application':
        return this.can(actor, 'enrolments.review');
      case 'personal':
        return false;
      case 'account':
        return actor.role === 'admin';
      case 'company':
        return (
          actor.role === 'officer' || (actor.role === 'adviser' && resource.adviserIds.includes(actor.id))
        );
    }
  }

  /** Who may read without working: an adviser an officer let see the case's region. */
  private readsOnly(actor: Asking, resource: Resource, options: PolicyOptions): boolean {
    return (
      (resource.kind === 'case' || resource.kind === 'company') &&
      actor.role === 'adviser' &&
      Boolean(resource.region && options.adviserRegions?.includes(resource.region))
    );
  }
}
