import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Organisation } from '../organisation/organisation.entity.js';

export const STANDARD_STATUSES = ['DRAFT', 'ADOPTED', 'APPLY_OR_EXPLAIN', 'DEPRECATED'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** A shared standard municipalities comply with (e.g. on the apply-or-explain list). */
@Entity({ name: 'standard' })
@Unique('uq_standard_slug', ['slug'])
@Check('ck_standard_status', `status IN ('DRAFT', 'ADOPTED', 'APPLY_OR_EXPLAIN', 'DEPRECATED')`)
@Check('ck_standard_slug', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class Standard {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_standard',
  })
  id: number;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  domain: string;

  @Column({ type: 'text' })
  status: StandardStatus;

  @Column({ type: 'integer', name: 'owner_organisation_id', nullable: true })
  ownerOrganisationId: number | null;

  @ManyToOne(() => Organisation, { nullable: true })
  @JoinColumn({ name: 'owner_organisation_id', foreignKeyConstraintName: 'fk_standard_owner_organisation_id' })
  ownerOrganisation: Relation<Organisation> | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'date', name: 'adopted_on', nullable: true })
  adoptedOn: string | null;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
