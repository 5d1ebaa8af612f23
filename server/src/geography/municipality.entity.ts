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
import { Province } from './province.entity.js';

/** The bands of the SQL function `municipality_size_class(population)` (CBS size classes, merged). */
export const MUNICIPALITY_SIZE_CLASSES = [
  'UNDER_10K',
  'FROM_10K_TO_20K',
  'FROM_20K_TO_50K',
  'FROM_50K_TO_100K',
  'FROM_100K_TO_250K',
  'OVER_250K',
] as const;
export type MunicipalitySizeClass = (typeof MUNICIPALITY_SIZE_CLASSES)[number];

/**
 * A municipality (CBS code `GM0363`), current or historical: `valid_to` (inclusive) is set once
 * it has been merged away.
 */
@Entity({ name: 'municipality' })
@Unique('uq_municipality_code', ['code'])
@Check('ck_municipality_code', `code ~ '^GM[0-9]{4}$'`)
@Check('ck_municipality_population', `population IS NULL OR population >= 0`)
@Check('ck_municipality_validity', `valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from`)
@Index('ix_municipality_province_id', ['provinceId'])
@Index('ix_municipality_validity', ['validFrom', 'validTo'])
@Index('ix_municipality_valid_to', ['validTo'])
// (lower(name) text_pattern_ops): an expression index TypeORM cannot describe; the migration owns it.
@Index('ix_municipality_name_lower', { synchronize: false })
export class Municipality {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_municipality',
  })
  id: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'official_name', nullable: true })
  officialName: string | null;

  @Column({ type: 'integer', name: 'province_id' })
  provinceId: number;

  @ManyToOne(() => Province, { nullable: false })
  @JoinColumn({ name: 'province_id', foreignKeyConstraintName: 'fk_municipality_province_id' })
  province: Relation<Province>;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'date', name: 'population_date', nullable: true })
  populationDate: string | null;

  @Column({ type: 'integer', name: 'area_land_ha', nullable: true })
  areaLandHa: number | null;

  @Column({ type: 'integer', name: 'area_water_ha', nullable: true })
  areaWaterHa: number | null;

  @Column({ type: 'text', name: 'tooi_uri' })
  tooiUri: string;

  @Column({ type: 'date', name: 'valid_from', nullable: true })
  validFrom: string | null;

  /** Inclusive: the last day the municipality existed. */
  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo: string | null;
}
