import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AdoptionEvent } from '../adoption/adoption-event.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** The outbox: one delivery of one event to one subscription, retried until it succeeds. */
@Entity({ name: 'webhook_delivery' })
@Index('ix_webhook_delivery_pending', ['deliveredAt', 'nextAttemptAt'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_webhook_delivery',
  })
  id: string;

  @Column({ type: 'integer', name: 'subscription_id' })
  subscriptionId: number;

  @ManyToOne(() => WebhookSubscription, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'fk_webhook_delivery_subscription_id' })
  subscription: Relation<WebhookSubscription>;

  @Column({ type: 'bigint', name: 'event_id' })
  eventId: string;

  @ManyToOne(() => AdoptionEvent, { nullable: false })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_webhook_delivery_event_id' })
  event: Relation<AdoptionEvent>;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'integer', name: 'last_status', nullable: true })
  lastStatus: number | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
