import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { AppUser } from './app-user.entity.js';

export const API_SCOPES = ['READ', 'WRITE_ADOPTIONS', 'WRITE_COMPLIANCE'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** An integrator token: only a SHA-256 of the secret is kept; `prefix` lets its holder recognise it. */
@Entity({ name: 'api_token' })
@Unique('uq_api_token_token_hash', ['tokenHash'])
@Check(
  'ck_api_token_scopes',
  `cardinality(scopes) > 0 AND scopes <@ ARRAY['READ', 'WRITE_ADOPTIONS', 'WRITE_COMPLIANCE']::text[]`,
)
@Index('ix_api_token_user_id', ['userId'])
export class ApiToken {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_api_token',
  })
  id: number;

  @Column({ type: 'integer', name: 'user_id' })
  userId: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_token_user_id' })
  user: Relation<AppUser>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  prefix: string;

  /** Never leaves the server. */
  @Column({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'text', array: true })
  scopes: ApiScope[];

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}
