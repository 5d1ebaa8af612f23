import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AppUser } from '../identity/app-user.entity.js';

/** An integrator's endpoint that receives every new adoption event, signed with `secret`. */
@Entity({ name: 'webhook_subscription' })
@Check('ck_webhook_subscription_url', `url ~ '^https?://'`)
@Index('ix_webhook_subscription_user_id', ['userId'])
export class WebhookSubscription {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_webhook_subscription',
  })
  id: number;

  @Column({ type: 'integer', name: 'user_id' })
  userId: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_webhook_subscription_user_id' })
  user: Relation<AppUser>;

  @Column({ type: 'text' })
  url: string;

  /** The HMAC key; shown to the holder once, never again. */
  @Column({ type: 'text' })
  secret: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'boolean', name: 'is_active', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
