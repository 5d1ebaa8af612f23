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
import { Municipality } from '../geography/municipality.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { AppUser } from './app-user.entity.js';

export const ROLES = ['ADMIN', 'EDITOR', 'COOPERATION_EDITOR', 'SUPPLIER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** A role of a user: EDITOR for a municipality, COOPERATION_EDITOR or SUPPLIER for an organisation. */
@Entity({ name: 'user_role' })
// In the database this unique is NULLS NOT DISTINCT, which TypeORM cannot express; it compares
// uniques by name only, so the diff stays empty.
@Unique('uq_user_role', ['userId', 'role', 'municipalityId', 'organisationId'])
@Check('ck_user_role_role', `role IN ('ADMIN', 'EDITOR', 'COOPERATION_EDITOR', 'SUPPLIER', 'VIEWER')`)
@Check(
  'ck_user_role_target',
  `(role = 'EDITOR' AND municipality_id IS NOT NULL AND organisation_id IS NULL) OR ` +
    `(role IN ('COOPERATION_EDITOR', 'SUPPLIER') AND organisation_id IS NOT NULL AND municipality_id IS NULL) OR ` +
    `(role IN ('ADMIN', 'VIEWER') AND municipality_id IS NULL AND organisation_id IS NULL)`,
)
@Index('ix_user_role_user_id', ['userId'])
export class UserRole {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_user_role',
  })
  id: number;

  @Column({ type: 'integer', name: 'user_id' })
  userId: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_role_user_id' })
  user: Relation<AppUser>;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'integer', name: 'municipality_id', nullable: true })
  municipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_user_role_municipality_id' })
  municipality: Relation<Municipality> | null;

  @Column({ type: 'integer', name: 'organisation_id', nullable: true })
  organisationId: number | null;

  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_user_role_organisation_id' })
  organisation: Relation<Organisation> | null;

  @Column({ type: 'timestamptz', name: 'granted_at', default: () => 'now()' })
  grantedAt: Date;
}
