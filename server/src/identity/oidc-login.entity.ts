import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A sign-in started at /auth/oidc/login, awaiting its callback (PKCE verifier and nonce). */
@Entity({ name: 'oidc_login' })
export class OidcLogin {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_oidc_login' })
  state: string;

  @Column({ type: 'text', name: 'code_verifier' })
  codeVerifier: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
