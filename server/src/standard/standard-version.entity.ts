import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Standard } from './standard.entity.js';

export const STANDARD_VERSION_STATUSES = ['DRAFT', 'CURRENT', 'SUPERSEDED', 'WITHDRAWN'] as const;
export type StandardVersionStatus = (typeof STANDARD_VERSION_STATUSES)[number];

/** A released version of a standard (`version_label` as the standard names it, e.g. "1.2"). */
@Entity({ name: 'standard_version' })
@Unique('uq_standard_version', ['standardId', 'versionLabel'])
@Check('ck_standard_version_status', `status IN ('DRAFT', 'CURRENT', 'SUPERSEDED', 'WITHDRAWN')`)
export class StandardVersion {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_standard_version',
  })
  id: number;

  @Column({ type: 'integer', name: 'standard_id' })
  standardId: number;

  @ManyToOne(() => Standard, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standard_id', foreignKeyConstraintName: 'fk_standard_version_standard_id' })
  standard: Relation<Standard>;

  @Column({ type: 'text', name: 'version_label' })
  versionLabel: string;

  @Column({ type: 'text' })
  status: StandardVersionStatus;

  @Column({ type: 'date', name: 'released_on', nullable: true })
  releasedOn: string | null;
}
