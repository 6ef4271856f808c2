import { CaseOwnedRecord } from '@app/cases';
import { Db } from '@app/database';
import { ExportOpportunity } from '@app/opportunities';
import { Entity, Index } from 'typeorm';
import type { OutcomeKind } from '../domain/outcome-kinds';

/** A result the programme claims: an order, a market entered, a partner signed, a win, a visit. */
@Entity('export_outcomes')
@Index('ix_export_outcomes_case_date', ['caseId', 'occurredOn'])
@Index('uq_export_outcomes_case_idempotency', ['caseId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class ExportOutcome extends CaseOwnedRecord('fk_export_outcomes_case') {
  @Db.Text() kind!: OutcomeKind;

  /** The export opportunity of the same case this outcome came from, if the adviser names one. */
  @Db.Uuid({ nullable: true }) opportunityId!: string | null;

  @Db.References(() => ExportOpportunity, { fk: 'fk_export_outcomes_opportunity', onDelete: 'SET NULL' })
  opportunity?: ExportOpportunity;

  /** Market, ISO 3166-1 alpha-2. */
  @Db.Char({ length: 2, nullable: true }) country!: string | null;

  /** Integer minor units of `currency` (ISO 4217). */
  @Db.Bigint({ nullable: true, transformer: Db.asNumber }) valueMinor!: number | null;

  @Db.Char({ length: 3, nullable: true }) currency!: string | null;

  /** The day it happened (a date, in the programme's time zone). */
  @Db.Date() occurredOn!: string;

  /** Confirmed by the SME (an adviser may record a win the SME has not confirmed yet). */
  @Db.Boolean({ default: false }) confirmed!: boolean;

  @Db.Text({ nullable: true }) note!: string | null;

  @Db.Uuid({ nullable: true }) recordedById!: string | null;

  /** The client's Idempotency-Key: a retried POST finds this row instead of recording the outcome twice. */
  @Db.Text({ nullable: true }) idempotencyKey!: string | null;

  @Db.CreatedAt() createdAt!: Date;
}
