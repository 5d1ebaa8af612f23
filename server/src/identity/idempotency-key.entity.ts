import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first result of a mutation sent with an `Idempotency-Key` header, per actor and key. */
@Entity({ name: 'idempotency_key' })
@Index('ix_idempotency_key_created_at', ['createdAt'])
export class IdempotencyKey {
  /** `user:<id>` or `token:<id>`: keys are scoped to whoever sent them. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  actor: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  key: string;

  /** SHA-256 of the mutation name and its canonical arguments. */
  @Column({ type: 'text', name: 'request_hash' })
  requestHash: string;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
