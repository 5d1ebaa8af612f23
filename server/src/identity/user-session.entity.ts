import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { AppUser } from './app-user.entity.js';

/** A signed-in browser session; only a hash of the cookie's token is kept. */
@Entity({ name: 'user_session' })
@Unique('uq_user_session_token_hash', ['tokenHash'])
@Index('ix_user_session_user_id', ['userId'])
export class UserSession {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_user_session',
  })
  id: number;

  /** Never leaves the server. */
  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'integer', name: 'user_id' })
  userId: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_session_user_id' })
  user: Relation<AppUser>;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt: Date;
}
