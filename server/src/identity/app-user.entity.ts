import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A person who signs in, with a password or through OIDC. */
@Entity({ name: 'app_user' })
@Unique('uq_app_user_email', ['email'])
@Unique('uq_app_user_oidc', ['oidcIssuer', 'oidcSubject'])
@Check('ck_app_user_email', `email = lower(email) AND email LIKE '%_@_%'`)
@Check('ck_app_user_oidc', `(oidc_issuer IS NULL) = (oidc_subject IS NULL)`)
export class AppUser {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_app_user',
  })
  id: number;

  /** Always lower case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName: string;

  /** Never leaves the server. */
  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text', name: 'oidc_issuer', nullable: true })
  oidcIssuer: string | null;

  @Column({ type: 'text', name: 'oidc_subject', nullable: true })
  oidcSubject: string | null;

  @Column({ type: 'boolean', name: 'is_active', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
