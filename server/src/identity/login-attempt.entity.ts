import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One password sign-in attempt; failures per email + IP in a window drive the rate limit. */
@Entity({ name: 'login_attempt' })
@Index('ix_login_attempt_email_ip', ['email', 'ip', 'attemptedAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_login_attempt',
  })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'timestamptz', name: 'attempted_at', default: () => 'now()' })
  attemptedAt: Date;

  @Column({ type: 'boolean' })
  succeeded: boolean;
}
