import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Municipality } from './municipality.entity.js';
import { Region } from './region.entity.js';

/** A municipality belongs to a region. */
@Entity({ name: 'region_membership' })
@Index('ix_region_membership_municipality_id', ['municipalityId'])
export class RegionMembership {
  @PrimaryColumn({ type: 'integer', name: 'region_id', primaryKeyConstraintName: 'pk_region_membership' })
  regionId: number;

  @PrimaryColumn({ type: 'integer', name: 'municipality_id', primaryKeyConstraintName: 'pk_region_membership' })
  municipalityId: number;

  @ManyToOne(() => Region, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_region_membership_region_id' })
  region: Relation<Region>;

  @ManyToOne(() => Municipality, { nullable: false })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_region_membership_municipality_id' })
  municipality: Relation<Municipality>;
}
