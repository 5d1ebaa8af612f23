import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApiToken } from '../identity/api-token.entity.js';
import { AppUser } from '../identity/app-user.entity.js';

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who changed what, with the row before and after (JSON). */
@Entity({ name: 'audit_log' })
@Check('ck_audit_log_action', `action IN ('CREATE', 'UPDATE', 'DELETE')`)
@Index('ix_audit_log_entity', ['entityType', 'entityId', 'occurredAt'])
export class AuditLog {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_audit_log',
  })
  id: string;

  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'integer', name: 'actor_user_id', nullable: true })
  actorUserId: number | null;

  @ManyToOne(() => AppUser, { nullable: true })
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'fk_audit_log_actor_user_id' })
  actorUser: Relation<AppUser> | null;

  @Column({ type: 'integer', name: 'actor_token_id', nullable: true })
  actorTokenId: number | null;

  @ManyToOne(() => ApiToken, { nullable: true })
  @JoinColumn({ name: 'actor_token_id', foreignKeyConstraintName: 'fk_audit_log_actor_token_id' })
  actorToken: Relation<ApiToken> | null;

  @Column({ type: 'text', name: 'request_id', nullable: true })
  requestId: string | null;

  @Column({ type: 'text' })
  action: AuditAction;

  /** The table name, e.g. `adoption`. */
  @Column({ type: 'text', name: 'entity_type' })
  entityType: string;

  /** The row's key, as text. */
  @Column({ type: 'text', name: 'entity_id' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
