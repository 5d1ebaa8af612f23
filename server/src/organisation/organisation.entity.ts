import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Municipality } from '../geography/municipality.entity.js';
import { Region } from '../geography/region.entity.js';

export const ORGANISATION_KINDS = [
  'VNG',
  'VNG_REALISATIE',
  'TASKFORCE',
  'CVD',
  'IBD',
  'UMBRELLA_ASSOCIATION',
  'SUPPLIER',
  'CHAIN_PARTNER',
  'COOPERATION',
  'GOVERNMENT',
  'OTHER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A body that is not a municipality: VNG, a supplier, a cooperation (optionally tied to a region). */
@Entity({ name: 'organisation' })
@Unique('uq_organisation_slug', ['slug'])
@Check(
  'ck_organisation_kind',
  `kind IN ('VNG', 'VNG_REALISATIE', 'TASKFORCE', 'CVD', 'IBD', 'UMBRELLA_ASSOCIATION', 'SUPPLIER', 'CHAIN_PARTNER', 'COOPERATION', 'GOVERNMENT', 'OTHER')`,
)
@Check('ck_organisation_slug', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class Organisation {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_organisation',
  })
  id: number;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'integer', name: 'region_id', nullable: true })
  regionId: number | null;

  @ManyToOne(() => Region, { nullable: true })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_organisation_region_id' })
  region: Relation<Region> | null;

  @Column({ type: 'integer', name: 'municipality_id', nullable: true })
  municipalityId: number | null;

  @ManyToOne(() => Municipality, { nullable: true })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_organisation_municipality_id' })
  municipality: Relation<Municipality> | null;

  /** Optimistic concurrency, checked and incremented by the services. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
