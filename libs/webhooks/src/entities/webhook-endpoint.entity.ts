import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An integrator's receiving URL and the events it takes. Its secret signs every delivery; it is shown
 * once, when the endpoint is registered, and kept here because signing needs it (HMAC is symmetric).
 */
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  /** What it is for ("Finance system"); shown to admins. */
  @Column({ type: 'varchar', length: 200, default: '' })
  description!: string;

  /** Event types (WEBHOOK_EVENTS) delivered to it. */
  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'text' })
  secret!: string;

  /** A paused endpoint gets no new deliveries; those already recorded still run. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The admin who registered it. */
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
