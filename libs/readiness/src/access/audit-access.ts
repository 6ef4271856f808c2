import { CaseAccessService, type CaseFacts } from '@app/advisers';
import type { AuditContext } from '@app/audit-log';
import { PolicyService, type Actor, type Intent, type Resource } from '@app/identity';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditKind, ReadinessAudit } from '../entities/readiness-audit.entity';

/**
 * What one person may do with one case's audits, as PolicyService answers on the case's facts:
 * - the side they work on: the SME (`own`) its self-assessment, staff who work the case the adviser audit;
 * - editing: only an audit's own side edits it (a self-assessment is `own`, an adviser audit `work`);
 * - seeing: everyone who sees the case sees its audits, except that an adviser audit is not the SME's
 *   until it is submitted (a draft of staff's work has no SME among its owners).
 */
export class CaseAudits {
  constructor(
    private readonly policy: PolicyService,
    private readonly actor: Actor,
    readonly facts: CaseFacts,
  ) {}

  /** The kind of audit this person's side fills in on the case. */
  get side(): AuditKind {
    return this.policy.allows(this.actor, 'own', this.facts.resource) ? 'self' : 'adviser';
  }

  maySee(audit: ReadinessAudit): boolean {
    return this.policy.allows(this.actor, 'see', this.resourceOf(audit), {
      adviserRegions: this.facts.adviserRegions,
    });
  }

  /** 404, and an audited denial, unless this person may see the audit. */
  assertVisible(audit: ReadinessAudit, context: AuditContext): Promise<void> {
    return this.policy.assert(this.actor, 'see', this.resourceOf(audit), {
      adviserRegions: this.facts.adviserRegions,
      context,
    });
  }

  /** 404, and an audited denial, unless the audit is this person's side's to edit. */
  assertEditable(audit: ReadinessAudit, context: AuditContext): Promise<void> {
    const intent: Intent = audit.kind === 'self' ? 'own' : 'work';
    return this.policy.assert(this.actor, intent, this.resourceOf(audit), { context });
  }

  private resourceOf(audit: ReadinessAudit): Resource {
    const staffDraft = audit.kind === 'adviser' && audit.status !== 'submitted';
    return {
      ...this.facts.resource,
      type: 'readiness_audit',
      id: audit.id,
      ownerIds: staffDraft ? [] : this.facts.resource.ownerIds,
    };
  }
}

/** The case (404 unless the actor may do `intent` with it) and what the actor may do with its audits. */
@Injectable()
export class AuditAccess {
  constructor(
    private readonly cases: CaseAccessService,
    private readonly policy: PolicyService,
  ) {}

  async on(actor: Actor, intent: Intent, caseId: string, manager?: EntityManager): Promise<CaseAudits> {
    return new CaseAudits(this.policy, actor, await this.cases.findWithFacts(actor, intent, caseId, manager));
  }
}
