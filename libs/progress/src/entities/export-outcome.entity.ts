import { Case } from '@app/cases';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import type { OutcomeKind } from '../domain/outcome-kinds';

const bigintNumber = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/** A result the programme claims: an order, a market entered, a partner signed, a win, a visit. */
@Entity('export_outcomes')
@Index('ix_export_outcomes_case_date', ['caseId', 'occurredOn'])
@Index('uq_export_outcomes_case_idempotency', ['caseId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class ExportOutcome {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_export_outcomes_case' })
  case?: Case;

  @Column({ type: 'text' })
  kind!: OutcomeKind;

  /** Market, ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  /** Integer minor units of `currency` (ISO 4217). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  valueMinor!: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  /** The day it happened (a date, in the programme's time zone). */
  @Column({ type: 'date' })
  occurredOn!: string;

  /** Confirmed by the SME (an adviser may record a win the SME has not confirmed yet). */
  @Column({ type: 'boolean', default: false })
  confirmed!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  /** The client's Idempotency-Key: a retried POST finds this row instead of recording the outcome twice. */
  @Column({ type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
