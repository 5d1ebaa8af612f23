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
import type { Provenance } from '../adoption/adoption-event.entity.js';
import { Municipality } from '../geography/municipality.entity.js';
import { AppUser } from '../identity/app-user.entity.js';
import { Standard } from './standard.entity.js';

export const COMPLIANCE_STATUSES = ['COMPLIANT', 'PARTIAL', 'PLANNED', 'EXPLAINED', 'NOT_COMPLIANT'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/**
 * A municipality's current declaration about one standard. EXPLAINED needs an explanation and
 * PLANNED a deadline; the database enforces both.
 */
@Entity({ name: 'standard_compliance' })
@Unique('uq_standard_compliance', ['municipalityId', 'standardId'])
@Check('ck_standard_compliance_status', `status IN ('COMPLIANT', 'PARTIAL', 'PLANNED', 'EXPLAINED', 'NOT_COMPLIANT')`)
@Check(
  'ck_standard_compliance_provenance',
  `provenance IN ('SELF_DECLARED', 'SUPPLIER_DECLARED', 'COOPERATION_DECLARED', 'VERIFIED', 'IMPORTED', 'INHERITED')`,
)
@Check('ck_standard_compliance_explained', `status <> 'EXPLAINED' OR length(btrim(coalesce(explanation, ''))) > 0`)
@Check('ck_standard_compliance_planned', `status <> 'PLANNED' OR deadline IS NOT NULL`)
@Index('ix_standard_compliance_standard_id', ['standardId', 'status'])
export class StandardCompliance {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_standard_compliance',
  })
  id: number;

  @Column({ type: 'integer', name: 'municipality_id' })
  municipalityId: number;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_standard_compliance_municipality_id' })
  municipality: Relation<Municipality>;

  @Column({ type: 'integer', name: 'standard_id' })
  standardId: number;

  @ManyToOne(() => Standard, { nullable: false })
  @JoinColumn({ name: 'standard_id', foreignKeyConstraintName: 'fk_standard_compliance_standard_id' })
  standard: Relation<Standard>;

  @Column({ type: 'text' })
  status: ComplianceStatus;

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'timestamptz', name: 'declared_at', default: () => 'now()' })
  declaredAt: Date;

  @Column({ type: 'integer', name: 'declared_by_user_id', nullable: true })
  declaredByUserId: number | null;

  @ManyToOne(() => AppUser, { nullable: true })
  @JoinColumn({ name: 'declared_by_user_id', foreignKeyConstraintName: 'fk_standard_compliance_declared_by_user_id' })
  declaredByUser: Relation<AppUser> | null;

  @Column({ type: 'text' })
  provenance: Provenance;

  @Column({ type: 'timestamptz', name: 'last_confirmed_at', default: () => 'now()' })
  lastConfirmedAt: Date;

  @Column({ type: 'boolean', name: 'is_demo', default: false })
  isDemo: boolean;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
