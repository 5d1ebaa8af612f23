import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const REGION_KINDS = [
  'PROVINCE',
  'COOPERATION',
  'COROP',
  'SAFETY_REGION',
  'GGD_REGION',
  'LABOUR_MARKET_REGION',
  'NETWORK',
  'CUSTOM',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** A named group of municipalities: an official division or a cooperation. */
@Entity({ name: 'region' })
@Unique('uq_region_kind_code', ['kind', 'code'])
@Check(
  'ck_region_kind',
  `kind IN ('PROVINCE', 'COOPERATION', 'COROP', 'SAFETY_REGION', 'GGD_REGION', 'LABOUR_MARKET_REGION', 'NETWORK', 'CUSTOM')`,
)
export class Region {
  @PrimaryGeneratedColumn('identity', {
    generatedIdentity: 'BY DEFAULT',
    type: 'integer',
    primaryKeyConstraintName: 'pk_region',
  })
  id: number;

  @Column({ type: 'text' })
  kind: RegionKind;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;
}
