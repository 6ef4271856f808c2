import { Db } from '@app/database';
import { Entity } from 'typeorm';

/**
 * An integrator's receiving URL and the events it takes. Its secret signs every delivery; it is shown
 * once, when the endpoint is registered, and kept here because signing needs it (HMAC is symmetric).
 */
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @Db.UuidPrimaryKey() id!: string;

  @Db.Text() url!: string;

  /** What it is for ("Finance system"); shown to admins. */
  @Db.Varchar({ length: 200, default: '' }) description!: string;

  /** Event types (WEBHOOK_EVENTS) delivered to it. */
  @Db.Text({ array: true }) events!: string[];

  @Db.Text() secret!: string;

  /** A paused endpoint gets no new deliveries; those already recorded still run. */
  @Db.Boolean({ default: true }) active!: boolean;

  /** The admin who registered it. */
  @Db.Uuid({ nullable: true }) createdById!: string | null;

  @Db.CreatedAt() createdAt!: Date;

  @Db.UpdatedAt() updatedAt!: Date;
}
